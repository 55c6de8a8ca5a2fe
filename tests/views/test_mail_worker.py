"""The desk's background mail: the mailbox polled on a pool thread (never the UI thread)
from a real Dovecot, and the queued answers sent to a real SMTP server the same way."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from livenon_desk.domain.roles import Actor
from livenon_desk.inbox.imap import MailboxAddress
from livenon_desk.services.desk import Desk
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.services.mail_servers import mail_passwords
from livenon_desk.services.mail_service import MailImportReport, MailService
from livenon_desk.store.database import Store
from livenon_desk.views.mail_worker import MailWorker
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import add_return
from tests.conftest import INSPECTOR, SUPERVISOR
from tests.imap_server import ImapServer
from tests.services.test_application_answer import application
from tests.smtp_server import SmtpTestServer
from tests.views.keyboard import WAIT

CORPUS = Path(__file__).parents[1] / "domain" / "mail_corpus"


def _settings(imap: ImapServer) -> DeskSettings:
    return DeskSettings(imap_host="127.0.0.1", imap_port=imap.imaps_port, imap_user=imap.user,
                        mail_poll_minutes=5, mail_ca_file=str(imap.certificate))


def test_the_poll_takes_new_applications_on_a_pool_thread(
        qtbot: QtBot, desk: Desk, runner: TaskRunner, imap_mailbox: ImapServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    connection = imap_mailbox.client()
    connection.append("INBOX", None, None,
                      (CORPUS / "en_01_plain_seed_subject.eml").read_bytes())
    connection.logout()
    settings = _settings(imap_mailbox)
    mail_passwords().save(f"imaps://{imap_mailbox.user}@127.0.0.1:{imap_mailbox.imaps_port}"
                          "/INBOX", imap_mailbox.password)
    threads: list[threading.Thread] = []
    original = MailService.import_mailbox

    reports: list[MailImportReport] = []

    def spied(self: MailService, actor: Actor, address: MailboxAddress, password: str, *,
              ca_file: Path | None = None, only_new: bool = False) -> MailImportReport:
        threads.append(threading.current_thread())
        report = original(self, actor, address, password, ca_file=ca_file, only_new=only_new)
        reports.append(report)
        return report

    monkeypatch.setattr(MailService, "import_mailbox", spied)
    worker = MailWorker(desk, runner, settings)
    assert worker.polls
    said: list[str] = []
    worker.said.connect(said.append)
    with qtbot.waitSignal(worker.taken, timeout=WAIT) as taken:
        worker.start(INSPECTOR)
    assert taken.args == [1]
    assert worker.poll_timer.isActive() and worker.poll_timer.interval() == 5 * 60_000
    assert threads and threads[0] is not threading.main_thread()
    assert said == ["1 new email applications taken from the mailbox."]
    assert len(desk.application_queue.rows(INSPECTOR)) == 1
    worker.poll_now()  # the same mailbox again: nothing new, and nothing read again
    qtbot.waitUntil(lambda: len(reports) == 2 and not worker.polling, timeout=WAIT)
    assert len(desk.application_queue.rows(INSPECTOR)) == 1
    assert (reports[-1].taken, reports[-1].already_held) == (0, 0)
    connection = imap_mailbox.client()
    connection.append("INBOX", None, None,
                      (CORPUS / "zh_27_gb2312_base64.eml").read_bytes())
    connection.logout()
    with qtbot.waitSignal(worker.taken, timeout=WAIT):
        worker.poll_now()
    # Only the message that came since the last poll was read.
    assert (reports[-1].taken, reports[-1].already_held) == (1, 0)
    assert len(desk.application_queue.rows(INSPECTOR)) == 2
    worker.stop()


def test_no_mailbox_set_means_no_poll_and_a_missing_password_is_said(
        qtbot: QtBot, desk: Desk, runner: TaskRunner, imap_server: ImapServer) -> None:
    assert not MailWorker(desk, runner, DeskSettings()).polls  # off by default
    settings = DeskSettings(imap_host="127.0.0.1", imap_port=imap_server.imaps_port,
                            imap_user="nobody", mail_poll_minutes=1)
    worker = MailWorker(desk, runner, settings, language="zh")
    with qtbot.waitSignal(worker.said, timeout=WAIT) as said:
        worker.start(INSPECTOR)
    assert "没有保存邮箱" in said.args[0]
    worker.stop()


def test_the_queued_answers_are_sent_in_the_background(
        qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner,
        smtp_server: SmtpTestServer, mail_settings: Path) -> None:
    del mail_settings
    built = add_return(store)
    desk.mail.take(INSPECTOR, application(built.order_number), "test")
    [row] = desk.application_queue.rows(SUPERVISOR)
    desk.answers.answer(SUPERVISOR, row.key)
    mail_passwords().save(f"smtps://desk@127.0.0.1:{smtp_server.port}", smtp_server.password)
    worker = MailWorker(desk, runner, desk.settings)
    assert not worker.polls
    with qtbot.waitSignal(worker.said, timeout=WAIT) as said:
        worker.start(SUPERVISOR)
    assert said.args == ["1 queued answers sent."]
    assert worker.send_timer.isActive()
    assert len(smtp_server.received) == 1 and desk.mail_sender.waiting() == 0
    worker.stop()
