"""Small pieces every form of the desk shows the same way."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

ERROR_COLOUR = "#b3261e"


def error_label() -> QLabel:
    """Where a form says, in the user's language, what to fix before it can be saved."""
    label = QLabel()
    label.setObjectName("formError")
    label.setStyleSheet(f"color: {ERROR_COLOUR}")
    label.setWordWrap(True)
    return label


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
