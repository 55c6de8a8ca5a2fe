"""A chart in the work queue's narrow panel, with a title above it and a caption under it.

Only numbers and short names are drawn inside the chart, where Qt neither wraps nor makes
room for them: the title, the colours' key and any long name (a disposition, a reason) are
labels that wrap, so that they read whole at the panel's width, in both languages and at
every zoom. The chart draws its own text in the widget's font, so zoom reaches it too."""

from __future__ import annotations

from html import escape

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

# Ticks a value axis may have: three where the panel has room, never fewer than two.
_MOST_TICKS = 3


class PanelChart(QWidget):
    def __init__(self, name: str, caption_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = QLabel()
        self.title.setObjectName(f"{name}Title")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.chart = QChart()
        # Qt's legend cuts a long name to "…": the key is in the caption instead.
        self.chart.legend().hide()
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.caption = QLabel()
        self.caption.setObjectName(caption_name)
        self.caption.setWordWrap(True)
        self._value_axis: QValueAxis | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        layout.addWidget(self.caption)
        layout.addStretch(1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the desk was zoomed
            self._follow_font()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_ticks()

    def _follow_font(self) -> None:
        font = self.font()
        for axis in self.chart.axes():
            axis.setLabelsFont(font)
        self._fit_height()
        self._fit_ticks()

    def _fit_height(self) -> None:
        """The chart view's height, in lines of the widget's font."""
        raise NotImplementedError

    def _fit_ticks(self) -> None:
        """A horizontal value axis has as many numbers as fit side by side in the panel,
        each with half a number's room to spare."""
        axis = self._value_axis
        if axis is None or axis.orientation() != Qt.Orientation.Horizontal:
            return
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(f"{axis.max():.0f}"),
                     metrics.horizontalAdvance("0"))
        room = self.view.width() - 2 * widest  # the names' axis, and half a number over
        ticks = max(2, min(_MOST_TICKS, room * 2 // (3 * widest) + 1))
        if axis.tickCount() != ticks:
            axis.setTickCount(ticks)

    def _clear(self) -> None:
        self._value_axis = None
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def _show(self, series: QAbstractSeries, axes: dict[Qt.AlignmentFlag, QAbstractAxis],
              value_axis: QValueAxis) -> None:
        """The series on its axes, whose labels are never cut to "…" (a narrow panel must
        still show the numbers) and are in the widget's font."""
        value_axis.setLabelFormat("%d")
        self._value_axis = value_axis
        self.chart.addSeries(series)
        for align, axis in axes.items():
            axis.setTruncateLabels(False)
            axis.setLabelsFont(self.font())
            self.chart.addAxis(axis, align)
            series.attachAxis(axis)
        self._fit_ticks()


def colour_key(sets: list[QBarSet]) -> str:
    """The bars' colours and what they stand for, as rich text that wraps between words."""
    return " &nbsp; ".join(
        f"<span style='color:{s.color().name()}'>&#9632;</span>&nbsp;{escape(s.label())}"
        for s in sets)
