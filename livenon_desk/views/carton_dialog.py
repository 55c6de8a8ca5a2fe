"""Counting in the cartons of a partially received return, one scan per carton."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QWidget,
)

from livenon_desk.domain.receiving import CartonCount
from livenon_desk.services.dto import ReturnDetail
from livenon_desk.views.dialog_keys import no_default_buttons
from livenon_desk.views.form_parts import scan_steps


class CartonDialog(QDialog):
    scanned = Signal(str)

    def __init__(self, detail: ReturnDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartonDialog")
        self.setWindowTitle(self.tr("Count cartons of {rma}").format(rma=detail.rma_number))
        self._counts = {line.tag_code: CartonCount(line.tag_code, line.cartons_expected,
                                                   line.cartons_received)
                        for line in detail.lines}
        self.state = QLabel()
        self.state.setObjectName("cartonState")
        self._show_counts()
        self.scan, self.feedback = scan_steps(self, "carton", [self.state])
        self.scan.setPlaceholderText(self.tr("Scan the tag on each carton"))
        self.scan.returnPressed.connect(self._scanned)
        self.resize(420, 200)
        no_default_buttons(self)
        self.scan.setFocus()

    def _scanned(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if code:
            self.scanned.emit(code)

    def show_count(self, count: CartonCount) -> None:
        """A carton was counted: the tally shows it (no "1/2" after the last one)."""
        self._counts[count.tag_code] = count
        self._show_counts()

    def _show_counts(self) -> None:
        self.state.setText("<br>".join(
            f"{c.tag_code}: {c.received}/{c.expected}" + (" \u2713" if c.complete else "")
            for c in self._counts.values()))

    def show_feedback(self, text: str, *, error: bool = False) -> None:
        self.feedback.setStyleSheet("color: #b3261e" if error else "color: #1b7f3b")
        self.feedback.setText(text)
