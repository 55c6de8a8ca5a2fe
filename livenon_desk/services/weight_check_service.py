"""The weight check: a unit weighed against the catalogue's weight; a difference over the
policy's tolerance flags a possible item swap for a supervisor (issue 17).

The catalogue's weight is of a whole piece (``order_lines.piece_weight_g``); a unit is one
carton, so it is compared with its carton's share of the line's pieces. A weight comes
typed (the put-away screen takes a number after a unit's scan) or from a scale.
"""

from __future__ import annotations

import logging
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from livenon_desk.domain.policy import PolicySet
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.errors import ValidationError
from livenon_desk.models import OrderLine, ReturnLine, ReturnRequest, Unit, WeightCheck
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.guards import require_text
from livenon_desk.services.unit_dto import UNIT_REASON_MIN, WeightCheckRow
from livenon_desk.services.unit_service import policy_of, unit_by_code, weight_row
from livenon_desk.store.database import Store

log = logging.getLogger(__name__)

# A weight typed outside these bounds (kg) is a slip of the finger, not a weighing.
MIN_WEIGHT_KG = Decimal("0.1")
MAX_WEIGHT_KG = Decimal(2000)


class WeightCheckService:
    def __init__(self, store: Store, policies: PolicySet, clock: Clock = utc_now) -> None:
        self._store = store
        self._policies = policies
        self._clock = clock

    def weigh(self, actor: Actor, code: str, weighed_kg: Decimal) -> WeightCheckRow:
        """Compare a unit's weight with the catalogue's (its carton's share of the piece);
        a difference over the policy's tolerance flags a possible item swap, which waits for
        a supervisor in the work queue."""
        actor.require(Action.RECEIVE)
        with self._store.session() as s:
            return weigh_unit(s, self._policies, actor, code, weighed_kg, self._clock())

    def clear_weight_flags(self, actor: Actor, return_id: int, note: str) -> int:
        """A supervisor who checked the goods clears the return's open weight flags, with a
        note (audited); how many were cleared."""
        actor.require(Action.OVERRIDE)
        text = require_text(note, "field.weight-note", UNIT_REASON_MIN)
        with self._store.session() as s:
            return clear_flags(s, actor, return_id, text, self._clock())


def weigh_unit(s: Session, policies: PolicySet, actor: Actor, code: str, weighed_kg: Decimal,
               now: datetime) -> WeightCheckRow:
    """One weighing of a unit, in the caller's transaction, flagged when over the
    policy's tolerance (audited)."""
    if not MIN_WEIGHT_KG <= weighed_kg <= MAX_WEIGHT_KG:
        raise ValidationError("error.weight-out-of-range", weight=weighed_kg,
                              low=MIN_WEIGHT_KG, high=MAX_WEIGHT_KG)
    unit = unit_by_code(s, code)
    line = s.get_one(ReturnLine, unit.return_line_id)
    order_line = s.get_one(OrderLine, line.order_line_id)
    if not order_line.piece_weight_g:
        raise ValidationError("error.no-expected-weight", code=unit.code, sku=order_line.sku)
    expected_g = round(order_line.piece_weight_g * line.quantity / max(1, line.cartons_expected))
    policy = policy_of(policies, s, unit)
    weighed_g = int((weighed_kg * 1000).to_integral_value())
    flagged = policy.floor.weight.swap_suspected(Decimal(expected_g) / 1000,
                                                 Decimal(weighed_g) / 1000)
    check = WeightCheck(unit_id=unit.id, expected_g=expected_g, weighed_g=weighed_g,
                        flagged=flagged, policy_version=policy.version,
                        weighed_by=actor.username, weighed_at=now)
    s.add(check)
    s.flush()
    record_event(s, actor.username, AuditAction.UNIT_WEIGHED, at=now, entity_kind="unit",
                 entity_key=unit.code, after={"expected_g": expected_g, "weighed_g": weighed_g,
                                              "flagged": flagged, "policy": policy.version})
    if flagged:
        log.info("unit %s weighed %d g, expected %d g: flagged", unit.code, weighed_g,
                 expected_g)
    return weight_row(check, unit.code, s.get_one(ReturnRequest, line.return_id).rma_number)


def weigh_parcel_of_one(s: Session, policies: PolicySet, actor: Actor, units: list[Unit],
                        grams: int, now: datetime) -> WeightCheckRow | None:
    """A parcel weighed at receipt that holds exactly one carton: its weight is that unit's,
    checked at once like a weighing at put-away (flagged as a possible item swap when over
    the tolerance). A parcel of several cartons is not checked: its weight includes every
    carton's packing, so a sum of catalogue weights would hide a swapped carton as often as
    it flagged a right one; each carton is weighed at put-away instead. Nor is a unit whose
    catalogue line has no weight, nor a weight outside what a weighing takes."""
    if len(units) != 1:
        return None
    kilograms = Decimal(grams) / 1000
    line = s.get_one(ReturnLine, units[0].return_line_id)
    if not (MIN_WEIGHT_KG <= kilograms <= MAX_WEIGHT_KG
            and s.get_one(OrderLine, line.order_line_id).piece_weight_g):
        return None
    s.flush()
    return weigh_unit(s, policies, actor, units[0].code, kilograms, now)


def clear_flags(s: Session, actor: Actor, return_id: int, note: str, now: datetime) -> int:
    """The return's open weight flags cleared with a supervisor's note, in the caller's
    transaction (audited); how many."""
    checks = list(s.scalars(
        select(WeightCheck).join(Unit, Unit.id == WeightCheck.unit_id)
        .join(ReturnLine, ReturnLine.id == Unit.return_line_id)
        .where(ReturnLine.return_id == return_id, WeightCheck.flagged.is_(True),
               WeightCheck.cleared_at.is_(None))))
    if not checks:
        raise ValidationError("error.no-weight-flag")
    for check in checks:
        check.cleared_by = actor.username
        check.cleared_at = now
        check.cleared_note = note
        unit = s.get_one(Unit, check.unit_id)
        record_event(s, actor.username, AuditAction.WEIGHT_FLAG_CLEARED, at=now,
                     entity_kind="unit", entity_key=unit.code,
                     after={"weighed_g": check.weighed_g, "expected_g": check.expected_g},
                     detail=note)
    return len(checks)
