"""Refurbishment: a work order per repair of a unit the routing sent to refurbish.

Scan the unit, say what to fix (the order opens), log the parts and minutes as the work
goes, then say what came of it with the unit's new grade: the order closes, and the unit
is graded anew and routed again by the policy's rules, in one transaction (issue 17).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from livenon_desk.domain.enums import Disposition, RepairOutcome, WorkOrderState
from livenon_desk.domain.policy import PolicySet
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.errors import NotFoundError, ValidationError
from livenon_desk.models import Unit, WorkOrder
from livenon_desk.services import outbox
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.guards import require_text
from livenon_desk.services.refurbish_dto import (
    FAULT_MIN,
    MINUTES_MAX,
    RefurbishScan,
    WorkOrderRow,
)
from livenon_desk.services.unit_dto import UNIT_REASON_MIN, UnitRow
from livenon_desk.services.unit_service import _rows, regrade_unit, unit_by_code
from livenon_desk.store.database import Store

log = logging.getLogger(__name__)


class RefurbishService:
    def __init__(self, store: Store, policies: PolicySet, clock: Clock = utc_now) -> None:
        self._store = store
        self._policies = policies
        self._clock = clock

    # --- reading --------------------------------------------------------------------------

    def scan(self, actor: Actor, code: str) -> RefurbishScan:
        """A unit by its LPN with its open work order and its earlier ones."""
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            unit = unit_by_code(s, code)
            row = _unit_row(s, unit.id)
            orders = [_order_row(o, row) for o in s.scalars(
                select(WorkOrder).where(WorkOrder.unit_id == unit.id)
                .order_by(WorkOrder.opened_at.desc(), WorkOrder.id.desc()))]
            current = next((o for o in orders if o.state is WorkOrderState.OPEN), None)
            return RefurbishScan(row, current, tuple(o for o in orders if o is not current))

    def in_refurbishment(self, actor: Actor, limit: int | None = None) -> list[WorkOrderRow]:
        """The open work orders, oldest first: the queue "in refurbishment"."""
        actor.require(Action.LOOK_UP)
        query = (select(WorkOrder).where(WorkOrder.state == WorkOrderState.OPEN)
                 .order_by(WorkOrder.opened_at, WorkOrder.id))
        if limit is not None:
            query = query.limit(limit)
        with self._store.session() as s:
            orders = list(s.scalars(query))
            units = {r.unit_id: r for r in _rows(s, select(Unit).where(
                Unit.id.in_({o.unit_id for o in orders})))} if orders else {}
            return [_order_row(o, units[o.unit_id]) for o in orders]

    def count_open(self, actor: Actor) -> int:
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            return s.scalar(select(func.count()).select_from(WorkOrder)
                            .where(WorkOrder.state == WorkOrderState.OPEN)) or 0

    # --- writing --------------------------------------------------------------------------

    def open(self, actor: Actor, code: str, fault: str) -> WorkOrderRow:
        """A work order for a unit routed to refurbish, saying what to fix; refused for a
        unit routed elsewhere or one whose repair is already open."""
        actor.require(Action.INSPECT)
        text = require_text(fault, "field.fault", FAULT_MIN)
        now = self._clock()
        with self._store.session() as s:
            unit = unit_by_code(s, code)
            if _open_order(s, unit.id) is not None:
                raise ValidationError("error.work-order-already-open", code=unit.code)
            if unit.disposition is not Disposition.REFURBISH:
                raise ValidationError("error.unit-not-for-refurbish", code=unit.code)
            order = WorkOrder(uuid=str(uuid.uuid4()), unit_id=unit.id,
                              state=WorkOrderState.OPEN, fault=text, parts=[], minutes=0,
                              opened_by=actor.username, opened_at=now, version=1,
                              updated_at=now)
            s.add(order)
            s.flush()
            outbox.queue_work_order(s, order, now)
            record_event(s, actor.username, AuditAction.WORK_ORDER_OPENED, at=now,
                         entity_kind="work_order", entity_key=order.uuid,
                         after={"unit": unit.code, "fault": text})
            log.info("work order %s opened for unit %s", order.uuid, unit.code)
            return _order_row(order, _unit_row(s, unit.id))

    def log_work(self, actor: Actor, code: str, parts: Sequence[str],
                 minutes: int) -> WorkOrderRow:
        """Parts used and minutes spent on the unit's open work order, added to what it
        had (the work of a repair is logged as it goes, by whoever does it)."""
        actor.require(Action.INSPECT)
        used = [p.strip() for p in parts if p.strip()]
        if not 0 <= minutes <= MINUTES_MAX:
            raise ValidationError("error.work-minutes-out-of-range", maximum=MINUTES_MAX)
        if not used and minutes == 0:
            raise ValidationError("error.work-nothing-logged")
        now = self._clock()
        with self._store.session() as s:
            order = _open_order_of(s, code)
            before = {"parts": list(order.parts or []), "minutes": order.minutes}
            order.parts = [*(order.parts or []), *used]
            order.minutes += minutes
            _changed(s, order, now)
            record_event(s, actor.username, AuditAction.WORK_ORDER_LOGGED, at=now,
                         entity_kind="work_order", entity_key=order.uuid, before=before,
                         after={"parts": list(order.parts), "minutes": order.minutes})
            return _order_row(order, _unit_row(s, order.unit_id))

    def complete(self, actor: Actor, code: str, outcome: RepairOutcome, grade: str,
                 note: str) -> WorkOrderRow:
        """The repair's outcome and the unit's new grade (``note`` says what was done, and
        is the grade's reason): the order closes, the unit is graded anew and routed
        again by the policy's rules (R1...), in one transaction."""
        actor.require(Action.INSPECT)
        text = require_text(note, "field.repair-note", UNIT_REASON_MIN)
        now = self._clock()
        with self._store.session() as s:
            order = _open_order_of(s, code)
            row = regrade_unit(s, self._policies, actor, code, grade, text, now)
            order.state = WorkOrderState.DONE
            order.outcome = outcome
            order.grade = row.grade
            order.note = text
            order.closed_by = actor.username
            order.closed_at = now
            _changed(s, order, now)
            record_event(s, actor.username, AuditAction.WORK_ORDER_DONE, at=now,
                         entity_kind="work_order", entity_key=order.uuid,
                         after={"unit": row.code, "outcome": outcome.value,
                                "grade": row.grade, "minutes": order.minutes,
                                "disposition": row.disposition.value
                                if row.disposition else None},
                         detail=text)
            log.info("work order %s done: %s, unit %s graded %s", order.uuid, outcome,
                     row.code, row.grade)
            return _order_row(order, row)


def _open_order(s: Session, unit_id: int) -> WorkOrder | None:
    return s.scalar(select(WorkOrder).where(WorkOrder.unit_id == unit_id,
                                            WorkOrder.state == WorkOrderState.OPEN))


def _open_order_of(s: Session, code: str) -> WorkOrder:
    unit = unit_by_code(s, code)
    order = _open_order(s, unit.id)
    if order is None:
        raise NotFoundError("error.no-open-work-order", code=unit.code)
    return order


def _changed(s: Session, order: WorkOrder, now: datetime) -> None:
    """One more change of the order, queued for the central server in its transaction."""
    order.version += 1
    order.updated_at = now
    outbox.queue_work_order(s, order, now)


def _unit_row(s: Session, unit_id: int) -> UnitRow:
    return _rows(s, select(Unit).where(Unit.id == unit_id))[0]


def _order_row(order: WorkOrder, unit: UnitRow) -> WorkOrderRow:
    return WorkOrderRow(
        order_id=order.id, uuid=order.uuid, unit=unit, state=order.state, fault=order.fault,
        parts=tuple(order.parts or ()), minutes=order.minutes, opened_by=order.opened_by,
        opened_at=order.opened_at, outcome=order.outcome, grade=order.grade, note=order.note,
        closed_by=order.closed_by, closed_at=order.closed_at)
