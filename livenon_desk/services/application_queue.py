"""The desk's queue of email applications (P1, P2): what waits for an answer, and by when.

An application is answered within 1-2 business days of its receipt (P2); the queue shows
that window and marks an application still open past it. The words of the rows stay with
the screens; this module hands them plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from livenon_desk.domain.deadlines import DueDates, instructions_due, is_overdue
from livenon_desk.domain.enums import MailState
from livenon_desk.domain.policy import PolicySet
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.models import IncomingMail, IncomingMailPhoto
from livenon_desk.services.application_check import ApplicationCheck, ApplicationCheckService
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.mail_service import (
    IncomingMailRow,
    MailService,
    restricted_orders_and_senders,
)
from livenon_desk.store.database import Store

# The queue lists the open applications and the latest answered ones; an older answer is
# found through its order, as any record is.
QUEUE_LIMIT = 500


@dataclass(frozen=True)
class ApplicationQueueRow:
    key: str
    received_at: datetime
    sender: str | None
    sender_name: str | None
    order_number: str | None
    product_name: str | None
    state: MailState
    # P2: the instructions' target and deadline, 1-2 business days after receipt.
    instructions_due: DueDates
    # Still open after the P2 deadline's day.
    overdue: bool
    restricted: bool


@dataclass(frozen=True)
class ApplicationCounts:
    new: int
    needs_person: int
    overdue: int
    # P2: the business days the current policy gives for the answer.
    deadline_days: int


@dataclass(frozen=True)
class MailPhoto:
    path: Path
    # As the customer's mail program named it.
    name: str


@dataclass(frozen=True)
class ApplicationDetail:
    mail: IncomingMailRow
    photos: tuple[MailPhoto, ...]
    instructions_due: DueDates
    overdue: bool
    # None when the message names a restricted return (privacy policy IV(3)), or was
    # purged: it can be read, not checked.
    check: ApplicationCheck | None


class ApplicationQueueService:
    def __init__(self, store: Store, policies: PolicySet, mail: MailService,
                 checks: ApplicationCheckService, clock: Clock = utc_now) -> None:
        self._store = store
        self._policies = policies
        self._mail = mail
        self._checks = checks
        self._clock = clock

    def check_new(self, actor: Actor) -> int:
        """Check every new application against its order (P1), so that the queue's "needs
        a person" holds what the check cannot settle; says how many moved there."""
        actor.require(Action.LOOK_UP)
        with self._store.read_session() as s:
            keys = list(s.scalars(select(IncomingMail.message_key).where(
                IncomingMail.state == MailState.NEW, IncomingMail.purged_at.is_(None))))
            orders, senders = restricted_orders_and_senders(s)
            restricted = {key for key, order, sender in s.execute(
                select(IncomingMail.message_key, IncomingMail.order_number,
                       IncomingMail.sender).where(IncomingMail.message_key.in_(keys)))
                if order in orders or (sender or "").lower() in senders}
        return sum(self._checks.check(actor, key).needs_person
                   for key in keys if key not in restricted)

    def detail(self, actor: Actor, key: str) -> ApplicationDetail:
        """One application: the message's fields and text, its photos, its P2 window and
        the check against its order (P1; E1, E2, X1, X2; T1/T2)."""
        mail = self._mail.application(actor, key)
        policy = self._policies.for_application(mail.received_at)
        due = instructions_due(policy, mail.received_at)
        check = (None if mail.restricted or mail.purged
                 else self._checks.check(actor, key))
        if check is not None and check.needs_person and mail.state is MailState.NEW:
            mail = self._mail.application(actor, key)
        return ApplicationDetail(
            mail=mail, photos=self._photos(key),
            instructions_due=due,
            overdue=(mail.state is not MailState.ANSWERED
                     and is_overdue(due, self._clock(), policy)),
            check=check)

    def rows(self, actor: Actor) -> list[ApplicationQueueRow]:
        """The open applications, the oldest first (the P2 deadlines follow the receipts
        in order), then the answered ones, the latest first."""
        actor.require(Action.LOOK_UP)
        columns = select(IncomingMail.message_key, IncomingMail.received_at,
                         IncomingMail.sender, IncomingMail.sender_name,
                         IncomingMail.order_number, IncomingMail.product_name,
                         IncomingMail.state).where(IncomingMail.purged_at.is_(None))
        answered = IncomingMail.state == MailState.ANSWERED
        open_first = (columns.where(~answered)
                      .order_by(IncomingMail.received_at, IncomingMail.id).limit(QUEUE_LIMIT))
        answered_last = (columns.where(answered)
                         .order_by(IncomingMail.received_at.desc(), IncomingMail.id.desc())
                         .limit(QUEUE_LIMIT))
        now = self._clock()
        with self._store.read_session() as s:
            orders, senders = restricted_orders_and_senders(s)
            found = [*s.execute(open_first), *s.execute(answered_last)]
        rows = []
        for key, received_at, sender, sender_name, order_number, product, state in found:
            policy = self._policies.for_application(received_at)
            due = instructions_due(policy, received_at)
            rows.append(ApplicationQueueRow(
                key=key, received_at=received_at, sender=sender, sender_name=sender_name,
                order_number=order_number, product_name=product, state=state,
                instructions_due=due,
                overdue=state is not MailState.ANSWERED and is_overdue(due, now, policy),
                restricted=order_number in orders or (sender or "").lower() in senders))
        return rows

    def _photos(self, key: str) -> tuple[MailPhoto, ...]:
        with self._store.read_session() as s:
            return tuple(MailPhoto(self._mail.photo_path(file_name), original or file_name)
                         for file_name, original in s.execute(
                             select(IncomingMailPhoto.file_name,
                                    IncomingMailPhoto.original_name)
                             .join(IncomingMail, IncomingMail.id == IncomingMailPhoto.mail_id)
                             .where(IncomingMail.message_key == key)
                             .order_by(IncomingMailPhoto.id)))

    def counts(self, actor: Actor) -> ApplicationCounts:
        """How many applications are new, how many wait for a person, and how many of the
        open ones are past their P2 deadline."""
        rows = self.rows(actor)
        with self._store.read_session() as s:
            by_state: dict[MailState, int] = dict(s.execute(
                select(IncomingMail.state, func.count())
                .where(IncomingMail.purged_at.is_(None)).group_by(IncomingMail.state)).all())
        return ApplicationCounts(
            new=by_state.get(MailState.NEW, 0),
            needs_person=by_state.get(MailState.NEEDS_PERSON, 0),
            overdue=sum(r.overdue for r in rows),
            deadline_days=self._policies.latest.instructions_deadline_bd)
