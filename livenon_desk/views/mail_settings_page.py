"""Settings' Mail page, for an administrator: ``[mail]`` of ``desk_settings.toml`` as the
desk uses it (the SMTP server the answers go out by, the mailbox it polls), changed and
kept in the user's preferences, each value checked as the file's are; the passwords go to
the keyring, never to a file, and are never shown back. "Test connection" signs in to a
server with what the page holds, on the task runner, and says how it went."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.catalogue import text
from livenon_desk.domain.roles import Actor
from livenon_desk.errors import KnownError
from livenon_desk.services.desk_settings import (
    FILE_NAME,
    MAIL_FIELD_NAMES,
    DeskSettings,
    mail_value,
    save_mail_settings,
    with_mail,
)
from livenon_desk.services.mail_servers import (
    check_connection,
    keep_mail_password,
    mail_password_kept,
)
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.task_runner import TaskRunner

log = logging.getLogger(__name__)

_NUMBERS = ("smtp_port", "imap_port", "poll_minutes")
_SECURITIES = ("smtp_security", "imap_security")
_SMTP_KEYS = ("smtp_host", "smtp_port", "smtp_security", "smtp_user", "from_address",
              "from_name")
_IMAP_KEYS = ("imap_host", "imap_port", "imap_security", "imap_user", "imap_folder",
              "poll_minutes")


def keep_passwords(typed: list[tuple[DeskSettings, str, str]]) -> None:
    """The passwords a save left to keep, kept in the keyring (on a worker)."""
    for settings, which, password in typed:
        keep_mail_password(settings, which, password)


class MailSettingsPage(QWidget):
    def __init__(self, actor: Actor, settings: DeskSettings, runner: TaskRunner,
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailSettings")
        self._actor = actor
        self._settings = settings
        self._runner = runner
        self._language = language
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.passwords: dict[str, QLineEdit] = {}
        self.tests: dict[str, QPushButton] = {}
        self.results: dict[str, QLabel] = {}
        intro = QLabel(self.tr("The desk's mail servers, over what IT set in {file}; the "
                               "passwords are kept in the system keyring. The background "
                               "mail takes the changes at the desk's next start.").format(
                                   file=FILE_NAME))
        intro.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("mailSettingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c5221f")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._server_box(
            "smtp", self.tr("Sending answers (SMTP)"), _SMTP_KEYS,
            self.tr("Test &sending")))
        layout.addWidget(self._server_box(
            "imap", self.tr("Mailbox of applications (IMAP)"), _IMAP_KEYS,
            self.tr("Test the &mailbox")))
        ca_form = QFormLayout()
        self._add_field(ca_form, "ca_file")
        layout.addLayout(ca_form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _server_box(self, which: str, title: str, keys: tuple[str, ...],
                    test_text: str) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for key in keys:
            self._add_field(form, key)
            if key.endswith("_user"):
                password = QLineEdit()
                password.setObjectName(f"{which}Password")
                password.setEchoMode(QLineEdit.EchoMode.Password)
                # The keyring is asked on a worker: a desktop keyring can keep its caller
                # waiting (a locked one asks the user to unlock it).
                password.setPlaceholderText(self.tr("asking the keyring…"))
                self._runner.run(mail_password_kept, self._settings, which,
                                 on_done=partial(self._kept, password),
                                 on_error=partial(self._keyring_silent, password))
                self.passwords[which] = password
                form.addRow(self.tr("Password"), password)
        test = QPushButton(test_text)
        test.setObjectName(f"{which}Test")
        test.setAutoDefault(False)
        test.clicked.connect(partial(self._test, which))
        result = QLabel()
        result.setObjectName(f"{which}TestResult")
        result.setWordWrap(True)
        result.setAlignment(Qt.AlignmentFlag.AlignTop)
        # Room for the longest answer (a certificate's trouble), so the page need not grow.
        result.setMinimumHeight(3 * result.fontMetrics().lineSpacing())
        self.tests[which] = test
        self.results[which] = result
        form.addRow(test)
        form.addRow(result)
        return box

    def _kept(self, field: QLineEdit, kept: bool) -> None:
        field.setPlaceholderText(self.tr("kept: type a new one to change it") if kept
                                 else self.tr("none kept"))

    def _keyring_silent(self, field: QLineEdit, error: BaseException) -> None:
        log.warning("the keyring did not answer: %s", error)
        field.setPlaceholderText(self.tr("the keyring did not answer"))

    def _add_field(self, form: QFormLayout, key: str) -> None:
        value = mail_value(self._settings, key)
        widget: QLineEdit | QComboBox
        if key in _SECURITIES:
            widget = QComboBox()
            widget.addItem(self.tr("TLS from the first byte"), "tls")
            widget.addItem(self.tr("STARTTLS"), "starttls")
            widget.setCurrentIndex(max(widget.findData(value), 0))
        else:
            widget = QLineEdit(str(value))
        widget.setObjectName(key)
        self.fields[key] = widget
        form.addRow(text(MAIL_FIELD_NAMES[key], self._language), widget)

    def values(self) -> dict[str, object]:
        """What the page holds, by ``[mail]`` key: numbers as numbers where they are."""
        values: dict[str, object] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                values[key] = widget.currentData()
                continue
            typed = widget.text().strip()
            values[key] = int(typed) if key in _NUMBERS and typed.isdigit() else typed
        return values

    def save(self) -> list[tuple[DeskSettings, str, str]]:
        """The page's values kept; what is left to do is returned: the passwords typed,
        each for its server, to be kept in the keyring on a worker (``keep_passwords``).
        A refused value keeps nothing, says why and goes to its field (``KnownError``
        raised on)."""
        self.error.clear()
        try:
            settings = save_mail_settings(self._actor, self.values())
        except KnownError as exc:
            self._refused(exc)
            raise
        self._settings = settings
        typed = [(settings, which, field.text()) for which, field in self.passwords.items()
                 if field.text()]
        for field in self.passwords.values():
            field.clear()
        return typed

    def failed_to_keep(self, error: BaseException) -> None:
        """The keyring refused a password: said on the page, which stays open."""
        log.warning("the keyring did not keep a mail password", exc_info=error)
        self.error.setText(self.tr(
            "The servers are saved, but the system keyring did not keep the password "
            "({reason}). Type it again and save, or set it with "
            "livenon-desk mail password.").format(reason=error))

    def _refused(self, error: KnownError) -> None:
        self.error.setText(self.tr("{problem} Nothing was saved.").format(
            problem=user_message(error, self._language)))
        named = error.reason.values.get("field")
        for key, name in MAIL_FIELD_NAMES.items():
            if getattr(named, "id", None) == name:
                self.fields[key].setFocus()

    def _test(self, which: str) -> None:
        """Sign in to the server with what the page holds (the password typed, else the
        one kept), on a worker."""
        result = self.results[which]
        try:
            settings = with_mail(self.values(), self._settings)
        except KnownError as exc:
            result.setText(user_message(exc, self._language))
            return
        self.tests[which].setEnabled(False)
        result.setText(self.tr("Connecting…"))
        self._runner.run(check_connection, settings, which,
                         self.passwords[which].text() or None,
                         on_done=partial(self._tested, which),
                         on_error=partial(self._test_failed, which))

    def _tested(self, which: str, where: str) -> None:
        self.tests[which].setEnabled(True)
        self.results[which].setText(self.tr("Signed in to {server}: it works.").format(
            server=where))

    def _test_failed(self, which: str, error: BaseException) -> None:
        self.tests[which].setEnabled(True)
        self.results[which].setText(user_message(error, self._language))
