"""Writing and reading the audit trail. Every use case that changes, shows, prints or
exports a record adds its event inside its own transaction, so the two stand or fall
together."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from livenon_desk.domain.audit_chain import (
    GENESIS,
    ChainAnchor,
    ChainReport,
    EventContent,
    StoredEvent,
    chain_hash,
    check_anchor,
    verify,
)
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.models import AuditEvent, Inspection, ReturnLine, ReturnRequest
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.record_names import record_names
from livenon_desk.store.audit_key import desk_identity, key_for_checking, key_for_writing
from livenon_desk.store.database import Store


class AuditAction(StrEnum):
    VIEWED = "viewed"
    RECEIVED = "received"
    CARTON_COUNTED = "carton_counted"
    CARTONS_COUNTED_BY_HAND = "cartons_counted_by_hand"
    CLOSED_SHORT = "closed_short"
    UNEXPECTED_PARCEL = "unexpected_parcel"
    INSPECTION_STARTED = "inspection_started"
    INSPECTED = "inspected"
    OVERRIDDEN = "overridden"
    REFUND_RECOMMENDED = "refund_recommended"
    PRINTED = "printed"
    EXPORTED = "exported"
    PURGED = "purged"
    SIGNED_IN = "signed_in"
    SIGNED_OUT = "signed_out"
    SIGN_IN_FAILED = "sign_in_failed"
    LOCKED_OUT = "locked_out"
    USER_CREATED = "user_created"
    MAIL_RECEIVED = "mail_received"
    # A person chose an email application's reason code or order line (P1).
    MAIL_CHOSEN = "mail_chosen"
    # P2: an application answered (its RMA created, or refused) and the answer queued.
    MAIL_ANSWERED = "mail_answered"
    # The answer handed to the SMTP server, byte for byte as stored (T4).
    MAIL_SENT = "mail_sent"
    # Issue 17: a unit's grade, a supervisor's choice of its disposition, each move.
    UNIT_GRADED = "unit_graded"
    UNIT_ROUTED = "unit_routed"
    UNIT_MOVED = "unit_moved"
    UNIT_WEIGHED = "unit_weighed"
    WEIGHT_FLAG_CLEARED = "weight_flag_cleared"
    # A refurbishment work order opened, its parts and minutes logged, its outcome.
    WORK_ORDER_OPENED = "work_order_opened"
    WORK_ORDER_LOGGED = "work_order_logged"
    WORK_ORDER_DONE = "work_order_done"
    # A unit put on its supplier's return-to-vendor shipment; the shipment sent.
    RTV_UNIT_ADDED = "rtv_unit_added"
    RTV_SHIPPED = "rtv_shipped"
    # A unit scanned onto a liquidation lot; the lot closed with its weight.
    LOT_UNIT_ADDED = "lot_unit_added"
    LOT_CLOSED = "lot_closed"


def record_event(
    s: Session,
    actor: str,
    action: AuditAction,
    *,
    at: datetime,
    entity_kind: str | None = None,
    entity_key: str | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    detail: str | None = None,
) -> AuditEvent:
    """Append one event to the chain, linked by an HMAC with the desk's key. The caller's
    transaction holds SQLite's write lock, so no other event can slip in between reading
    the last hash and adding this one."""
    # Stored to the microsecond in UTC: the chain hashes exactly what is read back.
    at = at.astimezone(UTC)
    prev = s.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    content = EventContent(at, actor, action.value, entity_kind, entity_key,
                           dict(before) if before else None,
                           dict(after) if after else None, detail)
    prev_hash = prev or GENESIS
    key = key_for_writing(s)
    event = AuditEvent(
        at=at, actor=actor, action=action.value, entity_kind=entity_kind,
        entity_key=entity_key, before=content.before, after=content.after, detail=detail,
        prev_hash=prev_hash, hash=chain_hash(prev_hash, content, key))
    s.add(event)
    return event


@dataclass(frozen=True)
class AuditRow:
    event_id: int
    at: datetime
    actor: str
    action: str
    entity_kind: str | None
    entity_key: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    detail: str | None
    record: str = ""  # what a person calls the record: an RMA (and tag), a user name


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    action: str | None = None
    entity_key: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def _stored(rows: Iterator[AuditEvent]) -> Iterator[StoredEvent]:
    for row in rows:
        yield StoredEvent(
            row.id,
            EventContent(row.at, row.actor, row.action, row.entity_kind, row.entity_key,
                         row.before, row.after, row.detail),
            row.prev_hash, row.hash)


class AuditService:
    def __init__(self, store: Store, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def record(self, actor: Actor, action: AuditAction, **fields: Any) -> None:
        """An event on its own, e.g. a record shown on screen."""
        with self._store.session() as s:
            record_event(s, actor.username, action, at=self._clock(), **fields)

    def viewed(self, actor: Actor, rma_number: str) -> None:
        self.record(actor, AuditAction.VIEWED, entity_kind="return", entity_key=rma_number)

    def events(self, actor: Actor, flt: AuditFilter, limit: int = 500,
               offset: int = 0) -> list[AuditRow]:
        """The newest events first; supervisors and admins only."""
        actor.require(Action.VIEW_AUDIT)
        query = select(AuditEvent)
        if flt.actor:
            query = query.where(AuditEvent.actor == flt.actor)
        if flt.action:
            query = query.where(AuditEvent.action == flt.action)
        if flt.entity_key:
            key = flt.entity_key.strip().upper()
            # An RMA finds its inspections' events too: they are filed under the uuid.
            inspections = (select(Inspection.uuid)
                           .join(ReturnLine, ReturnLine.id == Inspection.return_line_id)
                           .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
                           .where(ReturnRequest.rma_number == key))
            query = query.where(or_(AuditEvent.entity_key == key,
                                    AuditEvent.entity_key.in_(inspections)))
        if flt.since:
            query = query.where(AuditEvent.at >= flt.since)
        if flt.until:
            query = query.where(AuditEvent.at < flt.until)
        query = query.order_by(AuditEvent.id.desc()).offset(offset).limit(limit)
        with self._store.read_session() as s:
            events = list(s.scalars(query))
            names = record_names(s, ((e.entity_kind, e.entity_key) for e in events
                                     if e.entity_kind and e.entity_key))
            return [AuditRow(e.id, e.at, e.actor, e.action, e.entity_kind, e.entity_key,
                             e.before, e.after, e.detail,
                             names.get((e.entity_kind or "", e.entity_key or ""), ""))
                    for e in events]

    def desk_id(self) -> str:
        """The id the central server knows this desk's audit chain by."""
        with self._store.session() as s:
            return desk_identity(s).desk_id

    def verify(self, anchor: ChainAnchor | None = None) -> ChainReport:
        """Recompute the whole chain, a thousand events at a time, with the desk's key; then,
        given the central server's anchor, check that the desk still holds the newest event
        the server received, unchanged (truncation and rewriting are found so)."""
        with self._store.read_session() as s:
            _, key, keyed_from = key_for_checking(s)
            rows = s.scalars(select(AuditEvent).order_by(AuditEvent.id)
                             .execution_options(yield_per=1000))
            report = verify(_stored(iter(rows)), key.secret if key else None, keyed_from)
            if anchor is None:
                return report
            local = s.scalar(select(AuditEvent.hash).where(AuditEvent.id == anchor.event_id))
            return check_anchor(report, anchor, local)
