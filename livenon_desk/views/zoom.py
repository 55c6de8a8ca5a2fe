"""Zoom: every text of the desk larger or smaller, read from arm's length on the floor.
Ctrl++ / Ctrl+- / Ctrl+0; the size is remembered in the user's settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from livenon_desk.services.user_settings import change_user_settings, user_settings

STEPS = (80, 90, 100, 110, 125, 150, 175, 200, 250)
_BASE_PROPERTY = "livenonBasePointSize"


def saved_zoom() -> int:
    percent = user_settings().zoom_percent
    return percent if percent in STEPS else 100


def _base_point_size(app: QApplication) -> float:
    """The application font's size at 100 %, taken once, before any zoom."""
    base = app.property(_BASE_PROPERTY)
    if isinstance(base, float) and base > 0:
        return base
    size = app.font().pointSizeF()
    size = size if size > 0 else 9.0
    app.setProperty(_BASE_PROPERTY, size)
    return size


class Zoom(QObject):
    """Scales the application font; widgets follow it (those drawing their own text, such as
    the chart, listen to ``changed``)."""

    changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.percent = saved_zoom()
        self.apply()

    def zoom_in(self) -> None:
        self._set(next((s for s in STEPS if s > self.percent), STEPS[-1]))

    def zoom_out(self) -> None:
        self._set(next((s for s in reversed(STEPS) if s < self.percent), STEPS[0]))

    def reset(self) -> None:
        self._set(100)

    def _set(self, percent: int) -> None:
        if percent == self.percent:
            return
        self.percent = percent
        change_user_settings(zoom_percent=percent)
        self.apply()
        self.changed.emit(percent)

    def apply(self) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        font = QFont(app.font())
        font.setPointSizeF(_base_point_size(app) * self.percent / 100)
        if font.pointSizeF() != app.font().pointSizeF():
            app.setFont(font)
