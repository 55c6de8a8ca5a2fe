"""The week's throughput (passed and not, by day) and pass rate by reason."""

from __future__ import annotations

from html import escape

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from livenon_desk.services.work_queue_dto import WeekStats
from livenon_desk.views.labels import reason_texts


class WeekChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekChart")
        self.chart = QChart()
        self.chart.setTitle(self.tr("Inspected, last 7 days"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.reasons = QLabel()
        self.reasons.setObjectName("passRates")
        self.reasons.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.reasons)
        layout.addStretch(1)
        self.stats: WeekStats | None = None
        self._follow_font()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the desk was zoomed
            self._follow_font()
        super().changeEvent(event)

    def _follow_font(self) -> None:
        """The chart draws its own text: it takes the widget's font, so zoom reaches it."""
        font = self.font()
        self.chart.setTitleFont(font)
        self.chart.legend().setFont(font)
        for axis in self.chart.axes():
            axis.setLabelsFont(font)
        line = self.fontMetrics().height()
        self.view.setMinimumHeight(line * 11)
        self.view.setMaximumHeight(line * 16)

    def show_stats(self, stats: WeekStats) -> None:
        self.stats = stats
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
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
        self.chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(days)
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%d")
        for axis in (x_axis, y_axis):
            # A narrow panel must still show the numbers, not "…".
            axis.setTruncateLabels(False)
            axis.setLabelsFont(self.font())
        y_axis.setRange(0, max([d.inspected for d in stats.days] + [4]))
        y_axis.applyNiceNumbers()
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        texts = reason_texts()
        if not stats.reasons:
            self.reasons.setText(self.tr("No inspections in the last seven days."))
            return
        rows = "".join(
            f"<tr><td>{escape(texts[r.reason])}</td><td align='right'>"
            f"{locale.toString(round(r.pass_rate * 100))} %</td>"
            f"<td align='right' style='color:#5f6368'>{locale.toString(r.inspected)}</td></tr>"
            for r in stats.reasons)
        title = escape(self.tr("Pass rate by reason"))
        self.reasons.setText(f"<b>{title}</b><table width='100%'>{rows}</table>")
