"""The main window: a search box that takes scans, the returns list and the detail pane."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelection, QLocale, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.services.dto import LookupMatch, ReturnDetail
from livenon_desk.views.detail_pane import DetailPane
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.protocols import ReturnsQueries
from livenon_desk.views.returns_table_model import Column, ReturnsTableModel
from livenon_desk.views.task_runner import Task, TaskRunner

SEARCH_DEBOUNCE_MS = 150


class MainWindow(QMainWindow):
    def __init__(
        self,
        service: ReturnsQueries,
        runner: TaskRunner,
        *,
        database_label: str,
        language: str = "en",
    ) -> None:
        super().__init__()
        self._service = service
        self._runner = runner
        self._language = language
        self._lookup_seq = 0
        self._detail_task: Task | None = None
        self.setWindowTitle(self.tr("Livenon Desk"))
        self.setObjectName("mainWindow")

        self.search = QLineEdit(
            placeholderText=self.tr(
                "Scan or type an RMA, order, tracking or tag code, a name, email, phone…"
            )
        )
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Search (Ctrl+F): a scanner's code and Enter opens it"))
        self.matches_label = QLabel()
        self.show_all_button = QPushButton(self.tr("Show all returns"))
        self.show_all_button.setToolTip(self.tr("Clear the search (Esc)"))
        self.show_all_button.hide()

        self.model = ReturnsTableModel(service, runner)
        self.table = QTableView()
        self.table.setObjectName("returnsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(Column.APPLIED, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = {
            Column.RMA: 140,
            Column.ORDER: 140,
            Column.CUSTOMER: 130,
            Column.STATUS: 115,
            Column.REASON: 125,
            Column.CARRIER: 70,
            Column.APPLIED: 80,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.detail = DetailPane(chinese=language.startswith("zh"))

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.matches_label)
        top.addWidget(self.show_all_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 560])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.message = QLabel()
        self.message.setObjectName("statusMessage")
        self.count_label = QLabel()
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(
            QLabel(self.tr("Database: {path}").format(path=database_label))
        )

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_as_typed)
        self.search.returnPressed.connect(self._scan)
        self.search.textEdited.connect(lambda _text: self._debounce.start())
        self.show_all_button.clicked.connect(self.clear_search)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.count_changed.connect(self._count_changed)
        self.model.load_failed.connect(self.report_error)
        self._build_menus()
        self._restore_layout()
        self.model.refresh()
        self.search.setFocus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(
            self.tr("&Quit"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit)
        )
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        find = QAction(self.tr("&Find a return"), self)
        find.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Find), QKeySequence(Qt.Key.Key_F3)]
        )
        find.triggered.connect(self.focus_search)
        view_menu.addAction(find)
        clear = QAction(self.tr("Show &all returns"), self, shortcut=QKeySequence("Esc"))
        clear.triggered.connect(self.clear_search)
        view_menu.addAction(clear)
        refresh = QAction(
            self.tr("&Refresh"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Refresh)
        )
        refresh.triggered.connect(self.model.refresh)
        view_menu.addAction(refresh)
        native = QKeySequence.SequenceFormat.NativeText
        for action in (quit_action, find, clear, refresh):
            keys = action.shortcut().toString(native)
            action.setToolTip(f"{action.text().replace('&', '')} ({keys})")
            self.addAction(action)

    # --- search and scan ----------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def clear_search(self) -> None:
        self._lookup_seq += 1
        self._debounce.stop()
        self.search.clear()
        self.show_all_button.hide()
        self.matches_label.clear()
        self.model.show_all()
        self.focus_search()

    def _scan(self) -> None:
        """A code and Enter: one match opens at once; several fill the list; none says so."""
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
            self._service.lookup,
            query,
            on_done=lambda matches: self._looked_up(seq, query, matches, open_single),
            on_error=self.report_error,
        )

    def _looked_up(
        self, seq: int, query: str, matches: list[LookupMatch], open_single: bool
    ) -> None:
        if seq != self._lookup_seq:
            return
        if not matches:
            self.message.setText(self.tr("No return matches «{code}».").format(code=query.strip()))
            if open_single:
                self.detail.show_empty(
                    self.tr(
                        "Nothing matches «{code}». Check the code, or receive it as an "
                        "unexpected parcel."
                    ).format(code=query.strip())
                )
            return
        self.message.clear()
        self.model.show_matches([m.row for m in matches])
        self.matches_label.setText(self.tr("Matches: {n}").format(n=len(matches)))
        self.show_all_button.show()
        if len(matches) == 1 and open_single:
            self.table.selectRow(0)
            self.open_return(matches[0].row.return_id)
        elif open_single:
            self.detail.show_empty(self.tr("Choose one of the {n} matches.").format(n=len(matches)))

    # --- the record ---------------------------------------------------------------------

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = self.model.row_at(indexes[0].row())
        if row is not None and (
            self.detail.detail is None or self.detail.detail.return_id != row.return_id
        ):
            self.open_return(row.return_id)

    def open_return(self, return_id: int) -> None:
        if self._detail_task is not None:
            self._detail_task.cancel()
        self._detail_task = self._runner.run(
            self._service.detail, return_id, on_done=self._show_detail, on_error=self.report_error
        )

    def _show_detail(self, detail: ReturnDetail) -> None:
        self._detail_task = None
        self.detail.show_detail(detail)

    def _count_changed(self, count: int) -> None:
        self.count_label.setText(self.tr("Returns: {n}").format(n=QLocale().toString(count)))

    def report_error(self, error: BaseException) -> None:
        self.message.setText(user_message(error, self._language))

    # --- layout memory ------------------------------------------------------------------

    def _settings(self) -> QSettings:
        return QSettings("Livenon", "LivenonDesk")

    def _restore_layout(self) -> None:
        settings = self._settings()
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 780)
        state = settings.value("main/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self._settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        super().closeEvent(event)
