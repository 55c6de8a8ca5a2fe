"""Recovery value by disposition: what the routed units are expected to bring back.

The bars are numbered on their axis (1 at the top), and the caption names each number's
disposition in full with its units and amounts: a disposition's name ("Return to
customer", "退回客户") does not fit beside a bar in the narrow panel, but wraps below it."""

from __future__ import annotations

from html import escape

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from livenon_desk.services.recovery_figures import RecoveryFigure
from livenon_desk.views.formatting import format_money
from livenon_desk.views.labels import disposition_texts
from livenon_desk.views.panel_chart import PanelChart, colour_key


class RecoveryChart(PanelChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("recoveryChart", "recoveryTotals", parent)
        self.title.setText(self.tr("Recovery value by disposition"))
        self.totals = self.caption
        self.figures: list[RecoveryFigure] = []
        self.currency: str | None = None
        self._bars = 0
        self._follow_font()

    def _fit_height(self) -> None:
        """Each disposition's pair of bars keeps a line of text's room."""
        line = self.fontMetrics().height()
        bars = max(self._bars, 3)
        self.view.setMinimumHeight(line * (2 + 3 * bars) // 2)
        self.view.setMaximumHeight(line * (3 + 2 * bars))

    def show_figures(self, figures: list[RecoveryFigure]) -> None:
        """The bars of the commonest currency (amounts of two are never added); the
        units of any other currency are named below in words."""
        self.figures = figures
        self._clear()
        if not figures:
            self.currency = None
            self.totals.setText(self.tr("No unit routed yet."))
            return
        counts: dict[str, int] = {}
        for f in figures:
            counts[f.currency] = counts.get(f.currency, 0) + f.units
        currency = self.currency = max(sorted(counts), key=lambda c: counts[c])
        shown = [f for f in figures if f.currency == currency]
        names = disposition_texts()
        original = QBarSet(self.tr("Original value ({currency})").format(currency=currency))
        original.setColor(QColor("#9aa0a6"))
        recovery = QBarSet(self.tr("Recovery value ({currency})").format(currency=currency))
        recovery.setColor(QColor("#1b7f3b"))
        for f in reversed(shown):  # the largest at the top
            original.append(float(f.original))
            recovery.append(float(f.recovery))
        series = QHorizontalBarSeries()
        series.append(original)
        series.append(recovery)
        y_axis = QBarCategoryAxis()
        y_axis.append([str(n) for n in range(len(shown), 0, -1)])
        x_axis = QValueAxis()
        x_axis.setTickCount(3)
        x_axis.setRange(0, max(float(f.original) for f in shown) or 1)
        x_axis.applyNiceNumbers()
        self._bars = len(shown)
        self._fit_height()
        self._show(series, {Qt.AlignmentFlag.AlignLeft: y_axis,
                            Qt.AlignmentFlag.AlignBottom: x_axis}, x_axis)
        total = sum((f.recovery for f in shown), start=shown[0].recovery * 0)
        lines = [colour_key([original, recovery])]
        lines += [escape(self.tr("{number}. {disposition}: {recovery}, {units} units").format(
            number=n, disposition=names[f.disposition], units=f.units,
            recovery=format_money(f.recovery, f.currency)))
            for n, f in enumerate(shown, start=1)]
        lines.append("<b>{}</b>".format(escape(self.tr("Expected to recover: {total}").format(
            total=format_money(total, currency)))))
        lines += [escape(self.tr("{disposition}: {units} units, {recovery} ({currency})").format(
            disposition=names[f.disposition], units=f.units,
            recovery=format_money(f.recovery, f.currency), currency=f.currency))
            for f in figures if f.currency != currency]
        self.totals.setText("<br>".join(lines))
