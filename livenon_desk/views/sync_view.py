"""The sync view: the central server to sign in to, what waits, what was refused and why,
and each conflict's two versions side by side, to keep the desk's or take the server's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.roles import Actor
from livenon_desk.services.desk import Desk
from livenon_desk.services.sync_dto import ConflictView, OutboxItem, RefusedView
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.formatting import format_date
from livenon_desk.views.record_words import field_label, field_value, visible_fields
from livenon_desk.views.sync_controller import SYNCING, SyncController, SyncStatus
from livenon_desk.views.sync_status import SyncStatusWidget
from livenon_desk.views.task_runner import TaskRunner

_Index = QModelIndex | QPersistentModelIndex
_DIFFERENT = QColor("#fff1c2")


class RowsModel(QAbstractTableModel):
    """A short list of rows of text (at most a few hundred), fed whole by ``set_rows``."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: Sequence[tuple[str, ...]] = []
        self._marked: set[int] = set()

    def set_rows(self, rows: Sequence[tuple[str, ...]], marked: set[int] | None = None) -> None:
        self.beginResetModel()
        self._rows = rows
        self._marked = marked or set()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self._marked:
            return QBrush(_DIFFERENT)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def _table(model: RowsModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


@dataclass(frozen=True)
class _Loaded:
    waiting: list[OutboxItem]
    failed: list[OutboxItem]
    conflicts: list[ConflictView]
    refused: list[RefusedView]


def _load(desk: Desk) -> _Loaded:
    """On a pool thread: what the view lists."""
    service = desk.sync
    return _Loaded(service.waiting(), service.failed(), service.conflicts(),
                   service.refused())


class SyncView(QDialog):
    def __init__(self, desk: Desk, runner: TaskRunner, controller: SyncController,
                 actor: Actor, *, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncView")
        self.setWindowTitle(self.tr("Sync with the central server"))
        self._desk = desk
        self._runner = runner
        self._controller = controller
        self._actor = actor
        self._language = language
        self._conflicts: list[ConflictView] = []
        self._syncing_said = False

        self.server = QLineEdit(controller.server_url, placeholderText="https://central.example.com")
        self.server.setObjectName("syncServer")
        self.user = QLineEdit(controller.user)
        self.user.setObjectName("syncUser")
        self.password = QLineEdit()
        self.password.setObjectName("syncPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("syncSignIn")
        self.sign_in_button.clicked.connect(self._sign_in)
        server_box = QGroupBox(self.tr("Central server"))
        form = QFormLayout(server_box)
        form.addRow(self.tr("Address"), self.server)
        form.addRow(self.tr("User"), self.user)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.sign_in_button)
        form.addRow(self.tr("Password"), password_row)

        self.status = SyncStatusWidget()
        self.message = QLabel()
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)

        change, record, saved, tries, reason = (
            self.tr("Change"), self.tr("Record"), self.tr("Saved"), self.tr("Tries"),
            self.tr("Reason"))
        self.waiting_model = RowsModel([change, record, saved, tries, reason], self)
        self.failed_model = RowsModel([change, record, saved, self.tr("Answer"), reason], self)
        # Records the server sent that the desk did not take (a malformed or missing date).
        self.refused_model = RowsModel(
            [self.tr("Record type"), record, self.tr("Refused"), reason], self)
        self.compare_model = RowsModel(
            [self.tr("Field"), self.tr("On this desk"), self.tr("On the server")], self)
        self.waiting_table = _table(self.waiting_model, "syncWaiting")
        self.failed_table = _table(self.failed_model, "syncFailed")
        self.compare_table = _table(self.compare_model, "syncCompare")
        self.refused_table = _table(self.refused_model, "syncRefusedFromServer")
        for column, width in enumerate((130, 200, 130)):
            self.refused_table.horizontalHeader().resizeSection(column, width)
        for table in (self.waiting_table, self.failed_table):
            for column, width in enumerate((130, 290, 180, 60)):
                table.horizontalHeader().resizeSection(column, width)
        self.compare_table.horizontalHeader().resizeSection(0, 150)
        self.compare_table.horizontalHeader().resizeSection(1, 230)

        self.conflict_list = QListWidget()
        self.conflict_list.setObjectName("syncConflicts")
        self.conflict_list.currentRowChanged.connect(self._show_conflict)
        self.keep_mine_button = QPushButton(self.tr("Keep mine"))
        self.keep_mine_button.setObjectName("syncKeepMine")
        self.keep_mine_button.setToolTip(self.tr(
            "Send this desk's change again, over the server's version"))
        self.take_theirs_button = QPushButton(self.tr("Take theirs"))
        self.take_theirs_button.setObjectName("syncTakeTheirs")
        self.take_theirs_button.setToolTip(self.tr(
            "Drop this desk's change and use the server's version"))
        self.keep_mine_button.clicked.connect(lambda: self._resolve(mine=True))
        self.take_theirs_button.clicked.connect(lambda: self._resolve(mine=False))
        conflict_page = QWidget()
        conflict_layout = QVBoxLayout(conflict_page)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.conflict_list)
        split.addWidget(self.compare_table)
        split.setSizes([220, 560])
        conflict_layout.addWidget(QLabel(self.tr(
            "The server's record changed while this desk's change waited. Compare the two "
            "versions (differences are highlighted) and choose.")))
        conflict_layout.addWidget(split, 1)
        choose = QHBoxLayout()
        choose.addStretch(1)
        choose.addWidget(self.keep_mine_button)
        choose.addWidget(self.take_theirs_button)
        conflict_layout.addLayout(choose)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.waiting_table, "")
        self.tabs.addTab(self.failed_table, "")
        self.tabs.addTab(conflict_page, "")
        self.tabs.addTab(self.refused_table, "")
        self.tabs.setTabToolTip(3, self.tr(
            "Records the central server sent that this desk did not take, and why; the "
            "desk keeps what it had until a corrected version arrives"))

        self.retry_button = QPushButton(self.tr("Retry now"))
        self.retry_button.setObjectName("syncRetry")
        self.retry_button.setToolTip(self.tr(
            "Queue refused changes again and run a sync round now"))
        self.retry_button.clicked.connect(self._retry)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(server_box)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(960, 560)

        controller.status_changed.connect(self._status_changed)
        controller.round_finished.connect(lambda _r: self.reload())
        self.status.show_status(controller.status)
        self._set_counts(0, 0, 0)
        self._set_refused_count(0)
        self.reload()

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        # The status bar's count is read with the lists, so the two agree.
        self._controller.refresh()
        self._runner.run(_load, self._desk, on_done=self._loaded, on_error=self._error)

    def _kind(self, kind: str) -> str:
        return {
            "receipt": self.tr("Receipt"),
            "inspection": self.tr("Inspection"),
            "override": self.tr("Exception approval"),
            "photo": self.tr("Photo"),
            "audit_event": self.tr("Audit event"),
            "refund_decision": self.tr("Refund decision"),
        }.get(kind, kind)

    def _record_kind(self, kind: str) -> str:
        return {
            "customer": self.tr("Customer"),
            "order": self.tr("Order"),
            "return": self.tr("Return"),
            "inspection": self.tr("Inspection"),
        }.get(kind, kind)

    @staticmethod
    def _when(moment: datetime) -> str:
        return format_date(moment)

    def _loaded(self, loaded: _Loaded) -> None:
        self.waiting_model.set_rows([
            (self._kind(i.kind), i.record, self._when(i.created_at), str(i.attempts),
             i.last_error or "") for i in loaded.waiting])
        self.failed_model.set_rows([
            (self._kind(i.kind), i.record, self._when(i.created_at),
             str(i.last_status or ""), i.last_error or "") for i in loaded.failed])
        self._conflicts = loaded.conflicts
        self.conflict_list.clear()
        for conflict in loaded.conflicts:
            item = QListWidgetItem(" · ".join(
                p for p in (self._kind(conflict.kind), conflict.record) if p))
            item.setToolTip(self.tr("Found {when}").format(when=self._when(conflict.detected_at)))
            self.conflict_list.addItem(item)
        if loaded.conflicts:
            self.conflict_list.setCurrentRow(0)
        else:
            self.compare_model.set_rows([])
        has_conflict = bool(loaded.conflicts)
        self.keep_mine_button.setEnabled(has_conflict)
        self.take_theirs_button.setEnabled(has_conflict)
        zh = self._language.startswith("zh")
        self.refused_model.set_rows([
            (self._record_kind(r.kind), r.entity_key, self._when(r.refused_at),
             r.reason_zh if zh else r.reason_en) for r in loaded.refused])
        self._set_refused_count(len(loaded.refused))
        self._set_counts(len(loaded.waiting), len(loaded.failed), len(loaded.conflicts))
        if loaded.conflicts and not loaded.failed and not loaded.waiting:
            self.tabs.setCurrentIndex(2)

    def _set_refused_count(self, n: int) -> None:
        self.tabs.setTabText(3, self.tr("Not taken from the server ({n})").format(n=n))

    def _set_counts(self, waiting: int, failed: int, conflicts: int) -> None:
        self.tabs.setTabText(0, self.tr("Waiting ({n})").format(n=waiting))
        self.tabs.setTabText(1, self.tr("Refused ({n})").format(n=failed))
        self.tabs.setTabText(2, self.tr("To decide ({n})").format(n=conflicts))

    def _show_conflict(self, row: int) -> None:
        if not 0 <= row < len(self._conflicts):
            self.compare_model.set_rows([])
            return
        conflict = self._conflicts[row]
        mine = conflict.mine
        theirs = conflict.theirs or {}
        fields = visible_fields(dict.fromkeys([*mine, *(k for k in theirs if k in mine)]))
        rows = []
        marked = set()
        for n, name in enumerate(fields):
            here, there = field_value(name, mine.get(name)), field_value(name, theirs.get(name))
            rows.append((field_label(name), here, there))
            if here != there:
                marked.add(n)
        if conflict.theirs is None:
            rows.append((self.tr("(record)"), "", self.tr("not on the server")))
        self.compare_model.set_rows(rows, marked)

    # --- acting -------------------------------------------------------------------------

    def _resolve(self, *, mine: bool) -> None:
        row = self.conflict_list.currentRow()
        if not 0 <= row < len(self._conflicts):
            return
        conflict_id = self._conflicts[row].id
        service = self._desk.sync
        act = service.keep_mine if mine else service.take_theirs
        self.keep_mine_button.setEnabled(False)
        self.take_theirs_button.setEnabled(False)
        self._runner.run(act, self._actor, conflict_id, on_done=self._resolved,
                         on_error=self._error)

    def _resolved(self, _result: object) -> None:
        self.message.setText(self.tr("Your choice was saved; it is sent with the next round."))
        self.reload()
        self._controller.sync_now()

    def _retry(self) -> None:
        self._runner.run(
            lambda *args: self._desk.sync.retry_failed(*args),
            self._actor,
            on_done=lambda _n: self._controller.sync_now(), on_error=self._error)

    def _sign_in(self) -> None:
        self.message.setText(self.tr("Signing in…"))
        self.sign_in_button.setEnabled(False)
        password = self.password.text()
        self.password.clear()
        self._controller.sign_in(self.server.text(), self.user.text(), password,
                                 on_done=self._signed_in, on_error=self._sign_in_failed)

    def _signed_in(self, _role: object) -> None:
        self.sign_in_button.setEnabled(True)
        self._syncing_said = True
        self.message.setText(self.tr("Signed in; syncing."))
        if not self._controller.running:  # the round may already be over
            self._status_changed(self._controller.status)

    def _sign_in_failed(self, error: BaseException) -> None:
        self.sign_in_button.setEnabled(True)
        self._error(error)

    def _error(self, error: BaseException) -> None:
        self.message.setText(user_message(error, self._language))

    def _status_changed(self, status: SyncStatus) -> None:
        self.status.show_status(status)
        if status.message:
            self._syncing_said = False
            self.message.setText(status.message)
        elif self._syncing_said and status.state != SYNCING:
            # "Syncing" is true only while the round runs.
            self._syncing_said = False
            self.message.setText(self.tr("Signed in; the sync round is done."))
