"""Issue 17: a work order per repair of a unit routed to refurbish: what to fix, parts and
minutes logged, the outcome; on completion the unit is graded anew and routed again."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from livenon_desk.domain.enums import Disposition, RepairOutcome, UnitState, WorkOrderState
from livenon_desk.domain.policy import default_policies
from livenon_desk.errors import NotFoundError, ValidationError
from livenon_desk.models import AuditEvent
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.services.refurbish_service import RefurbishService
from livenon_desk.services.unit_service import UnitService
from livenon_desk.store.database import Store
from tests.builders import NOW
from tests.services.conftest import INSPECTOR
from tests.services.test_unit_service import _graded_a, _inspect, _receive


@pytest.fixture
def refurbish(store: Store) -> RefurbishService:
    return RefurbishService(store, default_policies(), clock=lambda: NOW)


@pytest.fixture
def units(store: Store) -> UnitService:
    return UnitService(store, default_policies(), clock=lambda: NOW)


def _to_refurbish(store: Store, receiving: ReceivingService,
                  inspections: InspectionService) -> str:
    """A sofa of 1,299 USD graded C for a personal reason: refurbished (R7)."""
    _, line_id, tags = _receive(store, receiving)
    _inspect(inspections, line_id, "C", "the frame is cracked under the seat")
    return f"{tags[0]}-U1"


def test_a_repair_opens_logs_its_work_and_on_completion_regrades_and_reroutes_the_unit(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        refurbish: RefurbishService, units: UnitService) -> None:
    code = _to_refurbish(store, receiving, inspections)
    assert units.unit(INSPECTOR, code).row.disposition is Disposition.REFURBISH
    scan = refurbish.scan(INSPECTOR, code.lower())
    assert (scan.unit.code, scan.open_order, scan.earlier) == (code, None, ())

    opened = refurbish.open(INSPECTOR, code, "  cracked rear rail, loose left arm ")
    assert (opened.state, opened.fault, opened.parts, opened.minutes, opened.opened_by) == (
        WorkOrderState.OPEN, "cracked rear rail, loose left arm", (), 0, "mchen")
    assert [o.unit.code for o in refurbish.in_refurbishment(INSPECTOR)] == [code]
    assert refurbish.count_open(INSPECTOR) == 1

    refurbish.log_work(INSPECTOR, code, ["rear rail 80 cm", " ", "4 wood screws"], 35)
    logged = refurbish.log_work(INSPECTOR, code, [], 20)
    assert (logged.parts, logged.minutes) == (("rear rail 80 cm", "4 wood screws"), 55)

    done = refurbish.complete(INSPECTOR, code, RepairOutcome.REPAIRED, "A",
                              "rail replaced, arm glued and clamped")
    assert (done.state, done.outcome, done.grade, done.closed_by) == (
        WorkOrderState.DONE, RepairOutcome.REPAIRED, "A", "mchen")
    # Graded anew and routed again by the policy's rules: an A is restocked (R3).
    assert (done.unit.grade, done.unit.disposition, done.unit.route_rule, done.unit.state) == (
        "A", Disposition.RESTOCK, "R3", UnitState.TO_PUT_AWAY)
    detail = units.unit(INSPECTOR, code)
    assert detail.grade_reason == "rail replaced, arm glued and clamped"
    assert refurbish.in_refurbishment(INSPECTOR) == []
    again = refurbish.scan(INSPECTOR, code)
    assert again.open_order is None
    assert [o.order_id for o in again.earlier] == [done.order_id]
    with store.read_session() as s:
        actions = list(s.scalars(select(AuditEvent.action).where(
            AuditEvent.entity_kind == "work_order").order_by(AuditEvent.id)))
    assert actions == ["work_order_opened", "work_order_logged", "work_order_logged",
                       "work_order_done"]


def test_only_a_unit_routed_to_refurbish_gets_one_open_work_order(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        refurbish: RefurbishService) -> None:
    restocked, _tags = _graded_a(store, receiving, inspections)
    with pytest.raises(ValidationError, match="not routed to refurbish"):
        refurbish.open(INSPECTOR, restocked, "scratched top")
    code = _to_refurbish(store, receiving, inspections)
    with pytest.raises(ValidationError, match="at least 5"):
        refurbish.open(INSPECTOR, code, "leg")
    with pytest.raises(NotFoundError, match="no open work order"):
        refurbish.log_work(INSPECTOR, code, ["glue"], 5)
    refurbish.open(INSPECTOR, code, "wobbly back leg")
    with pytest.raises(ValidationError, match="already has an open work order"):
        refurbish.open(INSPECTOR, code, "wobbly back leg")
    with pytest.raises(NotFoundError, match="No unit has the code"):
        refurbish.open(INSPECTOR, "TAG-NOPE-U1", "wobbly back leg")


def test_work_logged_is_something_and_a_days_minutes_at_most(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        refurbish: RefurbishService) -> None:
    code = _to_refurbish(store, receiving, inspections)
    refurbish.open(INSPECTOR, code, "wobbly back leg")
    with pytest.raises(ValidationError, match="Name a part used or the minutes"):
        refurbish.log_work(INSPECTOR, code, ["  "], 0)
    with pytest.raises(ValidationError, match="from 0 to 1440"):
        refurbish.log_work(INSPECTOR, code, [], 14400)
    with pytest.raises(ValidationError, match="from 0 to 1440"):
        refurbish.log_work(INSPECTOR, code, ["glue"], -5)


def test_a_repair_beyond_repair_regrades_the_unit_down_and_a_grade_must_be_known(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        refurbish: RefurbishService, units: UnitService) -> None:
    code = _to_refurbish(store, receiving, inspections)
    refurbish.open(INSPECTOR, code, "split seat frame")
    with pytest.raises(ValidationError, match="at least 10"):
        refurbish.complete(INSPECTOR, code, RepairOutcome.BEYOND_REPAIR, "D", "no")
    with pytest.raises(ValidationError, match="no grade Q"):
        refurbish.complete(INSPECTOR, code, RepairOutcome.BEYOND_REPAIR, "Q",
                           "frame split along the grain")
    # Refused in one transaction: the order is still open, the unit as it was.
    assert refurbish.scan(INSPECTOR, code).open_order is not None
    assert units.unit(INSPECTOR, code).row.grade == "C"
    done = refurbish.complete(INSPECTOR, code, RepairOutcome.BEYOND_REPAIR, "D",
                              "frame split along the grain")
    assert (done.outcome, done.unit.grade, done.unit.disposition, done.unit.route_rule) == (
        RepairOutcome.BEYOND_REPAIR, "D", Disposition.DONATE, "R9")
