"""A chart in the work queue's narrow panel, with a caption under it. The chart draws its
own text: it takes the widget's font, so zoom reaches it."""

from __future__ import annotations

from PySide6.QtCharts import QAbstractAxis, QAbstractSeries, QChart, QChartView, QValueAxis
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PanelChart(QWidget):
    def __init__(self, name: str, caption_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.caption = QLabel()
        self.caption.setObjectName(caption_name)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.caption)
        layout.addStretch(1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the desk was zoomed
            self._follow_font()
        super().changeEvent(event)

    def _follow_font(self) -> None:
        font = self.font()
        self.chart.setTitleFont(font)
        self.chart.legend().setFont(font)
        for axis in self.chart.axes():
            axis.setLabelsFont(font)
        self._fit_height()

    def _fit_height(self) -> None:
        """The chart view's height, in lines of the widget's font."""
        raise NotImplementedError

    def _clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def _show(self, series: QAbstractSeries, axes: dict[Qt.AlignmentFlag, QAbstractAxis],
              value_axis: QValueAxis) -> None:
        """The series on its axes, whose labels are never cut to "…" (a narrow panel must
        still show the numbers) and are in the widget's font."""
        value_axis.setLabelFormat("%d")
        self.chart.addSeries(series)
        for align, axis in axes.items():
            axis.setTruncateLabels(False)
            axis.setLabelsFont(self.font())
            self.chart.addAxis(axis, align)
            series.attachAxis(axis)
