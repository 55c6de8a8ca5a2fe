from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from livenon_desk.domain.enums import Answer, Decision, ReasonCode, ReturnStatus
from livenon_desk.errors import (
    PermissionDeniedError,
    RestrictedError,
    ValidationError,
)
from livenon_desk.models import Inspection, ReturnLine, ReturnRequest
from livenon_desk.services.inspection_dto import DraftInput
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.store.database import Store
from tests.builders import ALL_YES, NOW, LineSpec, add_return, confirmed
from tests.images import write_png
from tests.services.conftest import INSPECTOR, SUPERVISOR


def _received(store: Store, **spec: Any) -> tuple[int, list[int]]:
    # A personal reason unless told: a quality return (T1) accepts the damage it reports.
    spec.setdefault("reason", ReasonCode.CHANGED_MIND)
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW, **spec)
    with store.read_session() as s:
        lines = [ln.id for ln in s.query(ReturnLine).filter_by(return_id=built.return_id)
                 .order_by(ReturnLine.id)]
    return built.return_id, lines


def _answers(**changes: str) -> dict[str, Answer]:
    values = dict(ALL_YES, **changes)
    return {k: Answer(v) for k, v in values.items()}


def test_opening_begins_an_inspection_and_resuming_keeps_the_draft(
    store: Store, inspections: InspectionService
) -> None:
    return_id, [line] = _received(store)
    sheet = inspections.open_sheet(INSPECTOR, line)
    assert sheet.draft.answers == {}
    assert [q.rule_id for q in sheet.questions][:3] == ["E1", "E3", "E4"]
    with store.read_session() as s:
        assert s.get_one(ReturnRequest, return_id).status is ReturnStatus.INSPECTING
    draft = DraftInput({"undamaged": Answer.NO}, "scratch on the left arm", "C")
    inspections.save_draft(INSPECTOR, sheet.inspection_id, draft)
    again = inspections.open_sheet(INSPECTOR, line)
    assert again.inspection_id == sheet.inspection_id
    assert again.draft == draft


def test_the_preview_follows_the_answers_rule_by_rule(
    store: Store, inspections: InspectionService
) -> None:
    _, [line] = _received(store, reason=ReasonCode.CHANGED_MIND)
    sheet = inspections.open_sheet(INSPECTOR, line)
    pending = inspections.preview(sheet, DraftInput({}), 0)
    assert pending.evaluation.decision is Decision.PENDING
    assert pending.refund is None
    ok = inspections.preview(sheet, confirmed(sheet, _answers()), 0)
    assert ok.evaluation.decision is Decision.ELIGIBLE
    assert ok.problems == ()
    assert ok.refund is not None
    assert ok.refund.price_paid == Decimal("1299.00")
    assert ok.refund.amount == Decimal("1169.10")  # T2: 10 % estimated, domestic
    damaged = inspections.preview(sheet, DraftInput(_answers(undamaged="no")), 0)
    assert damaged.evaluation.decision is Decision.NOT_ELIGIBLE
    outcomes = {r.rule_id: r.outcome.value for r in damaged.evaluation.rules}
    assert (outcomes["E4"], outcomes["X3"]) == ("fail", "fail")
    assert any("photo" in p.text() for p in damaged.problems)


def test_finishing_records_the_decision_and_closes_the_return_when_all_lines_are_done(
    store: Store, inspections: InspectionService, tmp_path: Path
) -> None:
    return_id, lines = _received(store, lines=[LineSpec(), LineSpec(sku="LVN-CHR-0002")])
    first = inspections.open_sheet(INSPECTOR, lines[0])
    with pytest.raises(ValidationError, match="photo"):
        inspections.finish(INSPECTOR, first.inspection_id,
                           confirmed(first, _answers(undamaged="no")))
    inspections.attach_photo(INSPECTOR, first.inspection_id, write_png(tmp_path / "arm.png"))
    result = inspections.finish(INSPECTOR, first.inspection_id,
                                confirmed(first, _answers(undamaged="no")))
    assert result.evaluation.decision is Decision.NOT_ELIGIBLE
    with store.read_session() as s:
        assert s.get_one(ReturnRequest, return_id).status is ReturnStatus.INSPECTING
        row = s.get_one(Inspection, first.inspection_id)
        assert row.policy_version == "2025.1"
        assert {r["rule_id"] for r in row.rule_results} >= {"E1", "E2", "E4", "X3"}
    second = inspections.open_sheet(INSPECTOR, lines[1])
    inspections.finish(INSPECTOR, second.inspection_id,
                       confirmed(second, _answers()))
    with store.read_session() as s:
        assert s.get_one(ReturnRequest, return_id).status is ReturnStatus.INSPECTED
    done = inspections.open_sheet(INSPECTOR, lines[0])
    assert done.read_only and done.decision is Decision.NOT_ELIGIBLE
    with pytest.raises(ValidationError, match="finished"):
        inspections.save_draft(INSPECTOR, done.inspection_id, DraftInput({}))


def test_an_incomplete_inspection_says_everything_that_is_missing(
    store: Store, inspections: InspectionService
) -> None:
    _, [line] = _received(store)
    sheet = inspections.open_sheet(INSPECTOR, line)
    with pytest.raises(ValidationError) as caught:
        inspections.finish(INSPECTOR, sheet.inspection_id, DraftInput({}))
    assert "8 open" in caught.value.message
    assert "Choose the grade" in caught.value.message
    assert "检验项" in caught.value.message_zh


def test_a_supervisor_overrides_with_a_reason_and_both_decisions_stay(
    store: Store, inspections: InspectionService, tmp_path: Path
) -> None:
    _, [line] = _received(store)
    sheet = inspections.open_sheet(INSPECTOR, line)
    inspections.attach_photo(INSPECTOR, sheet.inspection_id, write_png(tmp_path / "a.png"))
    inspections.finish(INSPECTOR, sheet.inspection_id,
                       confirmed(sheet, _answers(undamaged="no")))
    with pytest.raises(PermissionDeniedError):
        inspections.override(INSPECTOR, sheet.inspection_id, "long-standing customer, goodwill")
    with pytest.raises(ValidationError, match="10 characters"):
        inspections.override(SUPERVISOR, sheet.inspection_id, "ok")
    view = inspections.override(SUPERVISOR, sheet.inspection_id,
                                "long-standing customer, goodwill")
    assert (view.decision, view.by) == (Decision.ELIGIBLE, "jrivera")
    with store.read_session() as s:
        row = s.get_one(Inspection, sheet.inspection_id)
        assert (row.decision, row.override_decision) == (Decision.NOT_ELIGIBLE, Decision.ELIGIBLE)
    reopened = inspections.open_sheet(SUPERVISOR, line)
    assert reopened.override is not None
    preview = inspections.preview(reopened, reopened.draft, len(reopened.photos))
    assert preview.refund is not None
    with pytest.raises(ValidationError, match="already approved"):
        inspections.override(SUPERVISOR, sheet.inspection_id, "second time for no reason")


def test_an_eligible_decision_cannot_be_overridden(
    store: Store, inspections: InspectionService
) -> None:
    _, [line] = _received(store)
    sheet = inspections.open_sheet(INSPECTOR, line)
    inspections.finish(INSPECTOR, sheet.inspection_id,
                       confirmed(sheet, _answers()))
    with pytest.raises(ValidationError, match="Only a finished inspection"):
        inspections.override(SUPERVISOR, sheet.inspection_id, "nothing to override here")


def test_the_detail_shows_the_override_decision(
    store: Store, inspections: InspectionService
) -> None:
    from livenon_desk.domain.policy import default_policies

    return_id, [line] = _received(store)
    sheet = inspections.open_sheet(INSPECTOR, line)
    inspections.finish(INSPECTOR, sheet.inspection_id,
                       confirmed(sheet, _answers(return_form="no")))
    inspections.override(SUPERVISOR, sheet.inspection_id, "form arrived by email later")
    detail = ReturnsService(store, default_policies(), clock=lambda: NOW).detail(return_id)
    assert detail.lines[0].decision is Decision.ELIGIBLE
    assert detail.lines[0].refund is not None


def test_a_partially_received_return_cannot_be_inspected(
    store: Store, inspections: InspectionService
) -> None:
    built = add_return(store, status=ReturnStatus.PARTIALLY_RECEIVED, received_at=NOW)
    with store.session() as s:
        line = s.query(ReturnLine).filter_by(return_id=built.return_id).one()
        line.cartons_received = 1
        line_id = line.id
    with pytest.raises(ValidationError, match=r"1/2.*close the receipt short"):
        inspections.open_sheet(INSPECTOR, line_id)


def test_a_parcel_not_yet_received_cannot_be_inspected(
    store: Store, inspections: InspectionService
) -> None:
    built = add_return(store)
    with store.read_session() as s:
        line_id = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
    with pytest.raises(ValidationError, match="only a received return"):
        inspections.open_sheet(INSPECTOR, line_id)


def test_a_restricted_return_cannot_be_inspected(
    store: Store, inspections: InspectionService
) -> None:
    _, [line] = _received(store, restricted=True, restricted_reason="legal hold")
    with pytest.raises(RestrictedError, match="legal hold"):
        inspections.open_sheet(INSPECTOR, line)


def test_photos_are_stored_once_by_content_and_removed_with_their_last_use(
    store: Store, inspections: InspectionService, tmp_path: Path
) -> None:
    _, [line] = _received(store)
    sheet = inspections.open_sheet(INSPECTOR, line)
    source = write_png(tmp_path / "scratch.png")
    copy = write_png(tmp_path / "same-again.png")
    a = inspections.attach_photo(INSPECTOR, sheet.inspection_id, source)
    b = inspections.attach_photo(INSPECTOR, sheet.inspection_id, copy)
    assert a.sha256 == b.sha256 and a.path == b.path
    assert a.path.name == f"{a.sha256}.png"
    inspections.remove_photo(INSPECTOR, a.photo_id)
    assert b.path.exists()
    inspections.remove_photo(INSPECTOR, b.photo_id)
    assert not b.path.exists()
    assert inspections.open_sheet(INSPECTOR, line).photos == ()
