"""Logging a parcel that matches no return, so that it is not lost on the floor."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.enums import ParcelCondition
from livenon_desk.services.receiving_dto import UnexpectedParcelInput
from livenon_desk.views.dialog_keys import submit_with_ctrl_enter
from livenon_desk.views.form_parts import (
    add_time_row,
    clear_when_edited,
    error_label,
    warehouse_time_edit,
)
from livenon_desk.views.formatting import qdatetime_to_utc
from livenon_desk.views.labels import parcel_condition_texts
from livenon_desk.views.receive_dialog import CARRIERS


class UnexpectedParcelDialog(QDialog):
    submitted = Signal(object)

    def __init__(self, code: str, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unexpectedParcelDialog")
        self.setWindowTitle(self.tr("Receive an unexpected parcel"))
        self.code = code
        intro = QLabel(self.tr("No return matches «{code}». Record the parcel so that it can "
                               "be matched later.").format(code=code))
        intro.setWordWrap(True)
        self.received_at = warehouse_time_edit(now)
        self.carrier = QComboBox(editable=True)
        self.carrier.addItems(list(CARRIERS))
        self.tracking = QLineEdit(code)
        self.condition = QComboBox()
        for condition, text in parcel_condition_texts().items():
            self.condition.addItem(text, condition)
        self.sender_name = QLineEdit()
        self.sender_name.setPlaceholderText(self.tr("Name on the sender's label"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        form = QFormLayout()
        add_time_row(form, self.tr("&Arrived"), self.received_at)
        form.addRow(self.tr("&Carrier"), self.carrier)
        form.addRow(self.tr("&Tracking number"), self.tracking)
        form.addRow(self.tr("Parcel c&ondition"), self.condition)
        form.addRow(self.tr("&Sender"), self.sender_name)
        form.addRow(self.tr("&Notes"), self.notes)
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Record parcel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        clear_when_edited(self.error, self.received_at, self.carrier, self.tracking,
                          self.condition, self.sender_name, self.notes)
        self.carrier.setFocus()
        submit_with_ctrl_enter(self, self.buttons, self._submit)
    def parcel(self) -> UnexpectedParcelInput:
        condition = ParcelCondition(self.condition.currentData())
        return UnexpectedParcelInput(
            scanned_code=self.code, carrier=self.carrier.currentText(),
            tracking_number=self.tracking.text(), parcel_condition=condition,
            received_at=qdatetime_to_utc(self.received_at.dateTime()),
            sender=self.sender_name.text(), notes=self.notes.toPlainText())

    def _submit(self) -> None:
        self.error.clear()
        self.submitted.emit(self.parcel())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
