"""The main window: the work queue, a search box that takes scans, the list and the record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.roles import Action, Actor
from livenon_desk.services.clock import utc_now
from livenon_desk.services.deferred_service import DeferredReturnsService
from livenon_desk.services.desk import Desk
from livenon_desk.services.dto import LookupMatch, ReturnDetail, ReturnFilter, ReturnRow
from livenon_desk.services.user_settings import change_user_settings, user_settings
from livenon_desk.services.work_queue_dto import Queue, WeekStats
from livenon_desk.views.after_paint import after_first_paint
from livenon_desk.views.applications_view import ApplicationsView
from livenon_desk.views.detail_pane import DetailPane
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.filter_bar import FilterBar
from livenon_desk.views.formatting import format_count
from livenon_desk.views.keyed_actions import keyed_action, keyed_tip, keys_text
from livenon_desk.views.labels import role_texts
from livenon_desk.views.print_actions import PrintActions
from livenon_desk.views.queue_panel import APPLICATIONS, WEIGHT_FLAGS, QueuePanel
from livenon_desk.views.return_actions import ReturnActions
from livenon_desk.views.returns_table_model import (
    COLUMN_OF_SORT,
    Column,
    ReturnsTableModel,
    column_widths,
)
from livenon_desk.views.session_guard import SessionGuard
from livenon_desk.views.sync_controller import SyncController
from livenon_desk.views.task_runner import Task, TaskRunner
from livenon_desk.views.zoom import Zoom

if TYPE_CHECKING:
    from livenon_desk.services.recovery_figures import RecoveryFigure
    from livenon_desk.views.pick_list_dialog import PickListDialog
    from livenon_desk.views.recovery_chart import RecoveryChart
    from livenon_desk.views.sync_view import SyncView
    from livenon_desk.views.week_chart import WeekChart

SEARCH_DEBOUNCE_MS = 150
MATCH_LIMIT = 50  # a scan or search lists at most this many returns
QUEUE_REFRESH_MS = 60_000


class MainWindow(QMainWindow):
    # Settings chose another language: whoever opened the window reopens it in that one.
    language_chosen = Signal(str)

    def __init__(self, desk: Desk, runner: TaskRunner, *, actor: Actor, database_label: str,
                 language: str = "en", clock: Callable[[], datetime] = utc_now,
                 idle_lock_minutes: int = 0, sync: SyncController | None = None) -> None:
        super().__init__()
        self._desk = desk
        self._service = DeferredReturnsService(desk)
        self._runner = runner
        self._language = language
        self._clock = clock
        self.actor = actor
        self._lookup_seq = 0
        self._detail_task: Task | None = None
        self._queue: Queue | None = None
        self.pick_list: PickListDialog | None = None
        self.week_chart: WeekChart | None = None
        self.recovery_chart: RecoveryChart | None = None
        self._week: WeekStats | None = None
        self.setWindowTitle(self.tr("Livenon Desk"))
        self.setObjectName("mainWindow")
        self.zoom = Zoom(self)
        # Off by default (a setting): a sound when a scan matches nothing.
        self.beep: Callable[[], None] = QApplication.beep

        self.search = QLineEdit(placeholderText=self.tr(
            "Scan or type an RMA, order, tracking or tag code, a name, email, phone…"))
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Search (Ctrl+F): a scanner's code and Enter opens it"))
        self.matches_label = QLabel()
        self.show_all_button = QPushButton(self.tr("Show all returns"))
        self.show_all_button.setToolTip(self.tr("Clear the search (Esc)"))
        self.show_all_button.hide()

        self.model = ReturnsTableModel(self._service, runner, reading=False)
        self.table = self._make_table()
        self.filters = FilterBar()
        self.queues = QueuePanel()
        self.applications = ApplicationsView(desk, runner, actor, language)
        self.detail = DetailPane(chinese=language.startswith("zh"))
        self.return_actions = ReturnActions(desk, runner, actor, language, clock, self)
        self.print_actions = PrintActions(desk, runner, actor, language, self.selected_rmas,
                                          self)
        self.unexpected_button = QPushButton(self.tr("Receive as an unexpected parcel…"))
        self.unexpected_button.setObjectName("unexpectedButton")
        self.unexpected_button.setToolTip(keyed_tip(self.return_actions.unexpected))
        self.unexpected_button.hide()
        self.unexpected_button.clicked.connect(self.return_actions.open_unexpected)
        self.unknown_banner = QLabel()
        self.unknown_banner.setObjectName("unknownScanBanner")
        self.unknown_banner.setWordWrap(True)
        self.unknown_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unknown_banner.hide()

        self.toolbar = QToolBar(self.tr("Return"))
        self.toolbar.setObjectName("returnToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in self.return_actions.all_actions[:-1]:
            self.toolbar.addAction(act)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.matches_label)
        top.addWidget(self.show_all_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.queues)
        self._left_layout = left_layout
        # The queues and the charts under them scroll when zoomed text outgrows the window.
        left_side = QScrollArea()
        left_side.setObjectName("workQueuePanel")
        left_side.setWidget(left)
        left_side.setWidgetResizable(True)
        left_side.setFrameShape(QScrollArea.Shape.NoFrame)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.filters)
        centre_layout.addWidget(self.table, 1)
        # The returns' list, or in its place the email applications' list (Alt+8).
        self.centre = QStackedWidget()
        self.centre.addWidget(centre)
        self.centre.addWidget(self.applications)
        right = self._record_side = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.toolbar)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.unexpected_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (left_side, self.centre, right):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([250, 700, 520])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.unknown_banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._build_status_bar(database_label)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_as_typed)
        self._queue_timer = QTimer(self, interval=QUEUE_REFRESH_MS)
        self._queue_timer.timeout.connect(self.refresh_queues)
        self.search.returnPressed.connect(self._scan)
        self.search.textEdited.connect(lambda _text: self._debounce.start())
        self.show_all_button.clicked.connect(self.clear_search)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.count_changed.connect(self._count_changed)
        self.model.load_failed.connect(self.report_error)
        self.queues.chosen.connect(self._queue_chosen)
        self.queues.applications_chosen.connect(self._applications_chosen)
        self.applications.counts_changed.connect(self.queues.set_application_counts)
        self.filters.changed.connect(self._apply_filters)
        self.return_actions.changed.connect(self._record_changed)
        self.return_actions.queue_changed.connect(self.refresh_queues)
        self.return_actions.message.connect(self.message.setText)
        self.print_actions.message.connect(self.message.setText)
        self.session = SessionGuard(desk, runner, language, actor, idle_lock_minutes, self)
        self.session.actor_changed.connect(self.set_actor)
        self._build_menus()
        self.sync = sync
        if sync is not None:
            self._add_sync(sync)
        restored = self._restore_layout()
        self._fit_to_font(columns="header" not in restored,
                          splitter="splitter" not in restored)
        self._rest_started = False
        # The window is on screen first: its reads (the store opening, SQLAlchemy
        # loading) would otherwise hold the interpreter's lock while it is being built.
        after_first_paint(self, self._first_reads)
        self.search.setFocus()

    def _first_reads(self) -> None:
        """The list's count first, alone: the rest (the queues' figures, every other
        service) would share its start's loading of the store and slow it."""
        once = Qt.ConnectionType.SingleShotConnection
        self.model.count_changed.connect(self._after_first_count, once)
        self.model.load_failed.connect(self._after_first_count, once)
        self.model.start_reading()

    def _after_first_count(self, _outcome: object) -> None:
        if self._rest_started:
            return
        self._rest_started = True
        self.refresh_queues()
        self._queue_timer.start()
        # Every service made in the background now, none on this thread at a key press.
        self._runner.run(self._desk.open_all, on_error=self.report_error)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("returnsTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows may be selected for batch printing; the record follows the current one.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(Column.APPLIED, Qt.SortOrder.DescendingOrder)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        return table

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # zoomed: the new font has arrived
            self._fit_to_font()
            self._widen_queue_panel()
        super().changeEvent(event)

    def _fit_to_font(self, columns: bool = True, splitter: bool = False) -> None:
        """Rows and columns sized for the text at the current zoom: each default column
        holds its longest usual value (an RMA, an order number, a status) unclipped."""
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        if columns:  # else the widths the user left last time
            widths = column_widths(self.model, metrics)
            for column, width in widths.items():
                self.table.horizontalHeader().resizeSection(column, width)
            if splitter:  # the list as wide as its columns, the record beside it
                # The last column (received) holds a day, as the applied column does.
                need = (sum(widths.values()) + widths[Column.APPLIED]
                        + self.table.verticalScrollBar().sizeHint().width()
                        + 2 * self.table.frameWidth() + 8)
                left = self._queue_panel_width()
                right = max(self.width() - left - need - 40, metrics.horizontalAdvance("M") * 40)
                self.splitter.setSizes([left, need, right])
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.unknown_banner.setFont(big)

    def _queue_panel_width(self) -> int:
        """The work queue's panel: room for its lists' names and its charts' numbers."""
        return self.table.fontMetrics().horizontalAdvance("M") * 22

    def _widen_queue_panel(self) -> None:
        """Zoomed in, the panel grows with its text, taking the room from the list."""
        left, centre, right = self.splitter.sizes()
        grow = min(self._queue_panel_width() - left, centre // 2)
        if left > 0 and grow > 0:
            self.splitter.setSizes([left + grow, centre - grow, right])

    def _build_status_bar(self, database_label: str) -> None:
        self.message = QLabel()
        self.message.setObjectName("statusMessage")
        self.count_label = QLabel()
        role = role_texts()[self.actor.role]
        self.user_label = QLabel(self.tr("Signed in: {name} ({role})").format(
            name=self.actor.name, role=role))
        self.user_label.setObjectName("userLabel")
        self.database_label = QLabel(self.tr("Database: {path}").format(path=database_label))
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)

    def _build_menus(self) -> None:
        def action(text: str, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
            return keyed_action(self, text, keys, slot)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.return_actions.unexpected)
        file_menu.addSeparator()
        lock = action(self.tr("&Lock the desk"), [QKeySequence("Ctrl+L")], self.session.lock)
        switch = action(self.tr("S&witch user…"), [QKeySequence("Ctrl+Shift+L")],
                        self.session.switch_user)
        self.audit_action = action(self.tr("&Audit trail…"), [QKeySequence("Ctrl+Shift+A")],
                                   self.open_audit)
        file_menu.addActions([lock, switch, self.audit_action])
        file_menu.addSeparator()
        settings = action(self.tr("&Settings…"), [QKeySequence("Ctrl+,")], self.open_settings)
        file_menu.addAction(settings)
        quit_action = action(self.tr("&Quit"), [QKeySequence(QKeySequence.StandardKey.Quit)],
                             self.close)
        file_menu.addAction(quit_action)
        return_menu = self.menuBar().addMenu(self.tr("&Return"))
        for act in self.return_actions.all_actions[:-1]:
            return_menu.addAction(act)
        print_menu = self.menuBar().addMenu(self.tr("&Print"))
        print_menu.addActions(list(self.print_actions.single.values()))
        print_menu.addSeparator()
        print_menu.addActions([self.print_actions.batch_labels, self.print_actions.batch_tags])
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        find = action(self.tr("&Find a return"), [
            QKeySequence(QKeySequence.StandardKey.Find), QKeySequence(Qt.Key.Key_F3)],
            self.focus_search)
        clear = action(self.tr("Show &all returns"), [QKeySequence("Esc")], self.clear_search)
        refresh = action(self.tr("&Refresh"), [
            QKeySequence(QKeySequence.StandardKey.Refresh)], self.refresh_all)
        queue_keys = ("awaiting_receipt", "awaiting_inspection", "overdue", "inspected_today",
                      "instructions_overdue", "refund_overdue", "all", APPLICATIONS,
                      "to_grade", "to_put_away")
        view_menu.addActions([find, clear, refresh])
        view_menu.addSeparator()
        view_menu.addActions([
            action(self.tr("Zoom &in"), [QKeySequence(QKeySequence.StandardKey.ZoomIn),
                                         QKeySequence("Ctrl+=")], self.zoom.zoom_in),
            action(self.tr("Zoom &out"), [QKeySequence(QKeySequence.StandardKey.ZoomOut)],
                   self.zoom.zoom_out),
            action(self.tr("Actual si&ze"), [QKeySequence("Ctrl+0")], self.zoom.reset),
        ])
        view_menu.addSeparator()
        # Alt+1 ... Alt+9, then Alt+0: the digits as they lie on the keyboard; then Alt+W.
        for number, key in enumerate(queue_keys, start=1):
            act = action(self.queues.title(key), [QKeySequence(f"Alt+{number % 10}")],
                         partial(self.choose_queue, key))
            view_menu.addAction(act)
        view_menu.addAction(action(self.queues.title(WEIGHT_FLAGS), [QKeySequence("Alt+W")],
                                   partial(self.choose_queue, WEIGHT_FLAGS)))
        self._apply_role()

    # --- search and scan ----------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def clear_search(self) -> None:
        self._lookup_seq += 1
        self._debounce.stop()
        self.search.clear()
        self.show_all_button.hide()
        self.unexpected_button.hide()
        self.unknown_banner.hide()
        self.matches_label.clear()
        self.model.show_all()
        self._show_returns_list()
        self.focus_search()

    def _scan(self) -> None:
        """A code and Enter: one match opens at once; several offer a pick list; none says so."""
        self._debounce.stop()
        self._lookup(self.search.text(), open_single=True)
        self.search.selectAll()

    def _search_as_typed(self) -> None:
        text = self.search.text()
        if not text.strip():
            self.clear_search()
            return
        self._lookup(text, open_single=False)

    def _lookup(self, query: str, *, open_single: bool) -> None:
        if not query.strip():
            return
        self._lookup_seq += 1
        seq = self._lookup_seq
        self._runner.run(
            self._service.lookup, query, MATCH_LIMIT + 1,
            on_done=lambda matches: self._looked_up(seq, query, matches, open_single),
            on_error=self.report_error)

    def _looked_up(self, seq: int, query: str, matches: list[LookupMatch],
                   open_single: bool) -> None:
        if seq != self._lookup_seq:
            return
        self._show_returns_list()
        code = query.strip()
        if not matches:
            if self.model.showing_matches:
                # The rows the code before found must not stand as if this one had found
                # them; a queue or the whole list stays as it was.
                self.model.show_matches([])
                self.matches_label.setText(self.tr("Matches: {n}").format(n=0))
            self.message.setText(self.tr("No return matches «{code}».").format(code=code))
            if open_single:
                self._show_unknown_scan(code)
                self.return_actions.unmatched_code = code
                self.return_actions.set_detail(None)
                self.detail.show_empty(self.tr(
                    "Nothing matches «{code}». Check the code, or receive it as an "
                    "unexpected parcel ({keys}).").format(
                        code=code, keys=keys_text(self.return_actions.unexpected)))
                self.unexpected_button.show()
            return
        self.message.clear()
        self.unexpected_button.hide()
        self.unknown_banner.hide()
        more = len(matches) > MATCH_LIMIT
        matches = matches[:MATCH_LIMIT]
        self.model.show_matches([m.row for m in matches])
        self.matches_label.setText(
            self.tr("Matches: more than {n}").format(n=len(matches)) if more
            else self.tr("Matches: {n}").format(n=len(matches)))
        self.show_all_button.show()
        if len(matches) == 1 and open_single:
            self.table.selectRow(0)
            self.open_return(matches[0].row.return_id)
        elif open_single:
            self.detail.show_empty(self.tr("Choose one of the {n} matches.").format(
                n=len(matches)))
            self._offer_pick_list(code, matches, more)

    def _show_unknown_scan(self, code: str) -> None:
        """A code that matches nothing, unmistakable from across the bench."""
        self.unknown_banner.setText(self.tr(
            "\u26a0 «{code}» matches no return\nCheck the code, or receive it as an "
            "unexpected parcel ({keys})").format(
                code=code, keys=keys_text(self.return_actions.unexpected)))
        self.unknown_banner.setStyleSheet(
            "QLabel#unknownScanBanner { background: #b3261e; color: white; padding: 14px; }")
        self.unknown_banner.show()
        if user_settings().sound_on_unknown_scan:
            self.beep()

    def _offer_pick_list(self, code: str, matches: list[LookupMatch], more: bool) -> None:
        from livenon_desk.views.pick_list_dialog import PickListDialog

        # The same matches as the list behind it, so both say the same number.
        dialog = PickListDialog(code, matches, self, more=more)
        dialog.picked.connect(self._picked)
        dialog.finished.connect(lambda _r: setattr(self, "pick_list", None))
        self.pick_list = dialog
        dialog.open()

    def _picked(self, return_id: int) -> None:
        for row in range(self.model.rowCount()):
            found = self.model.row_at(row)
            if found is not None and found.return_id == return_id:
                self.table.selectRow(row)
                break
        self.open_return(return_id)
        self.focus_search()

    # --- the work queue and filters -----------------------------------------------------

    def refresh_queues(self) -> None:
        self._runner.run(lambda: self._desk.work_queue.queues(),
                         on_done=self._queues_loaded, on_error=self.report_error)
        self._runner.run(lambda: self._desk.work_queue.week(),
                         on_done=self._week_loaded, on_error=self.report_error)
        actor = self.actor
        self._runner.run(lambda: self._desk.recovery.by_disposition(actor),
                         on_done=self._recovery_loaded, on_error=self.report_error)
        self._runner.run(lambda: self._desk.work_queue.carriers(),
                         on_done=self.filters.set_carriers, on_error=self.report_error)
        self.applications.refresh()

    def choose_queue(self, key: str) -> None:
        if key == APPLICATIONS and self.queues.current_key() == APPLICATIONS:
            self._applications_chosen()  # chosen again, after a search: back to its list
        else:
            self.queues.select(key)

    def _show_returns_list(self) -> None:
        """A search or a scan answers in the returns' list, whatever list was showing."""
        self.centre.setCurrentIndex(0)
        self._record_side.show()

    def _applications_chosen(self) -> None:
        self.centre.setCurrentWidget(self.applications)
        # A return's record and actions have nothing to say about an email.
        self._record_side.hide()
        self.applications.refresh()
        self.applications.focus_list()

    def _queues_loaded(self, queues: list[Queue]) -> None:
        self.queues.set_queues(queues)

    def _recovery_loaded(self, figures: list[RecoveryFigure]) -> None:
        if self.recovery_chart is None:
            from livenon_desk.views.recovery_chart import RecoveryChart

            self.recovery_chart = RecoveryChart()
            self._left_layout.addWidget(self.recovery_chart, 1)
        self.recovery_chart.show_figures(figures)

    def _week_loaded(self, stats: WeekStats) -> None:
        if self.week_chart is None:
            # Qt's charts load with the first statistics, after the window is up.
            from livenon_desk.views.week_chart import WeekChart

            self.week_chart = WeekChart()
            self._left_layout.addWidget(self.week_chart, 1)
        self.week_chart.show_stats(stats)

    def _queue_chosen(self, queue: Queue | None) -> None:
        self._show_returns_list()
        self._queue = queue
        self.filters.limit_statuses(queue.filter.statuses if queue else frozenset())
        self._apply_filters(queue_changed=True)

    def _apply_filters(self, queue_changed: bool = False) -> None:
        base = self._queue.filter if self._queue is not None else ReturnFilter()
        flt = self.filters.apply(base, self._clock())
        if queue_changed and self._queue is not None:
            sort, descending = self._queue.sort, self._queue.descending
        else:
            sort, descending = self.model.sort_key
        self._lookup_seq += 1
        self.search.clear()
        self.show_all_button.hide()
        self.matches_label.clear()
        self.table.horizontalHeader().blockSignals(True)
        self.table.horizontalHeader().setSortIndicator(
            COLUMN_OF_SORT[sort],
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().blockSignals(False)
        self.model.set_view(flt, sort, descending)

    def refresh_all(self) -> None:
        self.model.refresh()
        self.refresh_queues()
        if self.detail.detail is not None:
            self.open_return(self.detail.detail.return_id)

    # --- the record ---------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(current.row())
        if row is not None and (
                self.detail.detail is None or self.detail.detail.return_id != row.return_id):
            self.open_return(row.return_id)

    def selected_rmas(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        found = (self.model.row_at(r) for r in rows)
        return [row.rma_number for row in found if row is not None]

    def open_return(self, return_id: int) -> None:
        if self._detail_task is not None:
            self._detail_task.cancel()
        self._detail_task = self._runner.run(
            self._service.detail, return_id, on_done=self._show_detail,
            on_error=self.report_error)

    def _show_detail(self, detail: ReturnDetail) -> None:
        self._detail_task = None
        self.unexpected_button.hide()
        self.detail.show_detail(detail)
        self.return_actions.set_detail(detail)
        self.print_actions.set_detail(detail)
        # Who saw which customer's record is kept (privacy policy); the desk does not wait.
        self._runner.run(
            lambda *args: self._desk.audit.viewed(*args),
            self.actor, detail.rma_number,
            on_error=self.report_error)

    # --- who is signed in -----------------------------------------------------------------

    def set_actor(self, actor: Actor) -> None:
        """Another user signed in at this workstation: the same window, their rights."""
        self.actor = actor
        self.return_actions.set_actor(actor)
        self.print_actions.set_actor(actor)
        self.applications.actor = actor
        self.user_label.setText(self.tr("Signed in: {name} ({role})").format(
            name=actor.name, role=role_texts()[actor.role]))
        self._apply_role()
        self.detail.show_empty()
        self.return_actions.set_detail(None)
        self.clear_search()

    def _apply_role(self) -> None:
        self.audit_action.setVisible(self.actor.may(Action.VIEW_AUDIT))

    def open_audit(self) -> None:
        if not self.actor.may(Action.VIEW_AUDIT):
            return
        from livenon_desk.views.audit_view import AuditView

        view = AuditView(self._desk, self._runner, self.actor, self._language, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()

    def _record_changed(self, return_id: int) -> None:
        """Receiving, counting, inspecting: the record, its row in the list (matches or
        not), the queues (by the caller) and the sync corner's waiting count follow."""
        self.open_return(return_id)
        self._runner.run(self._service.rows, [return_id], on_done=self._rows_loaded,
                         on_error=self.report_error)
        if not self.model.showing_matches:
            self.model.refresh()
        if self.sync is not None:
            self.sync.refresh()

    def _rows_loaded(self, rows: list[ReturnRow]) -> None:
        for row in rows:
            self.model.update_row(row)

    def _count_changed(self, count: int) -> None:
        self.count_label.setText(self.tr("Returns: {n}").format(n=format_count(count)))

    def report_error(self, error: BaseException) -> None:
        self.message.setText(user_message(error, self._language))

    def open_settings(self) -> None:
        from livenon_desk.views.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self, station=self._desk.settings, runner=self._runner,
                                actor=self.actor)
        dialog.saved.connect(self._settings_saved)
        dialog.open()

    def _settings_saved(self) -> None:
        from livenon_desk.views.app import ui_language

        language = ui_language(None)
        if language != self._language:
            self.language_chosen.emit(language)  # the desk reopens this window in it
        else:
            self.message.setText(self.tr("Settings saved."))

    # --- sync with the central server ---------------------------------------------------

    def _add_sync(self, sync: SyncController) -> None:
        from livenon_desk.views.sync_status import SyncStatusWidget

        self.sync_status = SyncStatusWidget()
        self.statusBar().insertPermanentWidget(1, self.sync_status)
        sync.status_changed.connect(self.sync_status.show_status)
        sync.round_finished.connect(
            lambda report: self.refresh_all() if report.pulled else None)
        self.sync_status.clicked.connect(self.open_sync_view)
        self.sync_action = QAction(self.tr("S&ync…"), self)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.sync_action.triggered.connect(self.open_sync_view)
        self.addAction(self.sync_action)
        for menu in self.menuBar().findChildren(QMenu):
            if menu.title() == self.tr("&View"):
                menu.addSeparator()
                menu.addAction(self.sync_action)
        self.sync_view: SyncView | None = None

    def open_sync_view(self) -> None:
        from livenon_desk.views.sync_view import SyncView

        assert self.sync is not None
        if self.sync_view is None:
            self.sync_view = SyncView(self._desk, self._runner, self.sync, self.actor,
                                      language=self._language, parent=self)
        self.sync_view.show()
        self.sync_view.reload()

    # --- layout memory ------------------------------------------------------------------

    def _restore_layout(self) -> set[str]:
        """The window as it was left; says which parts were restored."""
        settings = user_settings()
        restored = set()
        if settings.window_geometry:
            self.restoreGeometry(QByteArray(settings.window_geometry))
        else:  # the first start fills the screen, so that the list's columns all show
            screen = self.screen().availableGeometry()
            self.resize(max(screen.width() - 40, 1000), max(screen.height() - 60, 700))
        state = settings.window_splitter
        if state and self.splitter.restoreState(QByteArray(state)):
            restored.add("splitter")
        header = settings.list_header
        if header and self.table.horizontalHeader().restoreState(QByteArray(header)):
            restored.add("header")
        return restored

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.return_actions.dialog is not None:
            self.return_actions.dialog.close()
        if self.applications.dialog is not None:
            self.applications.dialog.close()
        change_user_settings(
            window_geometry=self.saveGeometry().data(),
            window_splitter=self.splitter.saveState().data(),
            list_header=self.table.horizontalHeader().saveState().data())
        super().closeEvent(event)
