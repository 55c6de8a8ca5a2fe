"""The work queue's charts read whole in their narrow panel: in English and Chinese, at
the panel's usual width and at every zoom the desk offers. Inside a chart, where Qt makes
no room for text, every axis label lies within the chart and beside no other; the long
words (the title, the colours' key, the dispositions' names) are labels that wrap and are
never cut."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from livenon_desk.services.demo_service import create_demo_database
from livenon_desk.services.desk import Desk
from livenon_desk.views.labels import disposition_texts
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.panel_chart import PanelChart
from livenon_desk.views.task_runner import TaskRunner
from livenon_desk.views.zoom import STEPS, Zoom
from tests.builders import NOW
from tests.views.conftest import SUPERVISOR
from tests.views.keyboard import WAIT, press


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's units in every disposition, "Return to customer" among them."""
    path = tmp_path_factory.mktemp("charts") / "demo.sqlite3"
    create_demo_database(path, returns=400, seed=20251, today=date(2026, 11, 25))
    return path


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, runner: TaskRunner,
           language: str) -> Iterator[MainWindow]:
    desk = Desk(demo_path, clock=lambda: NOW)
    window = MainWindow(desk, runner, actor=SUPERVISOR, database_label="demo",
                        language=language, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.resize(1920, 1040)
    window.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    yield window
    runner.wait_for_done()
    Zoom().reset()  # the zoom scales the one application's font


def _text_rect(item: QGraphicsTextItem) -> QRectF:
    """Where the item's words are drawn, in the chart view's pixels."""
    metrics = QFontMetricsF(item.font())
    margin = item.document().documentMargin()
    box = item.sceneBoundingRect().adjusted(margin, margin, -margin, -margin)
    width = metrics.horizontalAdvance(item.toPlainText())
    words = QRectF(box.center().x() - width / 2, box.top(), width, box.height())
    return QRectF(item.scene().views()[0].mapFromScene(words).boundingRect())


def _assert_axes_fit(chart: PanelChart) -> None:
    texts = [o for o in (i.toGraphicsObject() for i in chart.view.scene().items())
             if isinstance(o, QGraphicsTextItem) and o.isVisible() and o.toPlainText()]
    assert texts, "the chart shows its axes' numbers"
    room = QRectF(chart.view.viewport().rect())
    rects = []
    for item in texts:
        text = item.toPlainText()
        assert "\u2026" not in text
        rect = _text_rect(item)
        assert room.left() <= rect.left() and rect.right() <= room.right(), (text, rect, room)
        rects.append((text, rect))
    for n, (text, rect) in enumerate(rects):
        for other, other_rect in rects[n + 1:]:
            assert not rect.intersects(other_rect), (text, other)


def _assert_whole(label: QLabel) -> None:
    """A wrapping label as wide as its longest word needs, or wider."""
    assert label.wordWrap()
    assert label.minimumSizeHint().width() <= label.width(), label.objectName()


def _assert_panel_reads_whole(window: MainWindow) -> None:
    recovery, week = window.recovery_chart, window.week_chart
    assert recovery is not None and week is not None
    for chart in (recovery, week):
        _assert_axes_fit(chart)
        assert not chart.chart.legend().isVisible()  # Qt's legend would cut the names
        _assert_whole(chart.title)
        _assert_whole(chart.caption)
    names = disposition_texts()
    caption = recovery.caption.text()
    assert {f.disposition for f in recovery.figures} >= set(names) - {min(names)}
    for figure in recovery.figures:
        assert names[figure.disposition] in caption
    assert recovery.tr("Recovery value ({currency})").format(currency="USD") in caption
    panel = window.findChild(QScrollArea, "workQueuePanel")
    assert panel is not None
    assert panel.horizontalScrollBar().maximum() == 0  # nothing wider than the panel


def test_the_charts_read_whole_at_every_zoom(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.recovery_chart is not None
                    and bool(window.recovery_chart.figures)
                    and window.week_chart is not None, timeout=WAIT)
    for percent in STEPS[STEPS.index(100):]:
        if percent > 100:
            press(qtbot, "Ctrl++")
        assert window.zoom.percent == percent
        qtbot.waitUntil(lambda: _settled(window), timeout=WAIT)
        _assert_panel_reads_whole(window)


def _settled(window: MainWindow) -> bool:
    """The charts have taken the zoomed font and laid out their axes in it."""
    charts = [window.recovery_chart, window.week_chart]
    size = QApplication.font().pointSizeF()
    return all(c is not None and c.font().pointSizeF() == size
               and c.chart.plotArea().width() > 0
               and all(a.labelsFont().pointSizeF() == size for a in c.chart.axes())
               for c in charts)
