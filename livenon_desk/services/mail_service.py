"""Return applications by email (P1): taking each message once, keeping it byte for byte
(T4), and showing what was taken.

A message is keyed by its Message-ID, or by the SHA-256 of its bytes where it has none;
taking the same message again, from a file or the mailbox, from this desk or another's
export, adds nothing. A message that cannot be read as an application is kept all the
same, with the reason, for a person.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from livenon_desk.catalogue import Message
from livenon_desk.domain.enums import MailState
from livenon_desk.domain.mail_application import MailApplication, UnreadableMail, parse_mail
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.errors import NotFoundError, ValidationError
from livenon_desk.inbox.files import messages_in_files
from livenon_desk.inbox.imap import MailboxAddress, fetch_messages, uid_of
from livenon_desk.models import (
    Customer,
    IncomingMail,
    IncomingMailPhoto,
    Order,
    ReturnRequest,
)
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TakenMail:
    key: str
    sha256: str
    # False when the desk already held the message: nothing was added.
    new: bool
    state: MailState
    order_number: str | None
    unreadable: Message | None


@dataclass(frozen=True)
class MailImportReport:
    taken: int
    already_held: int
    # Of those taken now: the ones a person must read (unreadable, or restricted).
    needs_person: int


@dataclass(frozen=True)
class IncomingMailRow:
    key: str
    sha256: str
    size: int
    source: str
    received_at: datetime
    sent_at: datetime | None
    sender: str | None
    sender_name: str | None
    subject: str | None
    text: str | None
    order_number: str | None
    product_name: str | None
    reason_text: str | None
    contact: str | None
    state: MailState
    unreadable: Message | None
    photos: tuple[str, ...]
    # Privacy policy IV(3): it names an order or a customer whose return is restricted.
    restricted: bool
    purged: bool


class MailService:
    def __init__(self, store: Store, photos: PhotoFiles, clock: Clock = utc_now) -> None:
        self._store = store
        self._photos = photos
        self._clock = clock

    def take(self, actor: Actor, raw: bytes, source: str) -> TakenMail:
        """Keep one message (P1, T4) unless the desk already holds its key: the raw bytes,
        the fields read from it, its photos in the photo store, and an audit event with the
        bytes' SHA-256. An unreadable message, or one naming a restricted return's order or
        customer, waits for a person."""
        actor.require(Action.RECEIVE)
        parsed = parse_mail(raw)
        envelope = parsed.envelope
        with self._store.session() as s:
            held = s.scalar(select(IncomingMail).where(
                IncomingMail.message_key == envelope.key))
            if held is not None:
                return _taken(held, new=False)
        # Photos are files named by their hash: written before the row, harmless if the
        # row is then not written.
        stored = []
        for photo in envelope.photos:
            try:
                stored.append((photo, self._photos.add_bytes(photo.data, photo.file_name)))
            except ValidationError as exc:  # too large for the photo store: the raw keeps it
                log.warning("photo %s of %s not kept apart: %s", photo.file_name,
                            envelope.sha256, exc.message)
        now = self._clock()
        application = parsed if isinstance(parsed, MailApplication) else None
        unreadable = parsed.reason.value if isinstance(parsed, UnreadableMail) else None
        try:
            with self._store.session() as s:
                restricted = _restricted(s, application.order_number if application else None,
                                         envelope.sender)
                state = (MailState.NEW if application is not None and not restricted
                         else MailState.NEEDS_PERSON)
                mail = IncomingMail(
                    message_key=envelope.key, sha256=envelope.sha256, raw=raw, size=len(raw),
                    source=source[:300], received_at=now, sent_at=envelope.sent_at,
                    sender=envelope.sender, sender_name=envelope.sender_name,
                    subject=envelope.subject, body_text=envelope.text,
                    order_number=application.order_number if application else None,
                    product_name=application.product_name if application else None,
                    reason_text=application.reason_text if application else None,
                    contact=application.contact if application else None, state=state,
                    unreadable_reason=unreadable)
                s.add(mail)
                s.flush()
                for photo, kept in stored:
                    s.add(IncomingMailPhoto(mail_id=mail.id, sha256=kept.sha256,
                                            file_name=kept.file_name,
                                            media_type=kept.media_type,
                                            original_name=photo.file_name[:200]))
                # T4: the bytes' hash in the audit trail, naming the message too (a
                # Message-ID is longer than the trail's keys, and may name its sender);
                # no personal data, since the trail outlives the retention rule.
                record_event(s, actor.username, AuditAction.MAIL_RECEIVED, at=now,
                             entity_kind="mail", entity_key=envelope.sha256,
                             after={"sha256": envelope.sha256, "size": len(raw),
                                    "state": state.value,
                                    "order_number": mail.order_number,
                                    "unreadable": mail.unreadable_reason,
                                    "photos": len(stored)})
                return _taken(mail, new=True)
        except IntegrityError:
            # Another desk process took the same message between our look and our write.
            with self._store.session() as s:
                held = s.scalars(select(IncomingMail).where(
                    IncomingMail.message_key == envelope.key)).one()
                return _taken(held, new=False)

    def take_all(self, actor: Actor, messages: Iterable[tuple[str, bytes]]) -> MailImportReport:
        """Take every message of ``messages`` (where each came from, its bytes)."""
        taken = already = needs_person = 0
        for source, raw in messages:
            result = self.take(actor, raw, source)
            if not result.new:
                already += 1
                continue
            taken += 1
            needs_person += result.state is MailState.NEEDS_PERSON
        log.info("mail import: %d taken, %d already held, %d need a person",
                 taken, already, needs_person)
        return MailImportReport(taken, already, needs_person)

    def import_files(self, actor: Actor, paths: Sequence[Path]) -> MailImportReport:
        """Take the messages of ``.eml`` and ``.mbox`` files (P1)."""
        return self.take_all(actor, messages_in_files(paths))

    def import_mailbox(self, actor: Actor, address: MailboxAddress, password: str, *,
                       ca_file: Path | None = None, only_new: bool = False
                       ) -> MailImportReport:
        """Take every message of an IMAP folder over TLS (P1); the folder is only read.
        Each message is kept as it arrives, so a connection lost half-way keeps what came,
        and importing again takes the rest. ``only_new`` (the background poll) reads only
        the messages with a higher UID than any this desk took from the folder."""
        actor.require(Action.RECEIVE)
        after = self._last_uid(address) if only_new else 0
        return self.take_all(actor, fetch_messages(address, password, ca_file=ca_file,
                                                   after_uid=after))

    def _last_uid(self, address: MailboxAddress) -> int:
        prefix = f"{address.display()};UID="
        with self._store.read_session() as s:
            sources = s.scalars(select(IncomingMail.source).where(
                IncomingMail.source.startswith(prefix, autoescape=True)))
            return max((uid for source in sources
                        if (uid := uid_of(source, address)) is not None), default=0)

    def applications(self, actor: Actor, state: MailState | None = None
                     ) -> list[IncomingMailRow]:
        """The incoming mails, newest first, of one state or all."""
        actor.require(Action.LOOK_UP)
        with self._store.read_session() as s:
            query = select(IncomingMail).order_by(IncomingMail.received_at.desc(),
                                                  IncomingMail.id.desc())
            if state is not None:
                query = query.where(IncomingMail.state == state)
            orders, senders = restricted_orders_and_senders(s)
            return [_row(s, mail, orders, senders) for mail in s.scalars(query)]

    def application(self, actor: Actor, key: str) -> IncomingMailRow:
        """One incoming mail by its key."""
        actor.require(Action.LOOK_UP)
        with self._store.read_session() as s:
            mail = s.scalar(select(IncomingMail).where(IncomingMail.message_key == key))
            if mail is None:
                raise NotFoundError("error.no-mail-with-key", key=key)
            orders, senders = restricted_orders_and_senders(s)
            return _row(s, mail, orders, senders)

    def photo_path(self, file_name: str) -> Path:
        """Where a kept photo's file is, for showing it."""
        return self._photos.path(file_name)

    def raw_message(self, actor: Actor, key: str) -> bytes:
        """The message as it arrived, byte for byte (T4); viewing is allowed while a
        record is restricted, as with any record."""
        actor.require(Action.LOOK_UP)
        with self._store.read_session() as s:
            raw = s.scalar(select(IncomingMail.raw).where(IncomingMail.message_key == key))
        if raw is None:
            raise NotFoundError("error.no-mail-with-key", key=key)
        return raw


def _taken(mail: IncomingMail, *, new: bool) -> TakenMail:
    return TakenMail(mail.message_key, mail.sha256, new, mail.state, mail.order_number,
                     _unreadable(mail))


def _unreadable(mail: IncomingMail) -> Message | None:
    return Message.of(mail.unreadable_reason) if mail.unreadable_reason else None


def restricted_orders_and_senders(s: Session) -> tuple[set[str], set[str]]:
    """The order numbers and customer emails of every restricted return."""
    rows = s.execute(
        select(Order.order_number, func.lower(Customer.email))
        .join(ReturnRequest, ReturnRequest.order_id == Order.id)
        .join(Customer, Customer.id == Order.customer_id)
        .where(ReturnRequest.restricted.is_(True))).all()
    return {order for order, _ in rows}, {email for _, email in rows if email}


def _restricted(s: Session, order_number: str | None, sender: str | None) -> bool:
    return _names_restricted(order_number, sender, *restricted_orders_and_senders(s))


def _names_restricted(order_number: str | None, sender: str | None, orders: set[str],
                      senders: set[str]) -> bool:
    return order_number in orders or (sender or "").lower() in senders


def _row(s: Session, mail: IncomingMail, orders: set[str], senders: set[str]
         ) -> IncomingMailRow:
    photos = tuple(s.scalars(select(IncomingMailPhoto.file_name)
                             .where(IncomingMailPhoto.mail_id == mail.id)
                             .order_by(IncomingMailPhoto.id)))
    return IncomingMailRow(
        key=mail.message_key, sha256=mail.sha256, size=mail.size, source=mail.source,
        received_at=mail.received_at, sent_at=mail.sent_at, sender=mail.sender,
        sender_name=mail.sender_name, subject=mail.subject, text=mail.body_text,
        order_number=mail.order_number, product_name=mail.product_name,
        reason_text=mail.reason_text, contact=mail.contact, state=mail.state,
        unreadable=_unreadable(mail), photos=photos,
        restricted=_names_restricted(mail.order_number, mail.sender, orders, senders),
        purged=mail.purged_at is not None)
