"""The email applications' list as a Qt model: the rows the queue service hands over."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from livenon_desk.views.formatting import format_date
from livenon_desk.views.labels import mail_state_texts

if TYPE_CHECKING:
    # Its module loads the database layer, which the window's first paint does not wait for.
    from livenon_desk.services.application_queue import ApplicationQueueRow

Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOUR = QColor("#b3261e")
KEY_ROLE = Qt.ItemDataRole.UserRole


class Column(IntEnum):
    RECEIVED = 0
    SENDER = 1
    ORDER = 2
    PRODUCT = 3
    STATE = 4
    DUE = 5


class ApplicationsTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ApplicationQueueRow] = []
        self._headers = {
            Column.RECEIVED: self.tr("Received"),
            Column.SENDER: self.tr("Sender"),
            Column.ORDER: self.tr("Order"),
            Column.PRODUCT: self.tr("Product"),
            Column.STATE: self.tr("State"),
            Column.DUE: self.tr("Instructions by (P2)"),
        }
        self._states = mail_state_texts()

    def set_rows(self, rows: list[ApplicationQueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, n: int) -> ApplicationQueueRow | None:
        return self._rows[n] if 0 <= n < len(self._rows) else None

    def row_of(self, key: str) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.key == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue and column in (
                Column.STATE, Column.DUE):
            return OVERDUE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.overdue:
                return self.tr("Overdue: instructions not sent by {date} (P2)").format(
                    date=format_date(row.instructions_due.deadline))
            if column is Column.SENDER and row.sender_name:
                return row.sender_name
        if role == KEY_ROLE:
            return row.key
        return None

    def _display(self, row: ApplicationQueueRow, column: Column) -> str:
        match column:
            case Column.RECEIVED:
                return format_date(row.received_at)
            case Column.SENDER:
                return row.sender or "—"
            case Column.ORDER:
                return row.order_number or "—"
            case Column.PRODUCT:
                return row.product_name or "—"
            case Column.STATE:
                return self._states[row.state]
            case Column.DUE:
                due = format_date(row.instructions_due.deadline)
                return self.tr("{date} (overdue)").format(date=due) if row.overdue else due
