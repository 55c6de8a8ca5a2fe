"""Work that waits until a window is on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[], object]) -> None:
        super().__init__(widget)
        self._fn = fn
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fn)
        return False


def after_first_paint(widget: QWidget, fn: Callable[[], object]) -> None:
    """``fn`` runs once ``widget`` has painted itself (on the next turn of the event
    loop): what it does then, reading the store or loading modules, holds the
    interpreter's lock after the window is in sight, not before."""
    _AfterFirstPaint(widget, fn)
