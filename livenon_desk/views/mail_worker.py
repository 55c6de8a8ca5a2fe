"""The desk's background mail: the mailbox polled for applications (P1) every
``poll_minutes`` of ``[mail]`` (off by default), and the queued answers (P2) sent every few
minutes while any wait.

Both run on the task runner's pool, never on the UI thread: the IMAP and SMTP round trips
and the database writes happen there, and only their reports come back, by the runner's
signals, to the main thread, where they become a line in the status bar.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from livenon_desk.domain.roles import Actor
from livenon_desk.services.desk import Desk
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    from livenon_desk.services.mail_sender import SendReport
    from livenon_desk.services.mail_service import MailImportReport

log = logging.getLogger(__name__)

# While answers wait (the mail server was down), they are tried again this often.
SEND_INTERVAL_MS = 5 * 60_000


def _poll(desk: Desk, actor: Actor, settings: DeskSettings) -> MailImportReport:
    """On a pool thread: the mailbox read, what is new taken. No Qt in here."""
    from livenon_desk.services.mail_servers import poll_mailbox

    return poll_mailbox(desk.mail, actor, settings)


def _send(desk: Desk, actor: Actor) -> SendReport:
    """On a pool thread: the queued answers sent. No Qt in here."""
    return desk.mail_sender.send_by_settings(actor.username)


class MailWorker(QObject):
    # How many new applications a poll took (the window reads its queue anew).
    taken = Signal(int)
    # A line for the status bar, in the user's language.
    said = Signal(str)

    def __init__(self, desk: Desk, runner: TaskRunner, settings: DeskSettings, *,
                 language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._settings = settings
        self._language = language
        self._actor: Actor | None = None
        self._polling = False
        self._sending = False
        self.poll_timer = QTimer(self, interval=max(1, settings.mail_poll_minutes) * 60_000)
        self.poll_timer.timeout.connect(self.poll_now)
        self.send_timer = QTimer(self, interval=SEND_INTERVAL_MS)
        self.send_timer.timeout.connect(self.send_now)

    @property
    def polls(self) -> bool:
        """The background poll is set up: a mailbox and minutes in ``[mail]``."""
        s = self._settings
        return bool(s.imap_host and s.imap_user and s.mail_poll_minutes > 0)

    @property
    def polling(self) -> bool:
        """A poll is running (a second is not started beside it)."""
        return self._polling

    def start(self, actor: Actor) -> None:
        """Work as ``actor`` (who signed in): poll now and then every few minutes, and
        send what waits."""
        self._actor = actor
        if self.polls:
            self.poll_timer.start()
            self.poll_now()
        if self._settings.smtp_host:
            self.send_timer.start()
            self.send_now()

    def stop(self) -> None:
        self.poll_timer.stop()
        self.send_timer.stop()

    def poll_now(self) -> None:
        if self._actor is None or self._polling:
            return
        self._polling = True
        self._runner.run(_poll, self._desk, self._actor, self._settings,
                         on_done=self._polled, on_error=self._poll_failed)

    def _polled(self, report: MailImportReport) -> None:
        self._polling = False
        if report.taken:
            self.said.emit(self.tr("{n} new email applications taken from the mailbox.")
                           .format(n=report.taken))
            self.taken.emit(report.taken)

    def _poll_failed(self, error: BaseException) -> None:
        self._polling = False
        log.warning("mailbox poll failed: %s", error)
        self.said.emit(user_message(error, self._language))

    def send_now(self) -> None:
        if self._actor is None or self._sending:
            return
        self._sending = True
        self._runner.run(_send, self._desk, self._actor, on_done=self._sent,
                         on_error=self._send_failed)

    def _sent(self, report: SendReport) -> None:
        self._sending = False
        if report.error is not None:
            self.said.emit(user_message(report.error, self._language))
        elif report.sent:
            self.said.emit(self.tr("{n} queued answers sent.").format(n=report.sent))

    def _send_failed(self, error: BaseException) -> None:
        self._sending = False
        log.error("sending the queued answers failed", exc_info=error)
        self.said.emit(user_message(error, self._language))
