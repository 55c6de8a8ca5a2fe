"""Issue 17: a unit per received carton, graded and routed by the policy's rules, put away
by scanning unit then bin, every move kept; a supervisor's disposition is audited."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from livenon_desk.domain.enums import (
    Answer,
    Disposition,
    ParcelCondition,
    ReasonCode,
    ReturnStatus,
    UnitState,
)
from livenon_desk.domain.policy import default_policies
from livenon_desk.errors import NotFoundError, PermissionDeniedError, ValidationError
from livenon_desk.models import AuditEvent, Inspection, ReturnLine, ReturnRequest, Unit
from livenon_desk.services.document_kinds import DocumentKind
from livenon_desk.services.document_service import DocumentService
from livenon_desk.services.inspection_dto import DraftInput
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.receiving_dto import ReceiptInput
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.services.unit_service import UnitService
from livenon_desk.services.work_queue_service import WorkQueueService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import ALL_YES, NOW, LineSpec, add_return
from tests.documents.pdf_reading import squashed_pages
from tests.services.conftest import INSPECTOR, SUPERVISOR

POLICY = default_policies().latest


@pytest.fixture
def units(store: Store) -> UnitService:
    return UnitService(store, default_policies(), clock=lambda: NOW)


def _receive(store: Store, receiving: ReceivingService, cartons: int | None = None,
             **spec: Any) -> tuple[int, int, tuple[str, ...]]:
    spec.setdefault("reason", ReasonCode.CHANGED_MIND)
    built = add_return(store, **spec)
    with store.read_session() as s:
        line = s.scalars(select(ReturnLine).where(ReturnLine.return_id == built.return_id)).one()
        counted = line.cartons_expected if cartons is None else cartons
    receiving.receive(INSPECTOR, built.return_id, ReceiptInput(
        received_at=NOW - timedelta(minutes=5), carrier="UPS", tracking_number="1Z1",
        parcel_condition=ParcelCondition.INTACT, invoice_enclosed=True,
        return_form_enclosed=True, returned_goods_marked=None, cartons={line.id: counted},
        scanned={line.id: counted}))
    return built.return_id, line.id, built.tag_codes


def _inspect(inspections: InspectionService, line_id: int, grade: str, reason: str = "",
             **answers: str) -> None:
    """Finish the line's inspection with these answers (else all yes) and this grade."""
    sheet = inspections.open_sheet(INSPECTOR, line_id)
    values = {k: Answer(v) for k, v in dict(ALL_YES, **answers).items()
              if k in {q.item_id for q in sheet.questions}}
    inspections.finish(INSPECTOR, sheet.inspection_id, DraftInput(values, "", grade, reason))


def _graded_a(store: Store, receiving: ReceivingService, inspections: InspectionService
              ) -> tuple[str, tuple[str, ...]]:
    """A received sofa graded A (restock): its first carton's LPN and the line's tags."""
    _, line_id, tags = _receive(store, receiving)
    _inspect(inspections, line_id, "A")
    return f"{tags[0]}-U1", tags


def test_each_carton_received_is_a_unit_named_by_its_tag_and_carton(
        store: Store, receiving: ReceivingService, units: UnitService) -> None:
    return_id, _, tags = _receive(store, receiving, cartons=1, status=ReturnStatus.IN_TRANSIT,
                                  lines=[LineSpec(cartons=3)])
    assert [u.row.code for u in units.units_of_return(INSPECTOR, return_id)] == [
        f"{tags[0]}-U1"]
    receiving.count_carton(INSPECTOR, tags[0])
    receiving.count_carton(INSPECTOR, f"{tags[0]}-u3".lower())  # a carton's LPN counts too
    found = units.units_of_return(INSPECTOR, return_id)
    assert [(u.row.code, u.row.carton_index, u.row.carton_count) for u in found] == [
        (f"{tags[0]}-U{n}", n, 3) for n in (1, 2, 3)]
    assert {u.row.state for u in found} == {UnitState.TO_GRADE}
    assert units.count(INSPECTOR, UnitState.TO_GRADE) == 3


def test_grading_routes_each_unit_with_the_rule_that_chose_it(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        units: UnitService) -> None:
    _, line_id, tags = _receive(store, receiving)
    _inspect(inspections, line_id, "A")
    detail = units.unit(INSPECTOR, f"{tags[0]}-u2")
    row = detail.row
    assert (row.grade, row.proposed_grade, row.disposition, row.zone, row.route_rule,
            row.state) == ("A", "A", Disposition.RESTOCK, "RESTOCK", "R3",
                           UnitState.TO_PUT_AWAY)
    assert detail.graded_by == INSPECTOR.username
    assert [r.code for r in units.units(INSPECTOR, disposition=Disposition.RESTOCK)] == [
        f"{tags[0]}-U1", f"{tags[0]}-U2"]
    assert units.units(INSPECTOR, disposition=Disposition.REFURBISH) == []


def test_a_grade_other_than_the_proposal_needs_a_reason(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        units: UnitService) -> None:
    _, line_id, tags = _receive(store, receiving)
    with pytest.raises(ValidationError, match="Say why the grade is C, not the proposed A"):
        _inspect(inspections, line_id, "C")  # all yes: A proposed
    assert units.unit(INSPECTOR, f"{tags[0]}-U1").row.grade is None


def test_the_proposal_and_its_questions_are_kept_beside_the_confirmed_grade(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        units: UnitService) -> None:
    _, line_id, tags = _receive(store, receiving, lines=[LineSpec(unit_price_cents=90_00)])
    _inspect(inspections, line_id, "C", "the frame is cracked under the seat")
    detail = units.unit(INSPECTOR, f"{tags[0]}-U1")
    assert (detail.row.proposed_grade, detail.grade_rules, detail.row.grade) == (
        "A", (), "C")
    assert detail.grade_reason == "the frame is cracked under the seat"
    # C, personal, under 500 USD: liquidated (R8).
    assert (detail.row.disposition, detail.row.route_rule) == (Disposition.LIQUIDATE, "R8")
    with store.read_session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "unit_graded")
                          .order_by(AuditEvent.id)).first()
        assert event is not None
        assert event.after is not None
        assert (event.after["proposed"], event.detail) == (
            "A", "the frame is cracked under the seat")


def test_put_away_refuses_the_wrong_zone_and_a_full_bin_and_keeps_every_move(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        units: UnitService) -> None:
    code, tags = _graded_a(store, receiving, inspections)
    with pytest.raises(ValidationError, match="goes to Restock shelves: put it in RS-01"):
        units.move(INSPECTOR, code, "rf-01")
    done = units.move(INSPECTOR, code, "rs-01")
    assert (done.from_bin, done.to_bin, done.state) == (None, "RS-01", UnitState.STORED)
    with pytest.raises(ValidationError, match="already in bin RS-01"):
        units.move(INSPECTOR, code, "RS-01")
    units.move(INSPECTOR, code, "RS-03")
    moves = units.unit(INSPECTOR, code).moves
    assert [(m.from_bin, m.to_bin, m.moved_by) for m in moves] == [
        (None, "RS-01", "mchen"), ("RS-01", "RS-03", "mchen")]
    zone = POLICY.floor.layout.zone("RESTOCK")
    assert zone is not None
    with store.session() as s:
        other = s.scalars(select(Unit).where(Unit.code == f"{tags[0]}-U2")).one()
        other_id = other.id
    _fill(store, "RS-05", zone.capacity, other_id)
    with pytest.raises(ValidationError, match="Bin RS-05 is full"):
        units.move(INSPECTOR, code, "RS-05")


def _fill(store: Store, bin_code: str, count: int, like_unit: int) -> None:
    """``count`` more units in ``bin_code``, copies of one unit's line."""
    with store.session() as s:
        model = s.get_one(Unit, like_unit)
        for n in range(count):
            s.add(Unit(code=f"FILL-{bin_code}-{n}", return_line_id=model.return_line_id,
                       carton_index=90 + n, state=UnitState.STORED, received_at=NOW,
                       grade="A", grade_rules=[], zone=model.zone, bin_code=bin_code,
                       version=1, updated_at=NOW))


def test_an_ungraded_unit_cannot_be_put_away_and_an_unknown_code_is_named(
        store: Store, receiving: ReceivingService, units: UnitService) -> None:
    _, _, tags = _receive(store, receiving)
    with pytest.raises(ValidationError, match="not graded yet"):
        units.move(INSPECTOR, f"{tags[0]}-U1", "RS-01")
    with pytest.raises(NotFoundError, match="No unit has the code NOPE"):
        units.move(INSPECTOR, "nope", "RS-01")


def test_a_supervisor_sends_a_unit_elsewhere_with_a_reason_audited(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        units: UnitService) -> None:
    code, _tags = _graded_a(store, receiving, inspections)
    units.move(INSPECTOR, code, "RS-01")
    with pytest.raises(PermissionDeniedError):
        units.set_disposition(INSPECTOR, code, Disposition.DONATE, "charity drive this week")
    with pytest.raises(ValidationError, match="reason for the disposition"):
        units.set_disposition(SUPERVISOR, code, Disposition.DONATE, "no")
    row = units.set_disposition(SUPERVISOR, code, Disposition.DONATE,
                                "charity drive this week")
    # Stored in a restock bin, now routed to donation: to put away again.
    assert (row.disposition, row.zone, row.route_rule, row.state) == (
        Disposition.DONATE, "DONATE", None, UnitState.TO_PUT_AWAY)
    detail = units.unit(SUPERVISOR, code)
    assert (detail.override_by, detail.override_reason) == (
        "jrivera", "charity drive this week")
    with store.read_session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "unit_routed")).one()
        assert (event.before, event.after) == (
            {"disposition": "restock", "zone": "RESTOCK", "route_rule": "R3"},
            {"disposition": "donate", "zone": "DONATE"})


def test_regrading_after_a_repair_routes_the_unit_again(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        units: UnitService) -> None:
    code, _tags = _graded_a(store, receiving, inspections)
    row = units.regrade(INSPECTOR, code, "D", "water damage found on the base")
    assert (row.grade, row.disposition, row.route_rule) == ("D", Disposition.DONATE, "R9")
    with pytest.raises(ValidationError, match="no grade Q"):
        units.regrade(INSPECTOR, code, "Q", "water damage found on the base")


def test_a_supervisors_exception_routes_the_lines_units_anew(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        units: UnitService) -> None:
    _, line_id, tags = _receive(store, receiving)
    _inspect(inspections, line_id, "B", "", original_packaging="no")
    code = f"{tags[0]}-U1"
    assert units.unit(INSPECTOR, code).row.route_rule == "R1"  # needs review: held
    with store.read_session() as s:
        inspection_id = s.scalars(select(Inspection.id).where(
            Inspection.return_line_id == line_id)).one()
    inspections.override(SUPERVISOR, inspection_id, "packaging lost by the carrier, ok")
    row = units.unit(INSPECTOR, code).row
    assert (row.disposition, row.zone, row.route_rule) == (
        Disposition.RESTOCK, "RESTOCK", "R4")


def test_the_work_queue_counts_returns_with_units_to_grade_and_to_put_away(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        units: UnitService) -> None:
    queues = WorkQueueService(store, default_policies(), clock=lambda: NOW)

    def counts() -> tuple[int, int]:
        found = {q.key: q.count for q in queues.queues()}
        return found["to_grade"], found["to_put_away"]

    assert counts() == (0, 0)
    code, _tags = _graded_a(store, receiving, inspections)
    _receive(store, receiving)
    assert counts() == (1, 1)
    units.move(INSPECTOR, code, "RS-01")
    assert counts() == (1, 1)  # the sofa's second carton is still to put away
    units.move(INSPECTOR, code.replace("-U1", "-U2"), "RS-01")
    assert counts() == (1, 0)


def test_each_cartons_tag_shows_its_units_own_disposition_and_bin(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        units: UnitService, photos: PhotoFiles) -> None:
    code, tags = _graded_a(store, receiving, inspections)
    units.move(INSPECTOR, code, "RS-02")
    units.set_disposition(SUPERVISOR, code.replace("-U1", "-U2"), Disposition.DONATE,
                          "a charity collects sofas this week")
    with store.read_session() as s:
        rma = s.scalars(select(ReturnRequest.rma_number).join(
            ReturnLine, ReturnLine.return_id == ReturnRequest.id)
            .where(ReturnLine.tag_code == tags[0])).one()
    pdf = DocumentService(store, default_policies(), photos, clock=lambda: NOW).render(
        INSPECTOR, DocumentKind.TAG, rma).pdf
    first, second = squashed_pages(pdf)
    assert "RESTOCK" in first and "RS-02" in first
    assert "DONATE" in second and "RS-02" not in second
