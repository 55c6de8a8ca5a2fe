from __future__ import annotations

from array import array
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import ReasonCode, ReturnStatus
from livenon_desk.services.dto import LookupMatch, ReturnDetail, ReturnFilter, ReturnRow, SortKey
from livenon_desk.views.returns_table_model import (
    MAX_PAGES,
    PAGE_SIZE,
    PLACEHOLDER,
    Column,
    ReturnsTableModel,
)
from livenon_desk.views.task_runner import TaskRunner
from tests.views.keyboard import WAIT

MILLION = 1_000_000


class CountingQueries:
    """Stands in for the returns service to show a million rows and count the page calls:
    a real million-row database is the benchmark's job, too slow for a unit test.
    """

    def __init__(self) -> None:
        self.pages: list[tuple[SortKey, bool, int, int]] = []
        self.snapshots: list[tuple[SortKey, bool]] = []
        self.windows: list[tuple[int, int]] = []

    def count(self, _flt: ReturnFilter) -> int:
        return MILLION

    def page(self, _flt: ReturnFilter, sort: SortKey, descending: bool, offset: int,
             limit: int) -> list[ReturnRow]:
        self.pages.append((sort, descending, offset, limit))
        when = datetime(2026, 11, 1, tzinfo=UTC)
        return [
            ReturnRow(i, f"RMA-2026-{i:07d}", f"LVN20261001{i:05d}", f"Customer {i}",
                      ReturnStatus.RECEIVED, ReasonCode.DEFECTIVE, "UPS", None, when, None,
                      i % 97 == 0)
            for i in range(offset, min(offset + limit, MILLION))
        ]

    def ordered_ids(self, _flt: ReturnFilter, sort: SortKey, descending: bool) -> array[int]:
        self.snapshots.append((sort, descending))
        ids = array("q", range(MILLION))
        return ids[::-1] if descending else ids

    def rows(self, ids: Sequence[int]) -> list[ReturnRow]:
        self.windows.append((ids[0], len(ids)) if ids else (-1, 0))
        when = datetime(2026, 11, 1, tzinfo=UTC)
        return [
            ReturnRow(i, f"RMA-2026-{i:07d}", f"LVN20261001{i:05d}", f"Customer {i}",
                      ReturnStatus.RECEIVED, ReasonCode.DEFECTIVE, "UPS", None, when, None,
                      i % 97 == 0)
            for i in ids
        ]

    def lookup(self, _query: str, _limit: int = 50) -> list[LookupMatch]:
        raise AssertionError("not used")

    def detail(self, _return_id: int) -> ReturnDetail:
        raise AssertionError("not used")


def _model(qtbot: QtBot) -> tuple[ReturnsTableModel, CountingQueries]:
    queries = CountingQueries()
    model = ReturnsTableModel(queries, TaskRunner(synchronous=True))
    with qtbot.waitSignal(model.count_changed, timeout=WAIT):
        model.refresh()
    return model, queries


def test_rows_come_from_the_count_not_from_loading(qtbot: QtBot) -> None:
    model, queries = _model(qtbot)
    assert model.rowCount() == MILLION
    assert queries.pages == []


def test_a_row_loads_only_its_page(qtbot: QtBot) -> None:
    model, queries = _model(qtbot)
    last = MILLION - 1
    assert model.data(model.index(last, Column.RMA)) == f"RMA-2026-{last:07d}"
    assert queries.pages == [(SortKey.APPLIED_AT, True, last // PAGE_SIZE * PAGE_SIZE,
                              PAGE_SIZE)]
    assert model.data(model.index(last - 1, Column.CUSTOMER)) == f"Customer {last - 1}"
    assert len(queries.pages) == 1


def test_pages_stay_bounded_when_scrolling_everything(qtbot: QtBot) -> None:
    model, queries = _model(qtbot)
    for row in range(0, MILLION, PAGE_SIZE * 25):
        model.data(model.index(row, Column.RMA))
    assert len(queries.pages) == MILLION // (PAGE_SIZE * 25)
    assert model.loaded_pages() <= MAX_PAGES


def test_unloaded_row_shows_a_placeholder_until_its_page_arrives(qtbot: QtBot) -> None:
    queries = CountingQueries()
    runner = TaskRunner()
    model = ReturnsTableModel(queries, runner)
    with qtbot.waitSignal(model.count_changed, timeout=WAIT):
        model.refresh()
    assert model.data(model.index(5000, Column.RMA)) == PLACEHOLDER
    with qtbot.waitSignal(model.dataChanged, timeout=WAIT):
        pass
    assert model.data(model.index(5000, Column.RMA)) == "RMA-2026-0005000"
    runner.wait_for_done()


def test_sorting_goes_to_sql(qtbot: QtBot) -> None:
    model, queries = _model(qtbot)
    with qtbot.waitSignal(model.count_changed, timeout=WAIT):
        model.sort(Column.RMA, Qt.SortOrder.AscendingOrder)
    model.data(model.index(0, Column.RMA))
    assert queries.pages[-1][:2] == (SortKey.RMA_NUMBER, False)
    with qtbot.waitSignal(model.count_changed, timeout=WAIT):
        model.sort(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
    model.data(model.index(0, Column.RMA))
    assert queries.pages[-1][:2] == (SortKey.RECEIVED_AT, True)
    assert all(ReturnsTableModel.sortable(c) for c in Column)


def test_an_order_no_index_gives_takes_the_ids_once_and_pages_through_them(
    qtbot: QtBot,
) -> None:
    model, queries = _model(qtbot)
    with qtbot.waitSignal(model.count_changed, timeout=WAIT):
        model.sort(Column.CUSTOMER, Qt.SortOrder.DescendingOrder)
    assert queries.snapshots == [(SortKey.CUSTOMER, True)]
    assert model.rowCount() == MILLION
    assert model.data(model.index(0, Column.RMA)) == f"RMA-2026-{MILLION - 1:07d}"
    assert model.data(model.index(MILLION - 1, Column.RMA)) == "RMA-2026-0000000"
    assert queries.windows == [(MILLION - 1, PAGE_SIZE), (PAGE_SIZE - 1, PAGE_SIZE)]
    pages_before = len(queries.pages)
    with qtbot.waitSignal(model.count_changed, timeout=WAIT):
        model.set_view(ReturnFilter(statuses=frozenset({ReturnStatus.RECEIVED})),
                       SortKey.APPLIED_AT, True)
    assert queries.snapshots[-1] == (SortKey.APPLIED_AT, True)
    assert len(queries.pages) == pages_before


def test_restricted_row_is_marked(qtbot: QtBot) -> None:
    model, _ = _model(qtbot)
    assert model.data(model.index(97, Column.RMA)) == "RMA-2026-0000097"
    assert model.data(model.index(97, Column.RMA), Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(98, Column.RMA), Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index(97, Column.RMA), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(98, Column.RMA), Qt.ItemDataRole.ToolTipRole) is None


@pytest.mark.usefixtures("qtbot")
def test_a_row_is_red_when_the_service_says_it_is_overdue() -> None:
    when = datetime(2026, 11, 1, tzinfo=UTC)
    rows = [ReturnRow(i, f"RMA-2026-{i:07d}", "LVN1", "C", ReturnStatus.RECEIVED,
                      ReasonCode.DEFECTIVE, "UPS", None, when, when, False, overdue=i == 1)
            for i in range(2)]
    model = ReturnsTableModel(CountingQueries(), TaskRunner(synchronous=True))
    model.show_matches(rows)
    colour = Qt.ItemDataRole.ForegroundRole
    assert model.data(model.index(0, Column.RMA), colour) is None
    assert model.data(model.index(1, Column.RMA), colour) is not None
    assert "P5" in model.data(model.index(1, Column.CUSTOMER), Qt.ItemDataRole.ToolTipRole)
