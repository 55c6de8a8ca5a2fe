"""Signing in before any record shows; unlocking after the idle lock; the first admin."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.roles import Actor
from livenon_desk.services.desk import Desk
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.form_parts import clear_when_edited, error_label
from livenon_desk.views.task_runner import TaskRunner


class Mode(Enum):
    SIGN_IN = "sign_in"
    UNLOCK = "unlock"
    FIRST_RUN = "first_run"


class SignInDialog(QDialog):
    signed_in = Signal(object)  # Actor

    def __init__(self, desk: Desk, runner: TaskRunner, language: str, mode: Mode,
                 locked_for: Actor | None = None, hint: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._language = language
        self.mode = mode
        self._locked_for = locked_for
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Livenon Desk: sign in"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.hint = QLabel(hint)
        self.hint.setStyleSheet("color: #5f6368")
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        self._name_row = (self.tr("&Full name"), self.display_name)
        form.addRow(*self._name_row)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Repeat password"), self.repeat)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # "User name or password is wrong" is about what was typed then, not what is now.
        clear_when_edited(self.error, self.username, self.display_name, self.password,
                          self.repeat)
        self.setMinimumWidth(420)
        self.set_mode(mode)

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        first = mode is Mode.FIRST_RUN
        for widget in (self.display_name, self.repeat):
            self._form.setRowVisible(widget, first)
        if mode is Mode.UNLOCK and self._locked_for is not None:
            self.intro.setText(self.tr(
                "The desk is locked. {name}, enter your password to go on where you left "
                "off.").format(name=self._locked_for.name))
            self.username.setText(self._locked_for.username)
            self.username.setReadOnly(True)
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
                self.tr("Switch user…"))
            self.ok.setText(self.tr("&Unlock"))
            self.password.setFocus()
        elif first:
            self.intro.setText(self.tr(
                "This desk has no users yet. Create the administrator's account; it can add "
                "inspectors and supervisors later."))
            self.ok.setText(self.tr("&Create administrator"))
            self.username.setFocus()
        else:
            self.intro.setText(self.tr("Sign in to see and work on returns."))
            self.username.setReadOnly(False)
            self.ok.setText(self.tr("&Sign in"))
            (self.password if self.username.text() else self.username).setFocus()

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return
        self.error.clear()
        if self.mode is Mode.FIRST_RUN and self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        self.ok.setEnabled(False)
        username, password = self.username.text(), self.password.text()
        if self.mode is Mode.FIRST_RUN:
            name = self.display_name.text()
            self._runner.run(lambda: self._desk.auth.create_first_admin(username, name, password),
                             on_done=self._done, on_error=self._failed)
        else:
            self._runner.run(lambda: self._desk.auth.sign_in(username, password),
                             on_done=self._done, on_error=self._failed)

    def _done(self, actor: Actor) -> None:
        self.password.clear()
        self.repeat.clear()
        self.ok.setEnabled(True)
        if self._locked_for is not None and self.mode is Mode.UNLOCK \
                and actor.username != self._locked_for.username:
            return
        self.signed_in.emit(actor)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.error.setText(user_message(error, self._language))

    def check_first_run(self) -> None:
        """On a fresh install there is nobody to sign in as: offer the first admin."""
        self._runner.run(lambda: self._desk.auth.has_users(),
                         on_done=lambda has: None if has else self.set_mode(Mode.FIRST_RUN),
                         on_error=self._failed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.mode is Mode.UNLOCK:
            return  # Esc does not lift the lock
        super().keyPressEvent(event)
