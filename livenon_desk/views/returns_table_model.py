"""The returns list as a Qt model: a window of pages fetched on demand, never the table."""

from __future__ import annotations

from array import array
from collections import OrderedDict
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from livenon_desk.services.dto import ReturnFilter, ReturnRow, SortKey, pages_by_offset
from livenon_desk.views.formatting import format_day
from livenon_desk.views.labels import reason_texts, status_texts
from livenon_desk.views.protocols import ReturnsQueries
from livenon_desk.views.task_runner import TaskRunner

PAGE_SIZE = 200
MAX_PAGES = 50
PLACEHOLDER = "…"
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    RMA = 0
    ORDER = 1
    CUSTOMER = 2
    STATUS = 3
    REASON = 4
    CARRIER = 5
    APPLIED = 6
    RECEIVED = 7


_SORT_KEYS = {
    Column.RMA: SortKey.RMA_NUMBER,
    Column.ORDER: SortKey.ORDER_NUMBER,
    Column.CUSTOMER: SortKey.CUSTOMER,
    Column.STATUS: SortKey.STATUS,
    Column.REASON: SortKey.REASON,
    Column.CARRIER: SortKey.CARRIER,
    Column.APPLIED: SortKey.APPLIED_AT,
    Column.RECEIVED: SortKey.RECEIVED_AT,
}
COLUMN_OF_SORT = {key: column for column, key in _SORT_KEYS.items()}
OVERDUE_COLOUR = QColor("#b3261e")
_OVERDUE_COLUMNS = frozenset({Column.RMA, Column.STATUS, Column.RECEIVED})


def _headers() -> dict[Column, str]:
    return {
        Column.RMA: QCoreApplication.translate("ReturnsTableModel", "RMA"),
        Column.ORDER: QCoreApplication.translate("ReturnsTableModel", "Order"),
        Column.CUSTOMER: QCoreApplication.translate("ReturnsTableModel", "Customer"),
        Column.STATUS: QCoreApplication.translate("ReturnsTableModel", "Status"),
        Column.REASON: QCoreApplication.translate("ReturnsTableModel", "Reason"),
        Column.CARRIER: QCoreApplication.translate("ReturnsTableModel", "Carrier"),
        Column.APPLIED: QCoreApplication.translate("ReturnsTableModel", "Applied"),
        Column.RECEIVED: QCoreApplication.translate("ReturnsTableModel", "Received"),
    }


# The longest usual value of each column, for its default width.
_SAMPLES = {
    Column.RMA: ("RMA-2026-000000",),
    Column.ORDER: ("LVN2026100100000",),
    Column.CUSTOMER: ("Alexandra Whitfield",),
    Column.CARRIER: ("FedEx", "USPS"),
}


def column_widths(model: ReturnsTableModel, metrics: QFontMetrics) -> dict[Column, int]:
    """Each column but the last wide enough for its header (with the sort arrow) and its
    longest usual value, at the font the table draws with."""
    day = QLocale().toString(QDate(2026, 12, 31), QLocale.FormatType.ShortFormat)
    samples: dict[Column, tuple[str, ...]] = {
        **_SAMPLES,
        Column.STATUS: tuple(status_texts().values()),
        Column.REASON: tuple(reason_texts().values()),
        Column.APPLIED: (day,),
    }
    pad = metrics.horizontalAdvance("M") * 2
    widths = {}
    for column, texts in samples.items():
        header = str(model.headerData(column, Qt.Orientation.Horizontal))
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        widths[column] = max(widest, metrics.horizontalAdvance(header) + pad) + pad
    widths[Column.RMA] += metrics.height() + 4  # a restricted return's warning icon
    return widths


class ReturnsTableModel(QAbstractTableModel):
    """All returns (sorted and filtered in SQL, a page at a time), or a list of matches."""

    count_changed = Signal(int)
    load_failed = Signal(object)

    def __init__(self, service: ReturnsQueries, runner: TaskRunner, *,
                 reading: bool = True) -> None:
        """``reading=False``: nothing is read until ``start_reading`` (sorting and
        filtering before it only choose what the first read will be)."""
        super().__init__()
        self._reading = reading
        self._service = service
        self._runner = runner
        self._filter = ReturnFilter()
        self._sort = SortKey.APPLIED_AT
        self._descending = True
        self._count = 0
        self._pages: OrderedDict[int, list[ReturnRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._matches: list[ReturnRow] | None = None
        self._headers = _headers()
        self._statuses = status_texts()
        self._reasons = reason_texts()
        self._locale = QLocale()
        self._lock_icon: QIcon | None = None
        self._ids: array[int] | None = None

    # --- what the list shows -------------------------------------------------------------

    def refresh(self) -> None:
        """Forget every loaded page and count the rows anew (in the background).

        A filtered list, or one in an order no index gives, takes its ids in order once
        and pages through them; the others find each page by its offset.
        """
        if not self._reading:
            return
        self._generation += 1
        generation = self._generation
        if pages_by_offset(self._filter, self._sort):
            self._ids = None
            self._runner.run(
                self._service.count, self._filter,
                on_done=lambda n: self._counted(generation, n),
                on_error=self.load_failed.emit)
        else:
            self._runner.run(
                self._service.ordered_ids, self._filter, self._sort, self._descending,
                on_done=lambda ids: self._ids_loaded(generation, ids),
                on_error=self.load_failed.emit)

    def start_reading(self) -> None:
        self._reading = True
        self.refresh()

    def _ids_loaded(self, generation: int, ids: array[int]) -> None:
        if generation != self._generation:
            return
        self._ids = ids
        self._counted(generation, len(ids))

    def show_matches(self, rows: list[ReturnRow]) -> None:
        self.beginResetModel()
        self._generation += 1
        self._matches = list(rows)
        self.endResetModel()
        self.count_changed.emit(len(rows))

    def show_all(self) -> None:
        if self._matches is not None:
            self.beginResetModel()
            self._matches = None
            self._count = 0
            self._pages.clear()
            self.endResetModel()
        self.refresh()

    @property
    def showing_matches(self) -> bool:
        return self._matches is not None

    def set_filter(self, flt: ReturnFilter) -> None:
        self._filter = flt
        self.refresh()

    def set_view(self, flt: ReturnFilter, sort: SortKey, descending: bool) -> None:
        """Show every return that ``flt`` lets through, in this order."""
        self._filter = flt
        self._sort = sort
        self._descending = descending
        self.show_all()

    @property
    def sort_key(self) -> tuple[SortKey, bool]:
        return self._sort, self._descending

    def row_at(self, row: int) -> ReturnRow | None:
        if self._matches is not None:
            return self._matches[row] if 0 <= row < len(self._matches) else None
        page = self._pages.get(row // PAGE_SIZE)
        if page is None or row % PAGE_SIZE >= len(page):
            return None
        return page[row % PAGE_SIZE]

    def update_row(self, fresh: ReturnRow) -> None:
        """A return changed: its row, where it is loaded, shows the new state at once."""
        if self._matches is not None:
            for n, row in enumerate(self._matches):
                if row.return_id == fresh.return_id:
                    self._matches[n] = fresh
                    self._row_changed(n)
            return
        for page, page_rows in self._pages.items():
            for n, row in enumerate(page_rows):
                if row.return_id == fresh.return_id:
                    page_rows[n] = fresh
                    self._row_changed(page * PAGE_SIZE + n)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def loaded_pages(self) -> int:
        return len(self._pages)

    def _counted(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._count = count
        self._pages.clear()
        self._pending.clear()
        self.endResetModel()
        self.count_changed.emit(count)

    def _request_page(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation = self._generation
        if self._ids is not None:
            window = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
            self._runner.run(
                self._service.rows, window,
                on_done=lambda rows: self._page_loaded(generation, page, rows),
                on_error=lambda exc: self._page_failed(generation, page, exc))
            return
        self._runner.run(
            self._service.page,
            self._filter,
            self._sort,
            self._descending,
            page * PAGE_SIZE,
            PAGE_SIZE,
            on_done=lambda rows: self._page_loaded(generation, page, rows),
            on_error=lambda exc: self._page_failed(generation, page, exc),
        )

    def _page_loaded(self, generation: int, page: int, rows: list[ReturnRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        self._pages[page] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))

    def _page_failed(self, generation: int, page: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._pending.discard(page)
            self.load_failed.emit(exc)

    # --- Qt's model interface ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._matches) if self._matches is not None else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._loaded_row(index.row(), role)
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return PLACEHOLDER if index.column() == 0 else ""
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.DecorationRole and row.restricted and column is Column.RMA:
            return self._restricted_icon()
        if role == Qt.ItemDataRole.ToolTipRole and row.restricted:
            return self.tr("Restricted: read-only (privacy rule)")
        if (role == Qt.ItemDataRole.ForegroundRole and column in _OVERDUE_COLUMNS
                and row.overdue):
            return OVERDUE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and row.overdue:
            return self.tr("Overdue: past the P5 inspection deadline")
        if role == Qt.ItemDataRole.UserRole:
            return row.return_id
        return None

    def _loaded_row(self, n: int, role: int) -> ReturnRow | None:
        """Row ``n`` if its page is loaded; showing a row of the full list asks for its
        page (the search's matches are all loaded) and keeps that page as the newest."""
        row = self.row_at(n)
        if row is None and self._matches is None and role == Qt.ItemDataRole.DisplayRole:
            self._request_page(n // PAGE_SIZE)
            row = self.row_at(n)  # a synchronous runner has loaded it now
        if row is not None and self._matches is None:
            self._pages.move_to_end(n // PAGE_SIZE)
        return row

    def _restricted_icon(self) -> QIcon:
        if self._lock_icon is None:
            style = QApplication.style()
            self._lock_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._lock_icon

    def _display(self, row: ReturnRow, column: Column) -> str:
        if column is Column.RMA:
            return row.rma_number
        if column is Column.ORDER:
            return row.order_number
        if column is Column.CUSTOMER:
            return row.customer_name
        if column is Column.STATUS:
            return self._statuses[row.status]
        if column is Column.REASON:
            return self._reasons[row.reason_code]
        if column is Column.CARRIER:
            return row.carrier or ""
        if column is Column.APPLIED:
            return self._date(row.applied_at)
        return self._date(row.received_at)

    def _date(self, moment: datetime | None) -> str:
        return format_day(moment, self._locale)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORT_KEYS.get(Column(column))
        if key is None or self._matches is not None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    @staticmethod
    def sortable(column: int) -> bool:
        return Column(column) in _SORT_KEYS
