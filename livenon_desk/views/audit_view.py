"""The supervisor's view of the audit trail: who did what to which record, filtered, with a
check of the hash chain."""

from __future__ import annotations

from datetime import timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.audit_chain import ChainReport
from livenon_desk.domain.roles import Actor
from livenon_desk.services.audit import AuditAction, AuditFilter, AuditRow
from livenon_desk.services.clock import utc_now
from livenon_desk.services.desk import Desk
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.formatting import format_date
from livenon_desk.views.labels import audit_action_texts
from livenon_desk.views.record_words import audit_change_text, audit_record_text
from livenon_desk.views.task_runner import TaskRunner

PAGE = 500
Index = QModelIndex | QPersistentModelIndex


class AuditColumn(IntEnum):
    WHEN = 0
    WHO = 1
    ACTION = 2
    RECORD = 3
    CHANGE = 4


class AuditTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AuditRow] = []
        self._actions = audit_action_texts()
        self._headers = {
            AuditColumn.WHEN: self.tr("When"), AuditColumn.WHO: self.tr("Who"),
            AuditColumn.ACTION: self.tr("Action"), AuditColumn.RECORD: self.tr("Record"),
            AuditColumn.CHANGE: self.tr("Change"),
        }

    def set_rows(self, rows: list[AuditRow], append: bool = False) -> None:
        self.beginResetModel()
        self.rows = [*self.rows, *rows] if append else list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AuditColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[AuditColumn(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        column = AuditColumn(index.column())
        if column is AuditColumn.WHEN:
            return format_date(row.at)
        if column is AuditColumn.WHO:
            return row.actor
        if column is AuditColumn.ACTION:
            return self._actions.get(row.action, row.action)
        if column is AuditColumn.RECORD:
            return audit_record_text(row)
        return audit_change_text(row)


class AuditView(QDialog):
    def __init__(self, desk: Desk, runner: TaskRunner, actor: Actor, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._actor = actor
        self._language = language
        self.setObjectName("auditView")
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1000, 600)
        self.who = QLineEdit(placeholderText=self.tr("User"))
        self.record = QLineEdit(placeholderText=self.tr("RMA or record"))
        self.action = QComboBox()
        self.action.addItem(self.tr("Any action"), None)
        texts = audit_action_texts()
        for action in AuditAction:
            self.action.addItem(texts.get(action.value, action.value), action.value)
        self.period = QComboBox()
        for days, text in ((None, self.tr("Any time")), (1, self.tr("Last 24 hours")),
                           (7, self.tr("Last 7 days")), (30, self.tr("Last 30 days"))):
            self.period.addItem(text, days)
        self.search = QPushButton(self.tr("&Show"))
        self.more = QPushButton(self.tr("Load &more"))
        self.verify_button = QPushButton(self.tr("&Verify the chain"))
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        self.model = AuditTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAlternatingRowColors(True)
        filters = QHBoxLayout()
        for widget in (self.who, self.record, self.action, self.period, self.search):
            filters.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.more)
        bottom.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.search.clicked.connect(self.load)
        self.more.clicked.connect(lambda: self.load(append=True))
        self.verify_button.clicked.connect(self.verify)
        for edit in (self.who, self.record):
            edit.returnPressed.connect(self.load)
        self.load()

    def current_filter(self) -> AuditFilter:
        days = self.period.currentData()
        action = self.action.currentData()
        return AuditFilter(
            actor=self.who.text().strip().lower() or None,
            action=str(action) if action else None,
            entity_key=self.record.text().strip() or None,
            since=utc_now() - timedelta(days=int(days)) if days else None)

    def load(self, append: bool = False) -> None:
        offset = len(self.model.rows) if append else 0
        flt = self.current_filter()
        self._runner.run(
            lambda *args: self._desk.audit.events(*args),
            self._actor, flt, PAGE, offset,
            on_done=lambda rows: self._loaded(rows, append),
            on_error=self._failed)

    def _loaded(self, rows: list[AuditRow], append: bool) -> None:
        self.model.set_rows(rows, append)
        self.more.setEnabled(len(rows) == PAGE)
        self.status.setText(self.tr("{n} events shown, newest first.").format(
            n=len(self.model.rows)))

    def verify(self) -> None:
        self.status.setText(self.tr("Checking the chain…"))
        self._runner.run(
            lambda *args: self._desk.audit.verify(*args),
            on_done=self._verified,
            on_error=self._failed)

    def _verified(self, report: ChainReport) -> None:
        if report.ok:
            self.status.setStyleSheet("color: #1b7f3b")
            self.status.setText(self.tr("The audit trail is intact: {n} events checked.")
                                .format(n=report.checked))
        else:
            self.status.setStyleSheet("color: #b3261e")
            problem = report.problem.text(self._language) if report.problem else ""
            self.status.setText(self.tr("The audit trail was tampered with: {problem}")
                                .format(problem=problem))

    def _failed(self, error: BaseException) -> None:
        self.status.setText(user_message(error, self._language))
