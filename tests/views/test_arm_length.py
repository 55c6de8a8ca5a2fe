"""Readable from arm's length: zoom, an unmistakable unknown-scan banner, a list whose
columns fit, a chart whose axes show their numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QWidget
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import ReasonCode, ReturnStatus
from livenon_desk.services.desk import Desk
from livenon_desk.services.user_settings import change_user_settings
from livenon_desk.services.work_queue_dto import DayStat, WeekStats
from livenon_desk.store.database import Store
from livenon_desk.views.keyed_actions import keys_text
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.returns_table_model import Column
from livenon_desk.views.task_runner import TaskRunner
from livenon_desk.views.week_chart import WeekChart
from livenon_desk.views.zoom import Zoom, saved_zoom
from tests.builders import NOW, add_return
from tests.views.conftest import INSPECTOR
from tests.views.keyboard import WAIT, press, scan


@pytest.fixture
def fresh_layout() -> Iterator[None]:
    """A first start (each test has its own empty preferences); the zoom undone after, as
    it scales the one application's font."""
    yield
    Zoom().reset()


def _window(qtbot: QtBot, desk: Desk, runner: TaskRunner) -> MainWindow:
    window = MainWindow(desk, runner, actor=INSPECTOR, database_label="x", clock=lambda: NOW)
    qtbot.addWidget(window)
    window.resize(1920, 1040)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: _focused().window() is window, timeout=WAIT)
    return window


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


@pytest.mark.usefixtures("fresh_layout")
def test_ctrl_plus_minus_and_zero_zoom_the_whole_window_and_are_remembered(
    qtbot: QtBot, desk: Desk, runner: TaskRunner
) -> None:
    window = _window(qtbot, desk, runner)
    base = QApplication.font().pointSizeF()
    row = window.table.verticalHeader().defaultSectionSize()
    rma_width = window.table.columnWidth(Column.RMA)
    for _ in range(3):
        press(qtbot, "Ctrl++")
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5)
    qtbot.waitUntil(lambda: window.search.font().pointSizeF() == pytest.approx(base * 1.5),
                    timeout=WAIT)
    qtbot.waitUntil(lambda: window.table.verticalHeader().defaultSectionSize() > row, timeout=WAIT)
    assert window.table.columnWidth(Column.RMA) > rma_width
    assert window.detail.font().pointSizeF() == pytest.approx(base * 1.5)
    assert saved_zoom() == 150  # the next start opens at this size
    press(qtbot, "Ctrl+-")
    assert saved_zoom() == 125
    press(qtbot, "Ctrl+0")
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    assert saved_zoom() == 100


@pytest.mark.usefixtures("fresh_layout")
def test_an_unknown_scan_is_a_large_banner_and_beeps_only_when_asked(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store)
    window = _window(qtbot, desk, runner)
    beeps: list[int] = []
    window.beep = lambda: beeps.append(1)  # stands in for the sound card
    scan(qtbot, "NO-SUCH-CODE-42")
    qtbot.waitUntil(window.unknown_banner.isVisible, timeout=WAIT)
    assert "NO-SUCH-CODE-42" in window.unknown_banner.text()
    assert keys_text(window.return_actions.unexpected) in window.unknown_banner.text()
    assert window.unknown_banner.font().pointSizeF() >= 1.5 * window.font().pointSizeF()
    assert window.unknown_banner.width() > window.width() / 2
    assert beeps == []  # no sound unless the setting asks for one

    change_user_settings(sound_on_unknown_scan=True)
    press(qtbot, "Ctrl+A")
    scan(qtbot, "NO-SUCH-CODE-43")
    qtbot.waitUntil(lambda: "NO-SUCH-CODE-43" in window.unknown_banner.text(), timeout=WAIT)
    assert beeps == [1]

    press(qtbot, "Ctrl+A")
    scan(qtbot, built.rma_number)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=WAIT)
    assert not window.unknown_banner.isVisible()


@pytest.mark.usefixtures("fresh_layout")
def test_the_list_s_columns_fit_unclipped_at_1920_by_1080(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    add_return(store, status=ReturnStatus.PARTIALLY_RECEIVED, received_at=NOW,
               reason=ReasonCode.DAMAGED_IN_TRANSIT, customer_name="Alexandra Whitfield")
    window = _window(qtbot, desk, runner)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and window.model.row_at(0) is not None,
                    timeout=WAIT)
    table = window.table
    metrics = table.fontMetrics()
    for column in Column:
        text = str(window.model.index(0, column).data() or "")
        assert metrics.horizontalAdvance(text) < table.columnWidth(column) - 4, column
    shown = sum(table.columnWidth(c) for c in Column)
    assert shown <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0


def test_the_week_chart_s_axes_show_numbers_not_ellipses(qtbot: QtBot) -> None:
    chart = WeekChart()
    qtbot.addWidget(chart)
    chart.resize(220, 300)
    chart.show()
    days = tuple(DayStat(date(2026, 11, 24) + timedelta(days=i), n, n // 2)
                 for i, n in enumerate([40, 120, 90, 60, 20, 8, 3]))
    chart.show_stats(WeekStats(days, ()))
    qtbot.waitUntil(lambda: len(_chart_texts(chart)) >= 7, timeout=WAIT)
    texts = _chart_texts(chart)
    assert not [t for t in texts if "\u2026" in t], texts
    assert {"24", "25", "30"} <= set(texts)
    assert "100" in texts


def _chart_texts(chart: WeekChart) -> list[str]:
    texts = []
    for item in chart.view.scene().items():
        obj = item.toGraphicsObject()
        if isinstance(obj, QGraphicsTextItem):
            texts.append(obj.toPlainText())
    return texts
