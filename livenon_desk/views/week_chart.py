"""The week's throughput (passed and not, by day) and pass rate by reason."""

from __future__ import annotations

from html import escape

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from livenon_desk.services.work_queue_dto import WeekStats
from livenon_desk.views.labels import reason_texts
from livenon_desk.views.panel_chart import PanelChart, colour_key


class WeekChart(PanelChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("weekChart", "passRates", parent)
        self.title.setText(self.tr("Inspected, last 7 days"))
        self.reasons = self.caption
        self.stats: WeekStats | None = None
        self._follow_font()

    def _fit_height(self) -> None:
        line = self.fontMetrics().height()
        self.view.setMinimumHeight(line * 8)
        self.view.setMaximumHeight(line * 13)

    def show_stats(self, stats: WeekStats) -> None:
        self.stats = stats
        self._clear()
        passed = QBarSet(self.tr("Passed"))
        passed.setColor(QColor("#1b7f3b"))
        other = QBarSet(self.tr("Not passed"))
        other.setColor(QColor("#c5221f"))
        days = []
        locale = QLocale()
        for day in stats.days:
            passed.append(day.passed)
            other.append(day.inspected - day.passed)
            days.append(str(day.day.day))
        series = QStackedBarSeries()
        series.append(passed)
        series.append(other)
        x_axis = QBarCategoryAxis()
        x_axis.append(days)
        y_axis = QValueAxis()
        y_axis.setRange(0, max([d.inspected for d in stats.days] + [4]))
        y_axis.applyNiceNumbers()
        self._show(series, {Qt.AlignmentFlag.AlignBottom: x_axis,
                            Qt.AlignmentFlag.AlignLeft: y_axis}, y_axis)
        texts = reason_texts()
        key = colour_key([passed, other])
        if not stats.reasons:
            empty = self.tr("No inspections in the last seven days.")
            self.reasons.setText(f"{key}<br>{escape(empty)}")
            return
        rows = "".join(
            f"<tr><td>{escape(texts[r.reason])}</td><td align='right'>"
            f"{locale.toString(round(r.pass_rate * 100))} %</td>"
            f"<td align='right' style='color:#5f6368'>{locale.toString(r.inspected)}</td></tr>"
            for r in stats.reasons)
        title = escape(self.tr("Pass rate by reason"))
        self.reasons.setText(f"{key}<br><b>{title}</b><table width='100%'>{rows}</table>")
