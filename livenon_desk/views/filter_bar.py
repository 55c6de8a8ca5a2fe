"""Filters over the returns list: status, reason, carrier and when the return was applied for."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from livenon_desk.domain.enums import ReasonCode, ReturnStatus
from livenon_desk.services.dto import ReturnFilter
from livenon_desk.views.labels import reason_texts, status_texts

PERIODS = (None, 1, 7, 30, 90)


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("Any status"), None)
        for status, text in status_texts().items():
            self.status.addItem(text, status)
        self.reason = QComboBox()
        self.reason.setObjectName("reasonFilter")
        self.reason.addItem(self.tr("Any reason"), None)
        for reason, text in reason_texts().items():
            self.reason.addItem(text, reason)
        self.carrier = QComboBox()
        self.carrier.setObjectName("carrierFilter")
        self.carrier.addItem(self.tr("Any carrier"), None)
        self.period = QComboBox()
        self.period.setObjectName("periodFilter")
        period_texts = {
            None: self.tr("Applied: any time"), 1: self.tr("Applied today"),
            7: self.tr("Applied in the last 7 days"), 30: self.tr("Applied in the last 30 days"),
            90: self.tr("Applied in the last 90 days"),
        }
        for days in PERIODS:
            self.period.addItem(period_texts[days], days)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Filter:")))
        for combo in (self.status, self.reason, self.carrier, self.period):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
            layout.addWidget(combo, 1)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        layout.addWidget(self.clear_button)
        self.clear_button.clicked.connect(self.clear)

    def set_carriers(self, carriers: list[str]) -> None:
        current = self.carrier.currentData()
        self.carrier.blockSignals(True)
        while self.carrier.count() > 1:
            self.carrier.removeItem(1)
        for carrier in carriers:
            self.carrier.addItem(carrier, carrier)
        index = self.carrier.findData(current)
        self.carrier.setCurrentIndex(max(index, 0))
        self.carrier.blockSignals(False)

    def limit_statuses(self, allowed: frozenset[ReturnStatus]) -> None:
        """Offer only the statuses a queue can hold (all, for an empty set)."""
        model = self.status.model()
        assert isinstance(model, QStandardItemModel)
        for row in range(1, self.status.count()):
            status = ReturnStatus(self.status.itemData(row))
            item = model.item(row)
            item.setEnabled(not allowed or status in allowed)
        if allowed and self.status.currentData() not in allowed and self.status.currentIndex():
            self.status.blockSignals(True)
            self.status.setCurrentIndex(0)
            self.status.blockSignals(False)

    def clear(self) -> None:
        for combo in (self.status, self.reason, self.carrier, self.period):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.changed.emit()

    def is_empty(self) -> bool:
        return all(c.currentIndex() == 0
                   for c in (self.status, self.reason, self.carrier, self.period))

    def apply(self, base: ReturnFilter, now: datetime) -> ReturnFilter:
        """``base`` (a queue's filter) narrowed by what is chosen here."""
        flt = base
        # Qt hands enum values back as plain strings.
        status = self.status.currentData()
        if status:
            flt = replace(flt, statuses=frozenset({ReturnStatus(status)}))
        reason = self.reason.currentData()
        if reason:
            flt = replace(flt, reason_code=ReasonCode(reason))
        carrier = self.carrier.currentData()
        if isinstance(carrier, str):
            flt = replace(flt, carrier=carrier)
        days = self.period.currentData()
        if isinstance(days, int):
            flt = replace(flt, applied_from=now - timedelta(days=days))
        return flt
