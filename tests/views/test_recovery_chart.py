"""Issue 17: the chart of recovery value by disposition, one bar pair a disposition, the
largest at the top and numbered, each number's disposition named below; another
currency's units are named in words, not added."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import Disposition
from livenon_desk.services.recovery_figures import RecoveryFigure
from livenon_desk.views.recovery_chart import RecoveryChart


def test_the_bars_are_the_commonest_currencys_and_the_rest_is_said(qtbot: QtBot) -> None:
    chart = RecoveryChart()
    qtbot.addWidget(chart)
    chart.show_figures([])
    assert "No unit routed" in chart.totals.text()
    chart.show_figures([
        RecoveryFigure(Disposition.RESTOCK, "USD", 3, Decimal("900"), Decimal("900")),
        RecoveryFigure(Disposition.LIQUIDATE, "USD", 4, Decimal("800"), Decimal("160")),
        RecoveryFigure(Disposition.LIQUIDATE, "EUR", 1, Decimal("200"), Decimal("40")),
    ])
    [series] = chart.chart.series()
    assert isinstance(series, QHorizontalBarSeries)
    original, recovery = series.barSets()
    assert [recovery.at(i) for i in range(recovery.count())] == [160.0, 900.0]
    assert [original.at(i) for i in range(original.count())] == [800.0, 900.0]
    [axis] = [a for a in chart.chart.axes() if isinstance(a, QBarCategoryAxis)]
    # Numbered from the top; the caption names each number's disposition in full.
    assert axis.categories() == ["2", "1"]
    assert "1. Restock: " in chart.totals.text()
    assert "2. Liquidate: " in chart.totals.text()
    assert chart.currency == "USD"
    assert "1060.00" in chart.totals.text().replace(",", "")
    assert "EUR" in chart.totals.text()
