"""Units after the decision: made at receipt, graded, routed, put away and moved.

One unit per received carton, named by its LPN (``domain/units.py``). The next steps of a
returns station (refurbishment, return to vendor, liquidation lots) build on three calls
here: ``units(disposition=...)`` lists the units of a disposition, ``move`` puts one in a
bin, ``set_disposition`` changes where one goes (a supervisor, with a reason; audited);
``regrade`` grades one anew (after a repair) and routes it again.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from livenon_desk.catalogue import Message
from livenon_desk.domain.bins import check_put_away
from livenon_desk.domain.enums import Answer, Decision, Disposition, UnitState
from livenon_desk.domain.labels import ENUM_LABELS
from livenon_desk.domain.money import from_minor_units
from livenon_desk.domain.policy import Policy, PolicySet
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.domain.routing import Route, RouteFacts
from livenon_desk.domain.units import unit_code, unit_state
from livenon_desk.errors import NotFoundError, ValidationError
from livenon_desk.models import (
    Inspection,
    Order,
    OrderLine,
    ReturnLine,
    ReturnRequest,
    Unit,
    UnitMove,
)
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.guards import require_text
from livenon_desk.services.line_explanation import latest_inspection
from livenon_desk.services.unit_dto import (
    UNIT_REASON_MIN,
    PutAway,
    UnitDetail,
    UnitMoveRow,
    UnitRow,
)
from livenon_desk.store.database import Store
from livenon_desk.store.lookup import normalize_code

log = logging.getLogger(__name__)


def add_received_units(s: Session, line: ReturnLine, received_at: datetime,
                       now: datetime) -> list[Unit]:
    """A unit for each carton of ``line`` counted in that has none yet (at receipt and at
    each carton counted later), in the receipt's transaction."""
    have = set(s.scalars(select(Unit.carton_index).where(Unit.return_line_id == line.id)))
    made = []
    for carton in range(1, line.cartons_received + 1):
        if carton in have:
            continue
        unit = Unit(code=unit_code(line.tag_code, carton), return_line_id=line.id,
                    carton_index=carton, state=UnitState.TO_GRADE, received_at=received_at,
                    grade_rules=[], version=1, updated_at=now)
        s.add(unit)
        made.append(unit)
    return made


def proposed_grade(policy: Policy, answers: Mapping[str, Answer]) -> tuple[str, tuple[str, ...]]:
    """The grade the checklist's answers lead to, with the grading questions (G1...)."""
    proposal = policy.floor.grading.propose(answers)
    return proposal.grade, proposal.rule_ids


def grade_units(s: Session, policy: Policy, line: ReturnLine, inspection: Inspection,
                actor: Actor, grade: str, reason: str, now: datetime) -> list[Unit]:
    """Grade and route every unit of ``line`` as the inspector confirmed it, in the
    inspection's transaction: ``grade`` other than the proposal needs ``reason``."""
    answers = {k: Answer(v) for k, v in (inspection.checklist or {}).items()}
    proposal, rule_ids = proposed_grade(policy, answers)
    text = _grade_reason(policy, grade, proposal, reason)
    units = list(s.scalars(select(Unit).where(Unit.return_line_id == line.id)
                           .order_by(Unit.carton_index)))
    for unit in units:
        unit.policy_version = policy.version
        unit.proposed_grade = proposal
        unit.grade_rules = list(rule_ids)
        _set_grade(s, policy, unit, actor, grade, text, now)
    return units


def reroute_line(s: Session, policies: PolicySet, line: ReturnLine, now: datetime) -> None:
    """Route the line's graded units again after its decision changed (a supervisor's
    exception); a disposition a supervisor chose stays."""
    for unit in s.scalars(select(Unit).where(Unit.return_line_id == line.id,
                                             Unit.grade.is_not(None),
                                             Unit.override_by.is_(None))):
        policy = policies.version(unit.policy_version) if unit.policy_version else None
        if policy is not None:
            _apply_route(policy, unit, _route(s, policy, unit), now)


def _grade_reason(policy: Policy, grade: str, proposal: str, reason: str) -> str | None:
    if policy.floor.grading.grade(grade) is None:
        raise ValidationError("error.grade-unknown", grade=grade,
                              grades=", ".join(g.id for g in policy.floor.grading.grades))
    if grade == proposal:
        return reason.strip() or None
    return require_text(reason, "field.grade-reason", UNIT_REASON_MIN)


def _set_grade(s: Session, policy: Policy, unit: Unit, actor: Actor, grade: str,
               reason: str | None, now: datetime) -> None:
    before = {"grade": unit.grade, "disposition": _value(unit.disposition), "zone": unit.zone}
    unit.grade = grade
    unit.grade_reason = reason
    unit.graded_by = actor.username
    unit.graded_at = now
    unit.override_by = unit.override_reason = None
    unit.override_at = None
    _apply_route(policy, unit, _route(s, policy, unit), now)
    record_event(s, actor.username, AuditAction.UNIT_GRADED, at=now, entity_kind="unit",
                 entity_key=unit.code, before=before,
                 after={"grade": grade, "proposed": unit.proposed_grade,
                        "rules": list(unit.grade_rules or []),
                        "disposition": _value(unit.disposition), "zone": unit.zone,
                        "route_rule": unit.route_rule},
                 detail=reason)


def _value(disposition: Disposition | None) -> str | None:
    return None if disposition is None else disposition.value


def _route(s: Session, policy: Policy, unit: Unit) -> Route:
    """The policy's route for the unit (R1...): its grade, the return's reason category,
    the line's decision (a supervisor's exception included) and unit price."""
    line = s.get_one(ReturnLine, unit.return_line_id)
    ret = s.get_one(ReturnRequest, line.return_id)
    order = s.get_one(Order, ret.order_id)
    order_line = s.get_one(OrderLine, line.order_line_id)
    inspection = latest_inspection(s, line.id)
    decision = Decision.PENDING
    if inspection is not None and inspection.finished_at is not None:
        decision = inspection.override_decision or inspection.decision or Decision.PENDING
    assert unit.grade is not None
    return policy.floor.routing.route(RouteFacts(
        grade=unit.grade, reason=ret.reason_category, decision=decision,
        value=from_minor_units(order_line.unit_price_cents, order.currency),
        currency=order.currency))


def _apply_route(policy: Policy, unit: Unit, route: Route, now: datetime) -> None:
    unit.disposition = route.disposition
    unit.zone = route.zone
    unit.route_rule = route.rule_id
    _restate(policy, unit, now)


def _restate(policy: Policy, unit: Unit, now: datetime) -> None:
    bin_zone = policy.floor.layout.zone_of_bin(unit.bin_code) if unit.bin_code else None
    unit.state = unit_state(unit.grade is not None, unit.zone,
                            bin_zone.id if bin_zone else None)
    unit.version += 1
    unit.updated_at = now


class UnitService:
    def __init__(self, store: Store, policies: PolicySet, clock: Clock = utc_now) -> None:
        self._store = store
        self._policies = policies
        self._clock = clock

    # --- reading --------------------------------------------------------------------------

    def unit(self, actor: Actor, code: str) -> UnitDetail:
        """One unit by its LPN, with its grade's and route's reasons and every move."""
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            unit = unit_by_code(s, code)
            return _detail(s, unit, _rows(s, select(Unit).where(Unit.id == unit.id))[0])

    def units_of_return(self, actor: Actor, return_id: int) -> tuple[UnitDetail, ...]:
        """The return's units, line by line and carton by carton (the detail's history)."""
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            query = (select(Unit).join(ReturnLine, ReturnLine.id == Unit.return_line_id)
                     .where(ReturnLine.return_id == return_id)
                     .order_by(ReturnLine.id, Unit.carton_index))
            return tuple(_detail(s, s.get_one(Unit, row.unit_id), row)
                         for row in _rows(s, query))

    def units(self, actor: Actor, *, disposition: Disposition | None = None,
              state: UnitState | None = None, limit: int | None = None) -> list[UnitRow]:
        """Units of a disposition and/or a state, oldest receipt first."""
        actor.require(Action.LOOK_UP)
        query = select(Unit)
        if disposition is not None:
            query = query.where(Unit.disposition == disposition)
        if state is not None:
            query = query.where(Unit.state == state)
        query = query.order_by(Unit.received_at, Unit.id)
        if limit is not None:
            query = query.limit(limit)
        with self._store.session() as s:
            return _rows(s, query)

    def count(self, actor: Actor, state: UnitState) -> int:
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            return s.scalar(select(func.count()).select_from(Unit)
                            .where(Unit.state == state)) or 0

    # --- writing --------------------------------------------------------------------------

    def regrade(self, actor: Actor, code: str, grade: str, reason: str) -> UnitRow:
        """Grade a unit anew (after a repair, or one received before grading), with a
        reason, and route it again by the policy's rules."""
        actor.require(Action.INSPECT)
        with self._store.session() as s:
            return regrade_unit(s, self._policies, actor, code, grade, reason, self._clock())

    def set_disposition(self, actor: Actor, code: str, disposition: Disposition,
                        reason: str) -> UnitRow:
        """A supervisor sends a unit elsewhere than its rule did, with a written reason
        (audited); the zone is the one the rules give that disposition."""
        actor.require(Action.OVERRIDE)
        text = require_text(reason, "field.disposition-reason", UNIT_REASON_MIN)
        now = self._clock()
        with self._store.session() as s:
            unit = unit_by_code(s, code)
            if unit.grade is None:
                raise ValidationError("error.unit-not-graded", code=unit.code)
            policy = self._policy(s, unit)
            zone = policy.floor.routing.zone_for(disposition)
            if zone is None:
                raise ValidationError("error.disposition-has-no-zone",
                                      disposition=Message.of(ENUM_LABELS[disposition]))
            before = {"disposition": _value(unit.disposition), "zone": unit.zone,
                      "route_rule": unit.route_rule}
            unit.disposition = disposition
            unit.zone = zone
            unit.route_rule = None
            unit.override_reason = text
            unit.override_by = actor.username
            unit.override_at = now
            _restate(policy, unit, now)
            record_event(s, actor.username, AuditAction.UNIT_ROUTED, at=now,
                         entity_kind="unit", entity_key=unit.code, before=before,
                         after={"disposition": disposition.value, "zone": zone}, detail=text)
            return _rows(s, select(Unit).where(Unit.id == unit.id))[0]

    def move(self, actor: Actor, code: str, bin_code: str) -> PutAway:
        """Put a unit away, or move it: refused for a bin of another zone than its route's,
        a full bin or an unknown one, naming the bin it should go to; every move kept."""
        actor.require(Action.PUT_AWAY)
        target = normalize_code(bin_code)
        now = self._clock()
        with self._store.session() as s:
            unit = unit_by_code(s, code)
            if unit.grade is None or unit.zone is None:
                raise ValidationError("error.unit-not-graded", code=unit.code)
            if unit.bin_code == target:
                raise ValidationError("error.unit-already-in-bin", code=unit.code,
                                      bin=target)
            policy = self._policy(s, unit)
            layout = policy.floor.layout
            zone = layout.zone(unit.zone)
            bins = zone.bins if zone is not None else ()
            occupancy = dict(s.execute(
                select(Unit.bin_code, func.count()).where(Unit.bin_code.in_(bins))
                .group_by(Unit.bin_code)).all())
            check_put_away(layout, unit.code, unit.zone, target,
                           {k: v for k, v in occupancy.items() if k is not None})
            origin = unit.bin_code
            unit.bin_code = target
            _restate(policy, unit, now)
            s.add(UnitMove(uuid=str(uuid.uuid4()), unit_id=unit.id, from_bin=origin,
                           to_bin=target, moved_by=actor.username, moved_at=now))
            record_event(s, actor.username, AuditAction.UNIT_MOVED, at=now,
                         entity_kind="unit", entity_key=unit.code,
                         before={"bin": origin}, after={"bin": target})
            log.info("unit %s moved %s -> %s", unit.code, origin, target)
            return PutAway(unit.code, origin, target, unit.zone, unit.state)

    def _policy(self, s: Session, unit: Unit) -> Policy:
        return policy_of(self._policies, s, unit)


def regrade_unit(s: Session, policies: PolicySet, actor: Actor, code: str, grade: str,
                 reason: str, now: datetime) -> UnitRow:
    """A unit graded anew with a reason and routed again by the policy's rules, in the
    caller's transaction (a refurbishment's completion closes its work order with it)."""
    text = require_text(reason, "field.grade-reason", UNIT_REASON_MIN)
    unit = unit_by_code(s, code)
    policy = policy_of(policies, s, unit)
    _grade_reason(policy, grade, grade, text)  # a grade the policy knows
    unit.policy_version = policy.version
    _set_grade(s, policy, unit, actor, grade, text, now)
    return _rows(s, select(Unit).where(Unit.id == unit.id))[0]


def policy_of(policies: PolicySet, s: Session, unit: Unit) -> Policy:
    """The policy a unit was graded by; before grading, its return's."""
    if unit.policy_version:
        return policies.version(unit.policy_version)
    line = s.get_one(ReturnLine, unit.return_line_id)
    return policies.for_application(s.get_one(ReturnRequest, line.return_id).applied_at)


def unit_by_code(s: Session, code: str) -> Unit:
    normal = normalize_code(code)
    unit = s.scalar(select(Unit).where(Unit.code == normal))
    if unit is None:
        raise NotFoundError("error.no-unit-with-code", code=normal)
    return unit


def _rows(s: Session, query: Select[Unit]) -> list[UnitRow]:
    units = list(s.scalars(query))
    if not units:
        return []
    facts = {
        line_id: (rma, tag, cartons, sku, name_en, name_zh, price, currency, return_id)
        for line_id, rma, tag, cartons, sku, name_en, name_zh, price, currency, return_id
        in s.execute(
            select(ReturnLine.id, ReturnRequest.rma_number, ReturnLine.tag_code,
                   ReturnLine.cartons_expected, OrderLine.sku, OrderLine.product_name_en,
                   OrderLine.product_name_zh, OrderLine.unit_price_cents, Order.currency,
                   ReturnRequest.id)
            .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
            .join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
            .join(Order, Order.id == ReturnRequest.order_id)
            .where(ReturnLine.id.in_({u.return_line_id for u in units})))}
    return [_row(u, *facts[u.return_line_id]) for u in units]


def _row(unit: Unit, rma: str, tag: str, cartons: int, sku: str, name_en: str,
         name_zh: str | None, price: int, currency: str, return_id: int) -> UnitRow:
    return UnitRow(
        unit_id=unit.id, code=unit.code, return_id=return_id, rma_number=rma, tag_code=tag,
        carton_index=unit.carton_index, carton_count=cartons, sku=sku,
        product_name_en=name_en, product_name_zh=name_zh, state=unit.state,
        received_at=unit.received_at, grade=unit.grade, proposed_grade=unit.proposed_grade,
        disposition=unit.disposition, zone=unit.zone, route_rule=unit.route_rule,
        bin_code=unit.bin_code, value=from_minor_units(price, currency), currency=currency,
        updated_at=unit.updated_at)


def _detail(s: Session, unit: Unit, row: UnitRow) -> UnitDetail:
    moves = s.scalars(select(UnitMove).where(UnitMove.unit_id == unit.id)
                      .order_by(UnitMove.moved_at, UnitMove.id))
    return UnitDetail(
        row=row, grade_rules=tuple(unit.grade_rules or ()), grade_reason=unit.grade_reason,
        graded_by=unit.graded_by, graded_at=unit.graded_at,
        override_reason=unit.override_reason, override_by=unit.override_by,
        override_at=unit.override_at,
        moves=tuple(UnitMoveRow(m.from_bin, m.to_bin, m.moved_by, m.moved_at) for m in moves))
