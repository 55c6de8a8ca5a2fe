"""The status bar's sync corner: online / offline / syncing, changes waiting, last sync."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from livenon_desk.views.formatting import format_time
from livenon_desk.views.sync_controller import (
    NOT_SET_UP,
    OFFLINE,
    ONLINE,
    SIGNED_OUT,
    SYNCING,
    SyncStatus,
)

_COLOURS = {ONLINE: "#1b7f3b", SYNCING: "#1f5fa8", OFFLINE: "#b3261e", SIGNED_OUT: "#b3261e",
            NOT_SET_UP: "#6b6b6b"}


class SyncStatusWidget(QLabel):
    """Click (or Enter when focused) to open the sync view."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.show_status(SyncStatus(NOT_SET_UP, None))

    def _state_text(self, state: str) -> str:
        return {
            ONLINE: self.tr("Online"),
            SYNCING: self.tr("Syncing…"),
            OFFLINE: self.tr("Offline"),
            SIGNED_OUT: self.tr("Not signed in"),
            NOT_SET_UP: self.tr("Sync not set up"),
        }[state]

    def show_status(self, status: SyncStatus) -> None:
        parts = [self._state_text(status.state)]
        snapshot = status.snapshot
        if snapshot is not None:
            parts.append(self.tr("{n} waiting").format(n=snapshot.waiting))
            if snapshot.conflicts:
                parts.append(self.tr("{n} to decide").format(n=snapshot.conflicts))
            if snapshot.failed:
                parts.append(self.tr("{n} refused").format(n=snapshot.failed))
            parts.append(self.tr("last sync {when}").format(
                when=self._when(snapshot.last_success_at)))
        colour = _COLOURS[status.state]
        self.setText(f'<span style="color:{colour}">\u25cf</span> ' + " \u00b7 ".join(parts))
        tip = self.tr("Sync with the central server: click for details")
        if status.message:
            tip += "\n" + status.message
        self.setToolTip(tip)
        self.state = status.state

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return self.tr("never")
        return format_time(moment)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)
