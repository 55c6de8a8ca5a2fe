"""Keys of a form that takes scans: Escape in a field goes back to the scan field (not out
of the dialog), and Enter on a widget that has no Enter of its own (a combo box) goes on."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FieldKeys(QObject):
    def __init__(self, parent: QObject, fields: tuple[QWidget, ...],
                 back: Callable[[], None],
                 on_enter: Mapping[QWidget, Callable[[], None]] | None = None) -> None:
        super().__init__(parent)
        self._back = back
        self._on_enter = dict(on_enter or {})
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() == Qt.Key.Key_Escape:
            self._back()
            return True
        step = self._on_enter.get(watched) if isinstance(watched, QWidget) else None
        if step is not None and event.key() in _ENTER:
            step()
            return True
        return False
