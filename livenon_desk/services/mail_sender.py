"""Sending the queued answers to email applications (P2), each exactly once as far as SMTP
allows.

A row is claimed before its bytes leave: its attempt is counted and committed with the
time, so that a second sender (the desk's worker and ``livenon-desk mail send`` from cron)
leaves it alone for ``CLAIM_SECONDS``. Once the SMTP server has taken the message, the row
is marked sent in one transaction with the return's "instructions sent" (P2) and the
audit event that holds the bytes' SHA-256 (T4).

The one window SMTP leaves open: the server has taken the message but the desk dies (or
the connection drops) before it records that. The row is then still unsent and is sent
again after the claim runs out, with the same bytes and the same Message-ID, so the
customer's mail program shows one message and the second copy can be told for what it is;
the audit trail marks such a send as a retry (``retry``: true, with the earlier attempts).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.domain.mail_reply import answer_key
from livenon_desk.errors import KnownError, MailboxUnreachableError, SignInError
from livenon_desk.inbox.smtp import MailRefusedError, send_message
from livenon_desk.models import (
    IncomingMail,
    Order,
    OrderLine,
    OutgoingMail,
    ReturnLine,
    ReturnRequest,
)
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.services.mail_servers import mail_ca_file, mail_passwords, smtp_server
from livenon_desk.services.outbox import queue_mail_answer
from livenon_desk.store.database import Store

log = logging.getLogger(__name__)

# How long a claimed row is left to the sender that claimed it: more than the SMTP
# timeouts of one message (connect, sign in, send).
CLAIM_SECONDS = 300

# Hands the bytes to the SMTP server for the recipients: (envelope sender, recipients,
# bytes). Raises a KnownError when it could not.
Transport = Callable[[str, list[str], bytes], None]


@dataclass(frozen=True)
class SendReport:
    sent: int
    # Still unsent after this run (the server down, a message refused, claimed elsewhere).
    waiting: int
    # Why the run stopped or a message was refused, in either language; None when all went.
    error: KnownError | None = None


class MailSenderService:
    def __init__(self, store: Store, settings: DeskSettings, clock: Clock = utc_now) -> None:
        self._store = store
        self._settings = settings
        self._sender_address = settings.mail_from_address
        self._clock = clock

    def send_by_settings(self, actor_name: str) -> SendReport:
        """Send what waits by the SMTP server of ``[mail]``, its password from the keyring
        (the desk's worker and the answer's own action); no server set is said in the
        report's error, and the answers wait."""
        try:
            server = smtp_server(self._settings)
        except KnownError as exc:
            return SendReport(0, self.waiting(), exc)
        password = mail_passwords().load(server.display())
        ca_file = mail_ca_file(self._settings)
        return self.send_waiting(actor_name, smtp_transport(self._settings, password,
                                                            ca_file=ca_file))

    def waiting(self) -> int:
        """How many answers are not sent yet."""
        with self._store.read_session() as s:
            return len(s.scalars(select(OutgoingMail.id).where(
                OutgoingMail.sent_at.is_(None), OutgoingMail.raw.is_not(None))).all())

    def send_waiting(self, actor_name: str, transport: Transport) -> SendReport:
        """Send every answer not sent yet, oldest first (P2). The server down or refusing
        the user stops the run (nothing is lost: the rows stay queued); a message the
        server refuses for good stays queued with the reason, and the rest go on."""
        sent = 0
        error: KnownError | None = None
        with self._store.read_session() as s:
            ids = list(s.scalars(select(OutgoingMail.id).where(OutgoingMail.sent_at.is_(None))
                                 .order_by(OutgoingMail.id)))
        for row_id in ids:
            claimed = self._claim(row_id)
            if claimed is None:
                continue
            recipient, raw, attempts = claimed
            try:
                transport(self._sender_address, [recipient], raw)
            except (MailboxUnreachableError, SignInError) as exc:
                self._failed(row_id, exc, release=True)
                error = exc
                break
            except KnownError as exc:  # refused for good, or a certificate not trusted
                self._failed(row_id, exc, release=not isinstance(exc, MailRefusedError))
                error = exc
                if not isinstance(exc, MailRefusedError):
                    break
                continue
            self._sent(row_id, actor_name, retry=attempts > 1)
            sent += 1
        return SendReport(sent, self.waiting(), error)

    def _claim(self, row_id: int) -> tuple[str, bytes, int] | None:
        """Count the attempt and take the row for ``CLAIM_SECONDS``; None when it is sent
        already, emptied, or another sender holds it."""
        now = self._clock()
        with self._store.session() as s:
            done = s.connection().execute(
                update(OutgoingMail)
                .where(OutgoingMail.id == row_id, OutgoingMail.sent_at.is_(None),
                       OutgoingMail.raw.is_not(None),
                       or_(OutgoingMail.last_attempt_at.is_(None),
                           OutgoingMail.last_attempt_at
                           <= now - timedelta(seconds=CLAIM_SECONDS)))
                .values(attempts=OutgoingMail.attempts + 1, last_attempt_at=now)).rowcount
            if done != 1:
                return None
            row = s.get_one(OutgoingMail, row_id)
            assert row.raw is not None
            return row.recipient or "", row.raw, row.attempts

    def _failed(self, row_id: int, exc: KnownError, *, release: bool) -> None:
        """Keep the row queued with what went wrong; a row that was not handed over may
        be tried again at once (its claim released)."""
        log.warning("answer %d not sent: %s", row_id, exc.message)
        with self._store.session() as s:
            values: dict[str, object] = {"last_error": exc.message[:2000]}
            if release:
                values["last_attempt_at"] = None
            s.execute(update(OutgoingMail).where(OutgoingMail.id == row_id).values(**values)
                      .execution_options(synchronize_session=False))

    def _sent(self, row_id: int, actor_name: str, *, retry: bool) -> None:
        now = self._clock()
        with self._store.session() as s:
            row = s.get_one(OutgoingMail, row_id)
            row.sent_at = now
            row.last_error = None
            if row.rma_number is not None:
                ret = s.scalar(select(ReturnRequest).where(
                    ReturnRequest.rma_number == row.rma_number))
                if ret is not None and ret.status is ReturnStatus.APPLIED:
                    ret.status = ReturnStatus.INSTRUCTIONS_SENT
                    ret.instructions_sent_at = now
                    ret.updated_at = now
            application = s.get_one(IncomingMail, row.application_id)
            queue_mail_answer(s, row.rma_number or f"mail-{application.sha256[:35]}",
                              answer_key(application.message_key),
                              _answer_body(s, row, application, now), now)
            record_event(s, actor_name, AuditAction.MAIL_SENT, at=now, entity_kind="mail",
                         entity_key=application.sha256,
                         after={"message_id": row.message_id, "sha256": row.sha256,
                                "size": row.size, "return": row.rma_number,
                                "attempts": row.attempts, "retry": retry})
        log.info("answer %s sent%s", row.message_id, " again (retry)" if retry else "")



def _answer_body(s: Session, row: OutgoingMail, application: IncomingMail,
                 sent_at: datetime) -> dict[str, Any]:
    """What the central server learns of the answer (the wire's MailAnswerIn)."""
    body: dict[str, Any] = {
        "application_sha256": application.sha256, "message_id": row.message_id,
        "sha256": row.sha256, "size": row.size, "kind": row.kind,
        "language": row.language, "sent_at": sent_at.isoformat(),
        "answered_by": row.created_by,
        "rule_ids": row.rule_ids.split(",") if row.rule_ids else [],
        "created_return": None}
    ret = (s.scalar(select(ReturnRequest).where(ReturnRequest.rma_number == row.rma_number))
           if row.rma_number else None)
    if ret is None:
        return body
    lines = s.execute(select(ReturnLine, OrderLine.line_no)
                      .join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
                      .where(ReturnLine.return_id == ret.id).order_by(ReturnLine.id)).all()
    body["created_return"] = {
        "rma_number": ret.rma_number,
        "order_number": s.get_one(Order, ret.order_id).order_number,
        "reason_code": ret.reason_code.value, "reason_category": ret.reason_category.value,
        "reason_text": ret.reason_text, "applied_at": ret.applied_at.isoformat(),
        "instructions_sent_at": sent_at.isoformat(),
        "label_type": ret.label_type.value if ret.label_type else "own_courier",
        "lines": [{"tag_code": line.tag_code, "order_line_no": line_no,
                   "quantity": line.quantity, "cartons_expected": line.cartons_expected}
                  for line, line_no in lines]}
    return body


def smtp_transport(settings: DeskSettings, password: str | None, *,
                   ca_file: Path | None = None) -> Transport:
    """Sending by the SMTP server of ``[mail]`` with ``password``."""
    server = smtp_server(settings)

    def send(sender: str, recipients: list[str], raw: bytes) -> None:
        send_message(server, password, sender, recipients, raw, ca_file=ca_file)

    return send
