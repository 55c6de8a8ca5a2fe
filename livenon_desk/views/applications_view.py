"""The email applications' list (P1, P2), shown in place of the returns list: the open
ones oldest first, each opened with Enter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.roles import Actor
from livenon_desk.services.desk import Desk
from livenon_desk.views.applications_table_model import ApplicationsTableModel, Column
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    # Their module loads the database layer, which the window's first paint does not wait for.
    from livenon_desk.services.application_queue import ApplicationCounts, ApplicationQueueRow
    from livenon_desk.views.application_dialog import ApplicationDialog

# No column wider than this many letters: a customer may write a paragraph as the product.
_WIDEST_EMS = 22


class ApplicationsView(QWidget):
    counts_changed = Signal(object)  # ApplicationCounts

    def __init__(self, desk: Desk, runner: TaskRunner, actor: Actor, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicationsView")
        self._desk = desk
        self._runner = runner
        self.actor = actor
        self._language = language
        self.dialog: ApplicationDialog | None = None
        self.model = ApplicationsTableModel()
        self.table = QTableView()
        self.table.setObjectName("applicationsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.note = QLabel(self.tr(
            "Arrows move, Enter opens an application. The instructions are due by the day "
            "shown (P2), counted from the email's receipt."))
        self.note.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("applicationsMessage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        """Check the new applications against their orders, then list them all."""
        self._runner.run(self._load, on_done=self._loaded, on_error=self._failed)

    def _load(self) -> tuple[list[ApplicationQueueRow], ApplicationCounts]:
        queue = self._desk.application_queue
        queue.check_new(self.actor)
        return queue.rows(self.actor), queue.counts(self.actor)

    def _loaded(self, loaded: tuple[list[ApplicationQueueRow], ApplicationCounts]) -> None:
        rows, counts = loaded
        current = self.model.row_at(self.table.currentIndex().row())
        self.model.set_rows(rows)
        self._fit_columns()
        row = self.model.row_of(current.key) if current is not None else None
        self.table.setCurrentIndex(self.model.index(row or 0, 0))
        self.message.setText("" if rows else self.tr("No email applications."))
        self.counts_changed.emit(counts)

    def _fit_columns(self) -> None:
        """Each column as wide as its values (the list is short), a long product or
        address cut at a readable width."""
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.table.resizeColumnsToContents()
        widest = metrics.horizontalAdvance("M") * _WIDEST_EMS
        header = self.table.horizontalHeader()
        for column in Column:
            header.resizeSection(column, min(header.sectionSize(column) + 8, widest))

    def _failed(self, error: BaseException) -> None:
        self.message.setText(user_message(error, self._language))

    def focus_list(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_application(row.key)

    def open_application(self, key: str) -> None:
        # Loaded when first opened: the window's first paint does not wait for it.
        from livenon_desk.views.application_dialog import ApplicationDialog

        dialog = ApplicationDialog(self._desk, self._runner, self.actor, key, self._language,
                                   self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: ApplicationDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.refresh()
        self.table.setFocus()
