from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from livenon_desk.errors import DatabaseError
from livenon_desk.services import desk as desk_module
from livenon_desk.services.desk import Desk
from livenon_desk.services.dto import LookupMatch
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.store.database import Store
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.returns_table_model import Column
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import ALL_YES, NOW, Built, LineSpec, add_return
from tests.views.conftest import INSPECTOR
from tests.views.keyboard import WAIT


def _now() -> datetime:
    return NOW


@pytest.fixture
def returns(store: Store) -> list[Built]:
    return [
        add_return(store, customer_name="Emily Carter", email="emily@example.com",
                   payment_last4="4242", checklist=ALL_YES),
        add_return(store, customer_name="Noah Carter", email="noah@example.com"),
        add_return(store, customer_name="张伟", email="zhang.wei@example.cn", language="zh",
                   lines=[LineSpec(clearance=True)]),
    ]


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, runner: TaskRunner,
           returns: list[Built]) -> Iterator[MainWindow]:
    w = MainWindow(desk, runner, actor=INSPECTOR, database_label="desk.sqlite3", clock=_now)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.model.rowCount() == len(returns), timeout=WAIT)
    yield w
    runner.wait_for_done()


def _scan(qtbot: QtBot, w: MainWindow, code: str) -> None:
    w.search.setFocus()
    qtbot.keyClicks(w.search, code)
    qtbot.keyClick(w.search, Qt.Key.Key_Return)


def test_scanning_an_rma_opens_it_with_every_rule_explained(
    qtbot: QtBot, window: MainWindow, returns: list[Built]
) -> None:
    _scan(qtbot, window, returns[0].rma_number)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=WAIT)
    text = window.detail.toPlainText()
    assert returns[0].rma_number in text
    for rule in ("E1", "E2", "E3", "E4", "E5", "X1", "X2", "X3"):
        assert rule in text
    assert "Visa •••• 4242" in text
    assert "Eligible" in text
    assert "Refund recommendation (P6)" in text
    assert window.search.hasFocus()
    assert window.search.selectedText() == returns[0].rma_number


def test_scanning_a_tag_in_lower_case_opens_its_return(
    qtbot: QtBot, window: MainWindow, returns: list[Built]
) -> None:
    _scan(qtbot, window, returns[2].tag_codes[0].lower())
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=WAIT)
    assert window.detail.detail is not None
    assert window.detail.detail.rma_number == returns[2].rma_number
    assert "Clearance products are never returnable." in window.detail.toPlainText()


def test_a_code_that_matches_nothing_says_so_and_keeps_focus(
    qtbot: QtBot, window: MainWindow
) -> None:
    _scan(qtbot, window, "1Z999NOTHING")
    qtbot.waitUntil(lambda: "No return matches" in window.message.text(), timeout=WAIT)
    assert "1Z999NOTHING" in window.message.text()
    assert "unexpected parcel" in window.detail.toPlainText()
    assert window.search.hasFocus()
    assert window.model.rowCount() == 3


def test_several_matches_offer_a_pick_list_and_escape_shows_all(
    qtbot: QtBot, window: MainWindow, returns: list[Built]
) -> None:
    _scan(qtbot, window, "Carter")
    qtbot.waitUntil(lambda: window.pick_list is not None, timeout=WAIT)
    assert window.model.rowCount() == 2
    assert window.matches_label.text() == "Matches: 2"
    assert window.detail.detail is None
    pick = window.pick_list
    assert pick is not None and pick.list.count() == 2
    qtbot.keyClick(pick, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=WAIT)
    assert window.detail.detail is not None
    picked = window.detail.detail.rma_number
    assert picked in {returns[0].rma_number, returns[1].rma_number}
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.model.showing_matches and window.model.rowCount() == 3,
                    timeout=WAIT)
    assert window.search.text() == ""


def test_typing_searches_after_a_pause(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search, "noa")
    qtbot.waitUntil(lambda: window.model.showing_matches, timeout=2000)
    assert window.model.rowCount() == 1


def test_choosing_a_row_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.model.row_at(0) is not None, timeout=WAIT)
    window.table.selectRow(1)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=WAIT)
    row = window.model.row_at(1)
    assert row is not None and window.detail.detail is not None
    assert window.detail.detail.return_id == row.return_id


def test_chinese_ui_shows_chinese_reasons(
    qtbot: QtBot, desk: Desk, runner: TaskRunner, returns: list[Built]
) -> None:
    w = MainWindow(desk, runner, actor=INSPECTOR, database_label="desk.sqlite3",
                   language="zh", clock=_now)
    qtbot.addWidget(w)
    w.open_return(returns[2].return_id)
    qtbot.waitUntil(lambda: w.detail.detail is not None, timeout=WAIT)
    assert "清仓商品不可退货。" in w.detail.toPlainText()
    assert "哈洛 三人位亚麻沙发 燕麦色" in w.detail.toPlainText()


class FailingQueries:
    """Wraps the real service and fails on demand: a broken disk cannot be made on cue."""

    def __init__(self, inner: ReturnsService, error: Exception) -> None:
        self.inner = inner
        self.error = error
        self.count = inner.count
        self.page = inner.page
        self.detail = inner.detail

    def lookup(self, _query: str, _limit: int = 50) -> list[LookupMatch]:
        raise self.error


class FailingDesk(Desk):
    """A real desk whose lookups fail with ``error``."""

    def __init__(self, path: Path, error: Exception) -> None:
        super().__init__(path, clock=_now)
        self.error = error

    @property
    def returns(self) -> ReturnsService:
        return cast(ReturnsService, FailingQueries(super().returns, self.error))


@pytest.mark.usefixtures("returns")
def test_a_known_error_is_shown_in_the_users_language(
    qtbot: QtBot, store: Store, runner: TaskRunner
) -> None:
    failing = FailingDesk(store.path, DatabaseError("error.database-unreadable", path="x.sqlite3"))
    w = MainWindow(failing, runner, actor=INSPECTOR, database_label="x", language="zh")
    qtbot.addWidget(w)
    _scan(qtbot, w, "RMA-1")
    qtbot.waitUntil(lambda: w.message.text() == "数据库 x.sqlite3 已损坏或无法读取。", timeout=WAIT)


def test_a_bug_is_logged_and_the_window_keeps_working(
    qtbot: QtBot, store: Store, runner: TaskRunner, returns: list[Built],
    caplog: pytest.LogCaptureFixture,
) -> None:
    failing = FailingDesk(store.path, ZeroDivisionError("boom"))
    w = MainWindow(failing, runner, actor=INSPECTOR, database_label="x")
    qtbot.addWidget(w)
    with caplog.at_level(logging.ERROR):
        _scan(qtbot, w, "RMA-1")
        qtbot.waitUntil(lambda: "Something went wrong" in w.message.text(), timeout=WAIT)
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
    w.open_return(returns[0].return_id)
    qtbot.waitUntil(lambda: w.detail.detail is not None, timeout=WAIT)


def test_restricted_return_shows_its_reason(
    qtbot: QtBot, store: Store, window: MainWindow
) -> None:
    built = add_return(store, restricted=True, restricted_reason="Customer objected")
    window.open_return(built.return_id)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=WAIT)
    assert "Restricted: read-only. Customer objected" in window.detail.toPlainText()


@pytest.mark.usefixtures("returns")
def test_window_layout_is_remembered(qtbot: QtBot, desk: Desk, runner: TaskRunner) -> None:
    first = MainWindow(desk, runner, actor=INSPECTOR, database_label="x", clock=_now)
    qtbot.addWidget(first)
    first.show()
    first.resize(1100, 560)
    first.splitter.setSizes([0, 10_000, 0])
    chosen = first.splitter.sizes()
    first.table.horizontalHeader().resizeSection(Column.CUSTOMER, 222)
    first.close()
    second = MainWindow(desk, runner, actor=INSPECTOR, database_label="x", clock=_now)
    qtbot.addWidget(second)
    second.show()
    assert second.size().height() == 560
    sizes = second.splitter.sizes()
    assert chosen[0] == chosen[2] == 0
    assert sizes[0] == sizes[2] == 0 and sizes[1] > 0
    assert second.table.horizontalHeader().sectionSize(Column.CUSTOMER) == 222


def test_the_window_reads_nothing_until_it_is_on_screen_then_makes_every_service(
    qtbot: QtBot, store: Store, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    made_here: list[str] = []
    get = desk_module._Opened.get

    def noting_the_thread(self: desk_module._Opened, factory: Any) -> Any:
        if factory not in self._made and threading.current_thread() is threading.main_thread():
            made_here.append(factory.__name__)
        return get(self, factory)

    monkeypatch.setattr(desk_module._Opened, "get", noting_the_thread)
    # Built, not yet shown: the file is not even opened (its reads would hold the
    # interpreter's lock while the window is being built, and delay its first paint).
    desk = Desk(store.path, clock=lambda: NOW)
    window = MainWindow(desk, runner, actor=INSPECTOR, database_label="desk.sqlite3",
                        clock=lambda: NOW)
    qtbot.addWidget(window)
    qtbot.wait(50)
    runner.wait_for_done()
    assert desk._opened is None
    # On screen: the list is counted, then every service is made in the background, so
    # that none is made on the window's thread at a key press (a first print would
    # otherwise load ReportLab there).
    window.show()
    with qtbot.waitSignal(window.model.count_changed, timeout=WAIT):
        pass
    made = {"_documents", "_answers", "_mail_sender", "_audit", "_receiving", "_inspections"}
    qtbot.waitUntil(lambda: desk._opened is not None
                    and {f.__name__ for f in desk._opened._made} >= made, timeout=WAIT)
    assert made_here == []  # not one service made on the window's thread
