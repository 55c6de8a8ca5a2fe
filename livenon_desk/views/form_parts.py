"""Small pieces every form of the desk shows the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_COLOUR = "#b3261e"


def error_label() -> QLabel:
    """Where a form says, in the user's language, what to fix before it can be saved."""
    label = QLabel()
    label.setObjectName("formError")
    label.setStyleSheet(f"color: {ERROR_COLOUR}")
    label.setWordWrap(True)
    return label
