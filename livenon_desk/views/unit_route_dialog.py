"""A supervisor sends a unit elsewhere than its routing rule did: scan the unit, choose the
disposition, say why (issue 17; audited). The zone follows from the disposition."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from livenon_desk.domain.enums import Disposition
from livenon_desk.views.labels import disposition_texts
from livenon_desk.views.reason_dialog import ReasonDialog

REASON_MIN = 10


class UnitRouteDialog(ReasonDialog):
    routed = Signal(str, object, str)  # the unit's LPN, its Disposition, the reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Send a unit elsewhere"),
            self.tr("Scan the unit, choose where it goes instead of where its rule sent it, "
                    "and say why."),
            self.tr("Send"), REASON_MIN, parent)
        self.setObjectName("unitRouteDialog")
        self.unit = QLineEdit(placeholderText=self.tr("Scan the unit's tag (its LPN)"))
        self.unit.setObjectName("routeUnit")
        self.disposition = QComboBox()
        self.disposition.setObjectName("routeDisposition")
        self.disposition.addItem(self.tr("— choose —"), None)
        for disposition, text in disposition_texts().items():
            self.disposition.addItem(text, disposition)
        fields = QFormLayout()
        fields.addRow(self.tr("&Unit"), self.unit)
        fields.addRow(self.tr("&Goes to"), self.disposition)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, fields)
        # A scanner's Enter moves on to the disposition; it never sends the form.
        self.unit.returnPressed.connect(self.disposition.setFocus)
        self.unit.setFocus()

    def _submit(self) -> None:
        chosen = self.disposition.currentData()
        code = self.unit.text().strip()
        if not code:
            self.show_error(self.tr("Scan the unit first."))
            return
        if chosen is None:
            self.show_error(self.tr("Choose where the unit goes."))
            return
        self.error.clear()
        self.ok.setEnabled(False)
        self.routed.emit(code, Disposition(chosen), self.reason.toPlainText())
