"""Asking a supervisor for the written reason of an exception or a short close."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.views.dialog_keys import submit_with_ctrl_enter
from livenon_desk.views.form_parts import clear_when_edited, error_label


class ReasonDialog(QDialog):
    submitted = Signal(str)

    def __init__(self, title: str, prompt: str, action: str, minimum: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self._minimum = minimum
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.count = QLabel()
        self.count.setStyleSheet("color: #5f6368")
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(action)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._count)
        clear_when_edited(self.error, self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(480, 260)
        self._count()
        self.reason.setFocus()
        submit_with_ctrl_enter(self, self.buttons, self._submit_if_ready)
    def _count(self) -> None:
        n = len(self.reason.toPlainText().strip())
        self.ok.setEnabled(n >= self._minimum)
        if n < self._minimum:
            self.count.setText(self.tr("At least {n} more characters.").format(
                n=self._minimum - n))
        else:
            self.count.clear()

    def _submit_if_ready(self) -> None:
        if self.ok.isEnabled():
            self._submit()

    def _submit(self) -> None:
        self.error.clear()
        self.ok.setEnabled(False)
        self.submitted.emit(self.reason.toPlainText())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.ok.setEnabled(True)
