"""When a scan matches several returns: a short list to pick one from, by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from livenon_desk.services.dto import LookupMatch
from livenon_desk.views.labels import status_texts


class PickListDialog(QDialog):
    picked = Signal(int)

    def __init__(self, code: str, matches: list[LookupMatch],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickListDialog")
        self.setWindowTitle(self.tr("Several returns match"))
        label = QLabel(self.tr("«{code}» matches {n} returns. Choose one (↑↓ and Enter, or "
                               "its number).").format(code=code, n=len(matches)))
        label.setWordWrap(True)
        self.list = QListWidget()
        statuses = status_texts()
        for number, match in enumerate(matches, start=1):
            row = match.row
            prefix = f"{number}. " if number <= 9 else ""
            item = QListWidgetItem(
                f"{prefix}{row.rma_number} · {row.order_number} · {row.customer_name} · "
                f"{statuses[row.status]}")
            item.setData(Qt.ItemDataRole.UserRole, row.return_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        self.resize(620, 320)
        self.list.setFocus()

    def _activate(self, item: QListWidgetItem) -> None:
        self.picked.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            row = key - Qt.Key.Key_1
            if row < self.list.count():
                self._activate(self.list.item(row))
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.currentItem():
            self._activate(self.list.currentItem())
            return
        super().keyPressEvent(event)
