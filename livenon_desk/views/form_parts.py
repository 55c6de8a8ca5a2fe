"""Small pieces every form of the desk shows the same way."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.services.warehouse_time import zone_abbreviation
from livenon_desk.views.formatting import (
    qdatetime_to_utc,
    to_warehouse_qdatetime,
    warehouse_qtimezone,
)

ERROR_COLOUR = "#b3261e"
DONE_COLOUR = "#1b7f3b"
# A floor bench's prompt: what to scan next, read from arm's length.
PROMPT_STYLE = "font-size: 15pt; font-weight: bold"


def say(feedback: QLabel, text: str, colour: str) -> None:
    """A bench's answer to a scan, in bold and its colour (done, refused)."""
    feedback.setStyleSheet(f"color: {colour}; font-weight: bold")
    feedback.setText(text)


def scan_steps(dialog: QDialog, name: str, shown: Sequence[QWidget]) -> tuple[QLineEdit, QLabel]:
    """A dialog that takes scans: what it shows (``shown``), then the scan field, the line
    that answers each scan, and Close. Object names start with ``name`` ("cartonScan")."""
    scan = QLineEdit()
    scan.setObjectName(f"{name}Scan")
    feedback = QLabel()
    feedback.setObjectName(f"{name}Feedback")
    feedback.setWordWrap(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for widget in shown:
        layout.addWidget(widget)
    layout.addWidget(scan)
    layout.addWidget(feedback)
    layout.addWidget(buttons)
    return scan, feedback


def error_label() -> QLabel:
    """Where a form says, in the user's language, what to fix before it can be saved."""
    label = QLabel()
    label.setObjectName("formError")
    label.setStyleSheet(f"color: {ERROR_COLOUR}")
    label.setWordWrap(True)
    return label


def warehouse_time_edit(now: datetime) -> QDateTimeEdit:
    """A date and time typed on the warehouse's wall clock, whatever the workstation's
    zone: 08:53 typed is 08:53 in the warehouse."""
    edit = QDateTimeEdit()
    edit.setTimeZone(warehouse_qtimezone())
    edit.setDateTime(to_warehouse_qdatetime(now))
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def add_time_row(form: QFormLayout, text: str, edit: QDateTimeEdit) -> None:
    """A form row for a warehouse time, its mnemonic leading to the editor."""
    label = QLabel(text)
    label.setBuddy(edit)
    form.addRow(label, with_zone_label(edit))


def with_zone_label(edit: QDateTimeEdit) -> QWidget:
    """The editor with its zone beside it ("PST"), kept right across a DST change."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    zone = QLabel()
    zone.setObjectName("zoneLabel")
    layout.addWidget(zone)

    def show_zone(value: QDateTime) -> None:
        zone.setText(zone_abbreviation(qdatetime_to_utc(value)))

    edit.dateTimeChanged.connect(show_zone)
    show_zone(edit.dateTime())
    row.setFocusProxy(edit)
    return row


def clear_when_edited(error: QLabel, *fields: QWidget) -> None:
    """The red message was about what the form held then: it goes as soon as the person
    changes any of ``fields`` (a message that outlives its cause is not believed)."""
    for field in fields:
        if isinstance(field, QLineEdit):
            field.textEdited.connect(error.clear)
        elif isinstance(field, QPlainTextEdit):
            field.textChanged.connect(error.clear)
        elif isinstance(field, QComboBox):
            field.currentIndexChanged.connect(error.clear)
            field.editTextChanged.connect(error.clear)
        elif isinstance(field, QAbstractButton):
            field.toggled.connect(error.clear)
        elif isinstance(field, QSpinBox):
            field.valueChanged.connect(error.clear)
        elif isinstance(field, QDateTimeEdit):
            field.dateTimeChanged.connect(error.clear)
        elif isinstance(field, QAbstractSpinBox):
            field.editingFinished.connect(error.clear)
