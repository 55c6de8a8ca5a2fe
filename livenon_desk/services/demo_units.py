"""The demo's units (issue 17): the newest receipts' cartons in every state, put away in
the policy's bins, moved, weighed, one sent elsewhere by a supervisor.

Made through the services, as a desk makes them, after the bulk load: the returns received
most recently get a unit per carton counted in; the inspected ones are graded as their
answers propose (a few otherwise, with a reason) and routed; most of those are put away in
a bin of their zone while it has room, some moved again; a few are weighed, one or two far
from the catalogue's weight (a possible swap, one already checked by a supervisor).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from livenon_desk.domain.enums import Answer, Disposition, ReturnStatus, UnitState
from livenon_desk.domain.policy import PolicySet
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.errors import ValidationError
from livenon_desk.models import Inspection, OrderLine, ReturnLine, ReturnRequest, Unit
from livenon_desk.services.unit_service import (
    add_received_units,
    grade_units,
    move_unit,
    plan_of,
    set_unit_disposition,
)
from livenon_desk.services.weight_check_service import clear_flags, weigh_unit
from livenon_desk.store.database import Store

log = logging.getLogger(__name__)

# The newest receipts that have units: a station's floor, not the company's history.
DEMO_RETURNS_WITH_UNITS = 60
INSPECTOR = Actor("inspector", Role.INSPECTOR, "Demo Inspector")
SUPERVISOR = Actor("supervisor", Role.SUPERVISOR, "Demo Supervisor")
_TO_INSPECT = (ReturnStatus.PARTIALLY_RECEIVED, ReturnStatus.RECEIVED, ReturnStatus.INSPECTING)


def add_demo_units(store: Store, policies: PolicySet) -> int:
    """Units for the newest receipts, in every state; how many were made."""
    made = _receive_and_grade(store, policies)
    stored = _put_away(store, policies)
    _weigh(store, policies, stored)
    log.info("demo units: %d, %d put away", made, len(stored))
    return made


def _receive_and_grade(store: Store, policies: PolicySet) -> int:
    made = 0
    with store.session() as s:
        newest = (select(ReturnRequest).where(ReturnRequest.received_at.is_not(None))
                  .order_by(ReturnRequest.received_at.desc(), ReturnRequest.id.desc()))
        # Some still to inspect (their units to grade), more inspected (graded, routed).
        returns = [
            *s.scalars(newest.where(ReturnRequest.status.in_(_TO_INSPECT))
                       .limit(DEMO_RETURNS_WITH_UNITS // 4)),
            *s.scalars(newest.where(ReturnRequest.status.not_in(_TO_INSPECT))
                       .limit(DEMO_RETURNS_WITH_UNITS - DEMO_RETURNS_WITH_UNITS // 4))]
        for n, ret in enumerate(returns):
            assert ret.received_at is not None
            for line in s.scalars(select(ReturnLine).where(ReturnLine.return_id == ret.id)):
                made += len(add_received_units(s, line, ret.received_at, ret.received_at))
                s.flush()
                inspection = s.scalar(select(Inspection).where(
                    Inspection.return_line_id == line.id,
                    Inspection.finished_at.is_not(None)).limit(1))
                if inspection is None or inspection.finished_at is None:
                    continue
                policy = policies.version(inspection.policy_version or policies.latest.version)
                answers = {k: Answer(v) for k, v in (inspection.checklist or {}).items()}
                proposal = policy.proposed_grade(answers, ret.reason_category).grade
                grade, reason = proposal, ""
                if n % 9 == 4 and proposal != policy.floor.grading.grades[-1].id:
                    # The inspector saw more than the checklist says: one grade lower.
                    grades = [g.id for g in policy.floor.grading.grades]
                    grade = grades[grades.index(proposal) + 1]
                    reason = "deep scratches on the top, not on the checklist"
                inspector = Actor(inspection.inspector, Role.INSPECTOR)
                grade_units(s, policy, line, inspection, inspector, grade, reason,
                            inspection.finished_at)
                inspection.grade = grade
                inspection.grade_reason = reason or None
    return made


def _put_away(store: Store, policies: PolicySet) -> list[tuple[str, datetime]]:
    """Two in three graded units put away an hour after grading, while their zone has
    room; every fourth of those moved on a day later; the first sent to donation by a
    supervisor. The LPNs put away, with when (one transaction: one write to the disk)."""
    stored: list[tuple[str, datetime]] = []
    with store.session() as s:
        graded = [(u.code, u.graded_at) for u in s.scalars(
            select(Unit).where(Unit.state == UnitState.TO_PUT_AWAY)
            .order_by(Unit.graded_at, Unit.id))]
        for n, (code, graded_at) in enumerate(graded):
            if n % 3 == 2 or graded_at is None:
                continue
            at = graded_at + timedelta(hours=1)
            plan = plan_of(s, policies, code)
            if plan.suggested_bin is None:
                continue
            move_unit(s, policies, INSPECTOR, code, plan.suggested_bin, at)
            s.flush()
            stored.append((code, at))
            if len(stored) % 4 == 0:
                zone = policies.latest.floor.layout.zone(plan.row.zone or "")
                for other in (zone.bins if zone else ())[::-1]:
                    try:
                        move_unit(s, policies, INSPECTOR, code, other, at + timedelta(days=1))
                    except ValidationError:
                        continue
                    s.flush()
                    break
        if stored:
            code, at = stored[0]
            set_unit_disposition(s, policies, SUPERVISOR, code, Disposition.DONATE,
                                 "a charity collects this week; the restock shelves are full",
                                 at + timedelta(hours=2))
    return stored


def _weigh(store: Store, policies: PolicySet, stored: list[tuple[str, datetime]]) -> None:
    """Most weighed as the catalogue says; every fifth far off: a possible swap, the first
    of those already checked by a supervisor."""
    swaps = 0
    with store.session() as s:
        for n, (code, at) in enumerate(stored[:24]):
            unit = s.scalars(select(Unit).where(Unit.code == code)).one()
            line = s.get_one(ReturnLine, unit.return_line_id)
            piece = s.get_one(OrderLine, line.order_line_id).piece_weight_g
            if not piece:
                continue
            share = Decimal(piece * line.quantity) / max(1, line.cartons_expected) / 1000
            swap = n % 5 == 3
            weighed = (share * Decimal("0.4") if swap else share * Decimal("1.02")).quantize(
                Decimal("0.1"))
            weigh_unit(s, policies, INSPECTOR, code, max(weighed, Decimal("0.5")), at)
            s.flush()
            if swap:
                swaps += 1
                if swaps == 1:
                    clear_flags(s, SUPERVISOR, line.return_id,
                                "opened the carton: the right piece, its base packed apart",
                                at + timedelta(hours=1))
