"""The answer from the application's detail (P2): Ctrl+Enter creates the return and sends
the instructions, Ctrl+Shift+Enter refuses an ineligible application citing the rule; the
message reaches a real SMTP server, and a server that is down is said in the user's
language while the answer waits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import MailState
from livenon_desk.services.audit import AuditFilter
from livenon_desk.services.desk import Desk
from livenon_desk.services.mail_servers import mail_passwords
from livenon_desk.store.database import Store
from livenon_desk.views.application_dialog import ApplicationDialog
from livenon_desk.views.audit_view import AuditTableModel
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, LineSpec, add_return
from tests.conftest import INSPECTOR, SUPERVISOR
from tests.services.test_application_answer import application
from tests.smtp_server import SmtpTestServer
from tests.views.keyboard import WAIT, press
from tests.views.workbench import open_application


def _open_application(qtbot: QtBot, desk: Desk, runner: TaskRunner,
                      language: str) -> ApplicationDialog:
    window = MainWindow(desk, runner, actor=SUPERVISOR, database_label="desk.sqlite3",
                        language=language, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    return open_application(qtbot, window)


def _answered(dialog: ApplicationDialog) -> bool:
    return (dialog.detail is not None and dialog.detail.mail.state is MailState.ANSWERED
            and dialog.message.text() not in ("", "Sending…", "正在发送…"))


def test_ctrl_enter_creates_the_return_and_sends_the_instructions(
        qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, language: str,
        smtp_server: SmtpTestServer, mail_settings: Path) -> None:
    del mail_settings
    mail_passwords().save(f"smtps://desk@127.0.0.1:{smtp_server.port}", smtp_server.password)
    built = add_return(store)
    desk.mail.take(INSPECTOR, application(built.order_number), "test")
    dialog = _open_application(qtbot, desk, runner, language)
    assert dialog.answer_button.isEnabled() and not dialog.refuse_button.isEnabled()
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: _answered(dialog), timeout=WAIT)
    [received] = smtp_server.received
    rma = dialog.queued.rma_number
    assert rma is not None and rma in received.raw.decode("ascii", "replace")
    said = dialog.message.text()
    if language == "zh":
        assert f"退货 {rma} 已创建，退货说明已发送。" == said
        assert dialog.answer_note.text() == "已回复。"
    else:
        assert said == f"Return {rma} created and the instructions sent."
        assert dialog.answer_note.text() == "Answered."
    assert not dialog.answer_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog._values["due"].styleSheet() == ""  # answered: no longer overdue


def test_ctrl_shift_enter_refuses_an_ineligible_application_and_a_server_down_is_said(
        qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, language: str) -> None:
    built = add_return(store, lines=[LineSpec(clearance=True)])
    desk.mail.take(INSPECTOR, application(built.order_number), "test")
    dialog = _open_application(qtbot, desk, runner, language)
    assert dialog.refuse_button.isEnabled() and not dialog.answer_button.isEnabled()
    press(qtbot, "Ctrl+Return")  # the instructions are not this application's answer
    assert dialog.message.text() == ""
    press(qtbot, "Ctrl+Shift+Return")
    qtbot.waitUntil(lambda: _answered(dialog), timeout=WAIT)
    said = dialog.message.text()
    # No mail server is set: the refusal waits, and the user is told why, in their words.
    if language == "zh":
        assert said.startswith("拒绝回复已排队，尚未发送：尚未设置邮件服务器")
    else:
        assert said.startswith("The refusal is queued, not sent: No mail server is set")
    assert desk.mail_sender.waiting() == 1


def test_the_audit_trail_names_the_mail_events_in_the_readers_words(
        store: Store, desk: Desk, language: str) -> None:
    built = add_return(store)
    desk.mail.take(INSPECTOR, application(built.order_number), "test")
    [key] = [row.key for row in desk.application_queue.rows(SUPERVISOR)]
    queued = desk.answers.answer(SUPERVISOR, key)
    model = AuditTableModel()
    model.set_rows(desk.audit.events(SUPERVISOR, AuditFilter()))
    cells = " | ".join(str(model.data(model.index(r, c)) or "")
                       for r in range(model.rowCount()) for c in range(model.columnCount()))
    if language == "zh":
        assert "已收到邮件" in cells or "收到邮件" in cells
        assert "已回复邮件退货申请" in cells and "回复: 退货说明" in cells.replace("：", ": ")
        assert f"退货: {queued.rma_number}" in cells.replace("：", ": ")
    else:
        assert "email application answered" in cells and "email received" in cells
        assert "Answer: return instructions" in cells
        assert f"Return: {queued.rma_number}" in cells
    assert "mail_answered" not in cells and ": instructions;" not in cells
