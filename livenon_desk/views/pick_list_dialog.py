"""When a scan matches several returns: a short list to pick one from, by keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from livenon_desk.services.dto import LookupMatch
from livenon_desk.views.labels import status_texts


class PickListDialog(QDialog):
    picked = Signal(int)

    def __init__(self, code: str, matches: list[LookupMatch],
                 parent: QWidget | None = None, *, more: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("pickListDialog")
        self.setWindowTitle(self.tr("Several returns match"))
        if more:
            text = self.tr("«{code}» matches more than {n} returns; the first {n} are listed. "
                           "Choose one (↑↓ and Enter, or its number), or scan a longer code.")
        else:
            text = self.tr("«{code}» matches {n} returns. Choose one (↑↓ and Enter, or "
                           "its number).")
        self.summary = QLabel(text.format(code=code, n=len(matches)))
        self.summary.setObjectName("pickListSummary")
        self.summary.setWordWrap(True)
        label = self.summary
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
        # The list would take a digit as the start of a keyboard search; here it picks.
        self.list.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        self.resize(620, 320)
        self.list.setFocus()

    def _activate(self, item: QListWidgetItem) -> None:
        self.picked.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.list and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and self._pick_by_key(event)):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._pick_by_key(event):
            super().keyPressEvent(event)

    def _pick_by_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier \
            == Qt.KeyboardModifier.NoModifier
        if plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            row = key - Qt.Key.Key_1
            if row < self.list.count():
                self._activate(self.list.item(row))
            return True  # a digit beyond the list picks nothing and searches nothing
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.currentItem():
            self._activate(self.list.currentItem())
            return True
        return False
