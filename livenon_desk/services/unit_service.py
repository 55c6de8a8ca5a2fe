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
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from livenon_desk.catalogue import Message
from livenon_desk.domain.bins import check_put_away, suggest_bin
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
    WeightCheck,
)
from livenon_desk.services import outbox
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.guards import require_text
from livenon_desk.services.line_explanation import latest_inspection
from livenon_desk.services.unit_dto import (
    UNIT_REASON_MIN,
    PutAway,
    PutAwayPlan,
    UnitDetail,
    UnitMoveRow,
    UnitRow,
    WeightCheckRow,
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
        outbox.queue_unit(s, unit, now)
        made.append(unit)
    return made


def grade_units(s: Session, policy: Policy, line: ReturnLine, inspection: Inspection,
                actor: Actor, grade: str, reason: str, now: datetime) -> list[Unit]:
    """Grade and route every unit of ``line`` as the inspector confirmed it, in the
    inspection's transaction: ``grade`` other than the proposal needs ``reason``."""
    answers = {k: Answer(v) for k, v in (inspection.checklist or {}).items()}
    category = s.get_one(ReturnRequest, line.return_id).reason_category
    found = policy.proposed_grade(answers, category)
    proposal, rule_ids = found.grade, found.rule_ids
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
            _apply_route(s, policy, unit, _route(s, policy, unit), now)


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
    _apply_route(s, policy, unit, _route(s, policy, unit), now)
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


def _apply_route(s: Session, policy: Policy, unit: Unit, route: Route, now: datetime) -> None:
    unit.disposition = route.disposition
    unit.zone = route.zone
    unit.route_rule = route.rule_id
    _restate(s, policy, unit, now)


def _restate(s: Session, policy: Policy, unit: Unit, now: datetime) -> None:
    """The unit's state after a change, the change counted and queued for the server."""
    bin_zone = policy.floor.layout.zone_of_bin(unit.bin_code) if unit.bin_code else None
    unit.state = unit_state(unit.grade is not None, unit.zone,
                            bin_zone.id if bin_zone else None)
    unit.version += 1
    unit.updated_at = now
    outbox.queue_unit(s, unit, now)


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
            return _detail(s, self._policies, unit,
                           _rows(s, select(Unit).where(Unit.id == unit.id))[0])

    def units_of_return(self, actor: Actor, return_id: int) -> tuple[UnitDetail, ...]:
        """The return's units, line by line and carton by carton (the detail's history)."""
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            return units_of_return(s, self._policies, return_id)

    def plan(self, actor: Actor, code: str) -> PutAwayPlan:
        """A scanned unit, where it goes (its route's zone) and the first bin there with
        room: what the put-away screen shows before the bin is scanned."""
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            return plan_of(s, self._policies, code)

    def is_bin(self, code: str) -> bool:
        """Whether a scanned code is a bin of the warehouse (the policy's zones)."""
        target = normalize_code(code)
        return any(p.floor.layout.zone_of_bin(target) for p in self._policies.policies)

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
        with self._store.session() as s:
            return set_unit_disposition(s, self._policies, actor, code, disposition, text,
                                        self._clock())

    def move(self, actor: Actor, code: str, bin_code: str) -> PutAway:
        """Put a unit away, or move it: refused for a bin of another zone than its route's,
        a full bin or an unknown one, naming the bin it should go to; every move kept."""
        actor.require(Action.PUT_AWAY)
        with self._store.session() as s:
            return move_unit(s, self._policies, actor, code, bin_code, self._clock())

    def _policy(self, s: Session, unit: Unit) -> Policy:
        return policy_of(self._policies, s, unit)


def plan_of(s: Session, policies: PolicySet, code: str) -> PutAwayPlan:
    """A unit by its LPN, the zone its route sends it to and the first bin there with room."""
    unit = unit_by_code(s, code)
    row = _rows(s, select(Unit).where(Unit.id == unit.id))[0]
    zone = (policy_of(policies, s, unit).floor.layout.zone(unit.zone)
            if unit.zone is not None else None)
    if zone is None:
        return PutAwayPlan(row, None, None)
    return PutAwayPlan(row, zone.words, suggest_bin(zone, _occupancy(s, zone.bins, unit.id)))


def set_unit_disposition(s: Session, policies: PolicySet, actor: Actor, code: str,
                         disposition: Disposition, reason: str, now: datetime) -> UnitRow:
    """A supervisor's disposition for a unit, in the caller's transaction (audited)."""
    unit = unit_by_code(s, code)
    if unit.grade is None:
        raise ValidationError("error.unit-not-graded", code=unit.code)
    policy = policy_of(policies, s, unit)
    zone = policy.floor.routing.zone_for(disposition)
    if zone is None:
        raise ValidationError("error.disposition-has-no-zone",
                              disposition=Message.of(ENUM_LABELS[disposition]))
    before = {"disposition": _value(unit.disposition), "zone": unit.zone,
              "route_rule": unit.route_rule}
    unit.disposition = disposition
    unit.zone = zone
    unit.route_rule = None
    unit.override_reason = reason
    unit.override_by = actor.username
    unit.override_at = now
    _restate(s, policy, unit, now)
    record_event(s, actor.username, AuditAction.UNIT_ROUTED, at=now, entity_kind="unit",
                 entity_key=unit.code, before=before,
                 after={"disposition": disposition.value, "zone": zone}, detail=reason)
    return _rows(s, select(Unit).where(Unit.id == unit.id))[0]


def move_unit(s: Session, policies: PolicySet, actor: Actor, code: str, bin_code: str,
              now: datetime) -> PutAway:
    """A unit put in ``bin_code``, in the caller's transaction: refused for a bin of
    another zone, a full or an unknown one, naming the bin to use; the move is kept."""
    target = normalize_code(bin_code)
    unit = unit_by_code(s, code)
    if unit.grade is None or unit.zone is None:
        raise ValidationError("error.unit-not-graded", code=unit.code)
    if unit.bin_code == target:
        raise ValidationError("error.unit-already-in-bin", code=unit.code, bin=target)
    policy = policy_of(policies, s, unit)
    layout = policy.floor.layout
    zone = layout.zone(unit.zone)
    check_put_away(layout, unit.code, unit.zone, target,
                   _occupancy(s, zone.bins if zone is not None else (), unit.id))
    origin = unit.bin_code
    unit.bin_code = target
    _restate(s, policy, unit, now)
    move = UnitMove(uuid=str(uuid.uuid4()), unit_id=unit.id, from_bin=origin, to_bin=target,
                    moved_by=actor.username, moved_at=now)
    s.add(move)
    outbox.queue_unit_move(s, move, unit, now)
    record_event(s, actor.username, AuditAction.UNIT_MOVED, at=now, entity_kind="unit",
                 entity_key=unit.code, before={"bin": origin}, after={"bin": target})
    log.info("unit %s moved %s -> %s", unit.code, origin, target)
    return PutAway(unit.code, origin, target, unit.zone, unit.state)


def units_of_return(s: Session, policies: PolicySet, return_id: int
                    ) -> tuple[UnitDetail, ...]:
    """The return's units, line by line and carton by carton, each with its moves."""
    query = (select(Unit).join(ReturnLine, ReturnLine.id == Unit.return_line_id)
             .where(ReturnLine.return_id == return_id)
             .order_by(ReturnLine.id, Unit.carton_index))
    return tuple(_detail(s, policies, s.get_one(Unit, row.unit_id), row)
                 for row in _rows(s, query))


def _occupancy(s: Session, bins: tuple[str, ...], leaving: int) -> dict[str, int]:
    """Units in each of ``bins`` now, the unit ``leaving`` (the one being moved) left out."""
    counts = s.execute(select(Unit.bin_code, func.count()).where(
        Unit.bin_code.in_(bins), Unit.id != leaving).group_by(Unit.bin_code)).all()
    return {code: n for code, n in counts if code is not None}


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


def weight_row(check: WeightCheck, code: str, rma: str) -> WeightCheckRow:
    return WeightCheckRow(
        check_id=check.id, unit_code=code, rma_number=rma,
        expected_kg=Decimal(check.expected_g) / 1000, weighed_kg=Decimal(check.weighed_g) / 1000,
        flagged=check.flagged, weighed_by=check.weighed_by, weighed_at=check.weighed_at,
        cleared_by=check.cleared_by, cleared_at=check.cleared_at,
        cleared_note=check.cleared_note)


def _detail(s: Session, policies: PolicySet, unit: Unit, row: UnitRow) -> UnitDetail:
    moves = s.scalars(select(UnitMove).where(UnitMove.unit_id == unit.id)
                      .order_by(UnitMove.moved_at, UnitMove.id))
    weighed = s.scalars(select(WeightCheck).where(WeightCheck.unit_id == unit.id)
                        .order_by(WeightCheck.weighed_at, WeightCheck.id))
    zone = policy_of(policies, s, unit).floor.layout.zone(unit.zone) if unit.zone else None
    return UnitDetail(
        row=row, zone_name=zone.words if zone is not None else None,
        grade_rules=tuple(unit.grade_rules or ()), grade_reason=unit.grade_reason,
        graded_by=unit.graded_by, graded_at=unit.graded_at,
        override_reason=unit.override_reason, override_by=unit.override_by,
        override_at=unit.override_at,
        moves=tuple(UnitMoveRow(m.from_bin, m.to_bin, m.moved_by, m.moved_at) for m in moves),
        weight_checks=tuple(weight_row(c, unit.code, row.rma_number) for c in weighed))
