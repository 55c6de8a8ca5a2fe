"""Settings' Mail page: an administrator sees ``[mail]`` as the desk uses it, changes it and
saves it into the user's preferences, each value checked as the file's are (a bad one
names its field in the user's language and keeps nothing); the passwords go to the keyring,
never to a file, and are never shown back; "Test connection" signs in to the real SMTP
server (aiosmtpd) and the real Dovecot from a worker and says what went wrong. Others see
no Mail page."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTabWidget
from pytestqt.qtbot import QtBot

from livenon_desk.domain.roles import Actor, Role
from livenon_desk.errors import KnownError, PermissionDeniedError
from livenon_desk.services.desk_settings import desk_settings, save_mail_settings
from livenon_desk.services.mail_servers import mail_passwords
from livenon_desk.services.user_settings import change_user_settings, user_settings
from livenon_desk.sync.credentials import TokenStore
from livenon_desk.views.mail_settings_page import MailSettingsPage
from livenon_desk.views.settings_dialog import SettingsDialog
from livenon_desk.views.task_runner import TaskRunner
from tests.imap_server import ImapServer
from tests.postgres import free_port
from tests.smtp_server import SmtpTestServer
from tests.views.conftest import SUPERVISOR
from tests.views.keyboard import WAIT, focused, press, type_text

ADMIN = Actor("aadmin", Role.ADMIN, "Ada Admin")


@pytest.fixture(autouse=True)
def _settings_read_afresh() -> Iterator[None]:
    desk_settings.cache_clear()
    yield
    desk_settings.cache_clear()


def _open(qtbot: QtBot, runner: TaskRunner, actor: Actor = ADMIN) -> SettingsDialog:
    dialog = SettingsDialog(runner=runner, actor=actor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT)
    return dialog


def _mail_page(qtbot: QtBot, dialog: SettingsDialog) -> MailSettingsPage:
    """Ctrl+Tab to the Mail page."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT)
    press(qtbot, "Ctrl+Tab")
    page = dialog.mail
    assert page is not None and dialog.pages.currentWidget() is page
    return page


def _retype(qtbot: QtBot, field: QLineEdit | QComboBox, words: str) -> None:
    """Into the field (as a Tab or a click brings the focus there): all of it replaced."""
    field.setFocus()
    qtbot.waitUntil(lambda: focused(qtbot) is field, timeout=WAIT)
    press(qtbot, "Ctrl+A")
    press(qtbot, "Backspace")
    type_text(qtbot, words)


def _choose(qtbot: QtBot, combo: QLineEdit | QComboBox, data: str) -> None:
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.waitUntil(lambda: focused(qtbot) is combo, timeout=WAIT)
    while combo.currentData() != data:
        press(qtbot, "Down")


def _tested(qtbot: QtBot, page: MailSettingsPage, which: str, keys: str) -> str:
    result = page.results[which]
    result.clear()
    press(qtbot, keys)
    qtbot.waitUntil(lambda: result.text() not in ("", page.tr("Connecting…")),
                    timeout=WAIT * 3)
    qtbot.waitUntil(page.tests[which].isEnabled, timeout=WAIT)
    return result.text()


@pytest.mark.usefixtures("mail_settings")
def test_an_admin_tests_the_smtp_server_and_hears_why_it_fails(
        qtbot: QtBot, runner: TaskRunner, smtp_server: SmtpTestServer) -> None:
    """IT's file names the server (the ``mail_settings`` fixture)."""
    dialog = _open(qtbot, runner)
    page = _mail_page(qtbot, dialog)
    fields = page.fields
    host, port = fields["smtp_host"], fields["smtp_port"]
    assert isinstance(host, QLineEdit) and isinstance(port, QLineEdit)
    assert host.text() == "127.0.0.1"  # IT's file, as the desk reads it
    assert port.text() == str(smtp_server.port)
    where = f"smtps://desk@127.0.0.1:{smtp_server.port}"

    assert "No password is kept for " + where in _tested(qtbot, page, "smtp", "Alt+S")

    _retype(qtbot, page.passwords["smtp"], "not-the-password")
    assert f"{where} refused the password of desk" in _tested(qtbot, page, "smtp", "Alt+S")

    _retype(qtbot, page.passwords["smtp"], smtp_server.password)
    assert _tested(qtbot, page, "smtp", "Alt+S") == f"Signed in to {where}: it works."
    assert smtp_server.received == []  # a test sends nothing

    closed = free_port()
    _retype(qtbot, fields["smtp_port"], str(closed))
    assert "refused the connection" in _tested(qtbot, page, "smtp", "Alt+S")
    # Nothing was saved by testing: the file's port is still the desk's.
    assert desk_settings().smtp_port == smtp_server.port


def test_an_admin_tests_the_mailbox_on_dovecot(
        qtbot: QtBot, runner: TaskRunner, imap_mailbox: ImapServer) -> None:
    dialog = _open(qtbot, runner)
    page = _mail_page(qtbot, dialog)
    fields = page.fields
    _retype(qtbot, fields["imap_host"], "127.0.0.1")
    _retype(qtbot, fields["imap_port"], str(imap_mailbox.imaps_port))
    _retype(qtbot, fields["imap_user"], imap_mailbox.user)
    _retype(qtbot, page.passwords["imap"], imap_mailbox.password)
    where = f"imaps://{imap_mailbox.user}@127.0.0.1:{imap_mailbox.imaps_port}/INBOX"
    _retype(qtbot, fields["ca_file"], str(imap_mailbox.certificate))
    assert _tested(qtbot, page, "imap", "Alt+M") == f"Signed in to {where}: it works."

    _retype(qtbot, fields["imap_folder"], "No such folder")
    assert "No such folder" in _tested(qtbot, page, "imap", "Alt+M")
    _retype(qtbot, fields["imap_folder"], "INBOX")

    # TLS from the first byte to the port that speaks plain text first (and STARTTLS).
    _retype(qtbot, fields["imap_port"], str(imap_mailbox.imap_port))
    assert "did not speak TLS" in _tested(qtbot, page, "imap", "Alt+M")
    _choose(qtbot, fields["imap_security"], "starttls")
    assert "Signed in to imap://" in _tested(qtbot, page, "imap", "Alt+M")

    _retype(qtbot, fields["ca_file"], "")  # the system's CAs do not know the test's
    assert "did not prove who it is" in _tested(qtbot, page, "imap", "Alt+M")


def test_saving_keeps_the_values_and_the_passwords_apart(
        qtbot: QtBot, runner: TaskRunner, imap_mailbox: ImapServer,
        own_user_settings: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The keyring is only ever asked on a worker: a desktop keyring can keep its caller
    # waiting, and the window's thread must not be the one waiting.
    asked_on_the_window_thread: list[str] = []
    for name in ("load", "save"):
        original = getattr(TokenStore, name)

        def noted(self: TokenStore, *args: Any, _name: str = name,
                  _original: Any = original) -> Any:
            if threading.current_thread() is threading.main_thread():
                asked_on_the_window_thread.append(_name)
            return _original(self, *args)

        monkeypatch.setattr(TokenStore, name, noted)
    dialog = _open(qtbot, runner)
    page = _mail_page(qtbot, dialog)
    _retype(qtbot, page.fields["imap_host"], "127.0.0.1")
    _retype(qtbot, page.fields["imap_port"], str(imap_mailbox.imaps_port))
    _retype(qtbot, page.fields["imap_user"], imap_mailbox.user)
    _retype(qtbot, page.fields["poll_minutes"], "5")
    _retype(qtbot, page.passwords["imap"], imap_mailbox.password)
    press(qtbot, "Return")  # Save, the dialog's default button
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)

    settings = desk_settings()
    assert (settings.imap_host, settings.imap_port, settings.mail_poll_minutes) == (
        "127.0.0.1", imap_mailbox.imaps_port, 5)
    # Only what differs from the settings files is kept, in the user's preferences.
    assert user_settings().mail == {"imap_host": "127.0.0.1",
                                    "imap_port": imap_mailbox.imaps_port,
                                    "imap_user": imap_mailbox.user, "poll_minutes": 5}
    assert asked_on_the_window_thread == []  # the page saved on a worker
    where = f"imaps://{imap_mailbox.user}@127.0.0.1:{imap_mailbox.imaps_port}/INBOX"
    assert mail_passwords().load(where) == imap_mailbox.password
    asked_on_the_window_thread.clear()  # that was this test's own look
    assert imap_mailbox.password not in own_user_settings.read_text(encoding="utf-8")

    reopened = _open(qtbot, runner)
    again = _mail_page(qtbot, reopened)
    assert again.passwords["imap"].text() == ""  # never shown back
    qtbot.waitUntil(lambda: again.passwords["imap"].placeholderText().startswith("kept"),
                    timeout=WAIT)
    assert asked_on_the_window_thread == []  # and the reopened page asked on a worker
    assert isinstance(again.fields["poll_minutes"], QLineEdit)
    assert again.fields["poll_minutes"].text() == "5"


def test_a_bad_value_names_its_field_in_the_user_s_language_and_keeps_nothing(
        qtbot: QtBot, runner: TaskRunner, language: str) -> None:
    dialog = _open(qtbot, runner)
    page = _mail_page(qtbot, dialog)
    _retype(qtbot, page.fields["smtp_host"], "mail.example.com")
    _retype(qtbot, page.fields["smtp_port"], "70000")
    _retype(qtbot, page.passwords["smtp"], "s3cret")
    press(qtbot, "Return")
    expected = {"en": "SMTP port must be a whole number from 1 to 65535. Nothing was saved.",
                "zh": "SMTP 端口必须是 1 到 65535 之间的整数。未保存任何设置。"}[language]
    qtbot.waitUntil(lambda: page.error.text() == expected, timeout=WAIT)
    assert dialog.isVisible()
    assert focused(qtbot) is page.fields["smtp_port"]
    assert user_settings().mail == {}
    assert desk_settings().smtp_host == ""
    assert mail_passwords().load("smtps://mail.example.com:465") is None

    _retype(qtbot, page.fields["poll_minutes"], "every hour")
    _retype(qtbot, page.fields["smtp_port"], "465")
    press(qtbot, "Return")
    qtbot.waitUntil(lambda: page.error.text() != expected, timeout=WAIT)
    assert page.error.text().startswith({"en": "Check the mailbox every (minutes) must be",
                                         "zh": "检查邮箱间隔（分钟）必须是"}[language])
    assert user_settings().mail == {}


def test_others_see_no_mail_page(qtbot: QtBot, runner: TaskRunner) -> None:
    dialog = _open(qtbot, runner, SUPERVISOR)
    assert dialog.mail is None and dialog.findChild(QTabWidget) is None
    with pytest.raises(PermissionDeniedError):
        save_mail_settings(SUPERVISOR, {"smtp_host": "mail.example.com"})


def test_what_it_changes_later_in_the_file_still_reaches_the_keys_nobody_changed_here(
        mail_settings: Path, smtp_server: SmtpTestServer) -> None:
    save_mail_settings(ADMIN, {"from_name": "Livenon Returns"})
    assert user_settings().mail == {"from_name": "Livenon Returns"}
    mail_settings.write_text(mail_settings.read_text(encoding="utf-8")
                             + 'smtp_security = "starttls"\n', encoding="utf-8")
    desk_settings.cache_clear()
    settings = desk_settings()
    assert (settings.mail_from_name, settings.smtp_security, settings.smtp_port) == (
        "Livenon Returns", "starttls", smtp_server.port)


def test_a_value_broken_by_hand_in_the_preferences_is_refused_naming_the_file(
        own_user_settings: Path) -> None:
    change_user_settings(mail={"smtp_port": 0})
    with pytest.raises(KnownError) as refused:
        desk_settings()
    assert refused.value.message_id == "error.settings-not-in-range"
    assert str(own_user_settings) in refused.value.message


@pytest.mark.usefixtures("own_user_settings")
def test_a_keyring_that_refuses_the_password_leaves_the_page_open_and_says_so(
        qtbot: QtBot, runner: TaskRunner, imap_mailbox: ImapServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_self: TokenStore, *_args: Any) -> None:
        raise RuntimeError("the keyring is locked")

    monkeypatch.setattr(TokenStore, "save", refuse)
    dialog = _open(qtbot, runner)
    page = _mail_page(qtbot, dialog)
    _retype(qtbot, page.fields["imap_host"], "127.0.0.1")
    _retype(qtbot, page.fields["imap_user"], imap_mailbox.user)
    _retype(qtbot, page.passwords["imap"], imap_mailbox.password)
    press(qtbot, "Return")  # Save
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=WAIT)
    assert "did not keep the password (the keyring is locked)" in page.error.text()
    assert dialog.isVisible() and dialog.pages.currentWidget() is page
    assert dialog.buttons.isEnabled()  # the user may try again, or cancel
