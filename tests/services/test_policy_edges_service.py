"""Issue 11 through the services and a real database: one label, one deduction on every
paper and screen; the receipt's "invoice enclosed: no"; the T1 question; N/A refused."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest

from livenon_desk.cli import main
from livenon_desk.domain.enums import (
    Answer,
    Decision,
    LabelType,
    ReasonCode,
    ReturnStatus,
)
from livenon_desk.domain.policy import default_policies
from livenon_desk.errors import ValidationError
from livenon_desk.models import AuditEvent, ReturnLine, ReturnRequest
from livenon_desk.services.document_kinds import DocumentKind
from livenon_desk.services.document_service import DocumentService
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import ALL_YES, NOW, Built, LineSpec, add_return, confirmed
from tests.documents.pdf_reading import text
from tests.services.conftest import INSPECTOR

YES = {k: Answer(v) for k, v in ALL_YES.items()}


def _two_line_personal_return(store: Store, inspections: InspectionService,
                              finish: bool = True) -> Built:
    """600 + 400 on one pre-paid label that cost 150.00: the issue's own example."""
    built = add_return(
        store, status=ReturnStatus.RECEIVED, received_at=NOW, reason=ReasonCode.CHANGED_MIND,
        label_type=LabelType.PREPAID, label_cost_cents=15_000,
        lines=[LineSpec(sku="LVN-SOF-0001", unit_price_cents=60_000),
               LineSpec(sku="LVN-CHR-0002", unit_price_cents=40_000)])
    if finish:
        for line_id in _lines(store, built):
            sheet = inspections.open_sheet(INSPECTOR, line_id)
            inspections.finish(INSPECTOR, sheet.inspection_id,
                               confirmed(sheet, YES))
    return built


def _lines(store: Store, built: Built) -> list[int]:
    with store.read_session() as s:
        return [ln.id for ln in s.query(ReturnLine).filter_by(return_id=built.return_id)
                .order_by(ReturnLine.id)]


def test_one_label_is_deducted_once_for_the_return_on_screen(
    store: Store, inspections: InspectionService
) -> None:
    built = _two_line_personal_return(store, inspections)
    detail = ReturnsService(store, default_policies(), clock=lambda: NOW).detail(
        built.return_id)
    first, second = detail.lines
    assert first.refund is not None and second.refund is not None
    assert [d.amount for d in first.refund.deductions] == [Decimal("90.00")]
    assert [d.amount for d in second.refund.deductions] == [Decimal("60.00")]
    assert (first.refund.amount, second.refund.amount) == (Decimal("510.00"), Decimal("340.00"))
    assert [d.return_amount for d in first.refund.return_deductions] == [Decimal("150.00")]
    assert "share by price of 150.00 for the return" in first.refund.explanation_en
    assert "整单 150.00 按价格分摊" in first.refund.explanation_zh
    assert detail.refund is not None
    assert [(d.rule_id, d.amount) for d in detail.refund.deductions] == [("P7", Decimal("150.00"))]
    assert (detail.refund.price_paid, detail.refund.amount) == (Decimal("1000.00"),
                                                                Decimal("850.00"))


def test_the_inspection_preview_takes_its_share_beside_the_lines_already_passed(
    store: Store, inspections: InspectionService
) -> None:
    built = _two_line_personal_return(store, inspections, finish=False)
    first_id, second_id = _lines(store, built)
    first = inspections.open_sheet(INSPECTOR, first_id)
    alone = inspections.preview(first, confirmed(first, YES), 0)
    assert alone.refund is not None
    assert [d.amount for d in alone.refund.deductions] == [Decimal("150.00")]
    inspections.finish(INSPECTOR, first.inspection_id, confirmed(first, YES))
    second = inspections.open_sheet(INSPECTOR, second_id)
    shared = inspections.preview(second, confirmed(second, YES), 0)
    assert shared.refund is not None
    assert [d.amount for d in shared.refund.deductions] == [Decimal("60.00")]


def test_the_credit_note_and_the_report_show_one_deduction(
    store: Store, inspections: InspectionService, photos: PhotoFiles
) -> None:
    built = _two_line_personal_return(store, inspections)
    documents = DocumentService(store, default_policies(), photos, clock=lambda: NOW)
    note = text(documents.render(INSPECTOR, DocumentKind.CREDIT_NOTE, built.rma_number).pdf)
    # One deduction row; the words under it name the label's cost once more (P7).
    assert note.count("− 150.00") == 1
    assert "the cost of Livenon's pre-paid return label, USD 150.00, is deducted" in " ".join(
        note.split())
    assert "90.00" not in note and "60.00" not in note
    assert "850.00" in note
    report = text(documents.render(INSPECTOR, DocumentKind.INSPECTION_REPORT,
                                   built.rma_number).pdf)
    assert "90.00" in report and "60.00" in report
    assert "510.00" in report and "340.00" in report


def test_the_central_copy_carries_the_returns_refund_once(
    store: Store, inspections: InspectionService
) -> None:
    built = _two_line_personal_return(store, inspections)
    with store.read_session() as s:
        events = [e for e in s.query(AuditEvent).order_by(AuditEvent.id)
                  if e.action == "refund_recommended"]
    assert len(events) == 1
    assert events[0].after is not None
    refund = events[0].after["refund"]
    assert refund["rma"] == built.rma_number
    assert refund["deductions"] == [{"rule_id": "P7", "amount": "150.00"}]
    assert [ln["deduction"] for ln in refund["lines"]] == ["90.00", "60.00"]
    assert refund["amount"] == "850.00"


def test_the_receipts_missing_invoice_answers_and_flags_the_item(
    store: Store, inspections: InspectionService
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       reason=ReasonCode.CHANGED_MIND)
    with store.session() as s:
        ret = s.get_one(ReturnRequest, built.return_id)
        ret.invoice_enclosed = False
        ret.return_form_enclosed = True
    [line_id] = _lines(store, built)
    sheet = inspections.open_sheet(INSPECTOR, line_id)
    assert sheet.draft.answers == {"invoice": Answer.NO}
    invoice = next(q for q in sheet.questions if q.item_id == "invoice")
    assert invoice.receipt_note is not None
    assert invoice.receipt_note.text() == "The receipt found no invoice in the parcel."
    assert invoice.receipt_note.text("zh") == "收货时包裹内未见发票。"
    form = next(q for q in sheet.questions if q.item_id == "return_form")
    assert form.receipt_note is None
    preview = inspections.preview(sheet, sheet.draft, 0)
    e5 = next(r for r in preview.evaluation.rules if r.rule_id == "E5")
    assert e5.outcome.value == "fail"
    assert "invoice intact" in e5.reason_en


def test_a_quality_return_is_asked_whether_the_damage_matches(
    store: Store, inspections: InspectionService
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       reason=ReasonCode.DAMAGED_IN_TRANSIT)
    [line_id] = _lines(store, built)
    sheet = inspections.open_sheet(INSPECTOR, line_id)
    matches = next(q for q in sheet.questions if q.item_id == "damage_matches_report")
    assert matches.photo_required_on_yes and matches.rule_id == "E4"
    damaged = confirmed(sheet, {**YES, "undamaged": Answer.NO})
    with pytest.raises(ValidationError, match="photo"):
        inspections.finish(INSPECTOR, sheet.inspection_id, damaged)
    personal = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                          reason=ReasonCode.SIZE_MISMATCH)
    [personal_line] = _lines(store, personal)
    asked = {q.item_id for q in inspections.open_sheet(INSPECTOR, personal_line).questions}
    assert "damage_matches_report" not in asked


def test_na_where_the_policy_allows_none_cannot_be_finished(
    store: Store, inspections: InspectionService
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       reason=ReasonCode.CHANGED_MIND)
    [line_id] = _lines(store, built)
    sheet = inspections.open_sheet(INSPECTOR, line_id)
    assert [q.item_id for q in sheet.questions if q.na_allowed] == ["accessories"]
    draft = confirmed(sheet, {**YES, "unassembled": Answer.NOT_APPLICABLE})
    with pytest.raises(ValidationError, match="N/A is not an answer") as caught:
        inspections.finish(INSPECTOR, sheet.inspection_id, draft)
    assert "不适用" in caught.value.message_zh
    allowed = confirmed(sheet, {**YES, "accessories": Answer.NOT_APPLICABLE})
    result = inspections.finish(INSPECTOR, sheet.inspection_id, allowed)
    assert result.evaluation.decision is Decision.ELIGIBLE


def test_an_na_from_an_old_record_is_review_on_screen(store: Store) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       reason=ReasonCode.CHANGED_MIND,
                       checklist=dict.fromkeys(ALL_YES, "n/a"))
    detail = ReturnsService(store, default_policies(), clock=lambda: NOW).detail(
        built.return_id)
    assert detail.lines[0].decision is Decision.NEEDS_REVIEW
    assert detail.lines[0].refund is None


def test_explain_prints_one_deduction_for_the_return(
    store: Store, inspections: InspectionService, capsys: pytest.CaptureFixture[str]
) -> None:
    built = _two_line_personal_return(store, inspections)
    assert main(["explain", built.rma_number, "--db", str(store.path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    shares = [(Decimal(d["amount"]), Decimal(d["return_amount"]))
              for line in data["lines"] for d in line["refund"]["deductions"]
              if d["rule_id"] == "P7"]
    assert shares == [(Decimal("90.00"), Decimal("150.00")), (Decimal("60.00"), Decimal("150.00"))]
    (whole,) = data["refund"]["deductions"]
    # Words stay words in both languages: a rule's reason as a deduction's label.
    rule = data["lines"][0]["rules"][0]
    assert isinstance(rule["reason_en"], str) and isinstance(rule["reason_zh"], str)
    assert "reason" not in rule
    assert (whole["rule_id"], whole["label_en"], whole["label_zh"], whole["amount"],
            whole["return_amount"]) == (
        "P7", "return shipping label", "退货运费（预付标签）", "150.00", None)
    assert data["refund"]["amount"] == "850.00"
    for language, words in (("en", "refund of the return: 1,000.00 − 150.00"),
                            ("zh", "退货退款：1,000.00 − 150.00")):
        assert main(["explain", built.rma_number, "--db", str(store.path),
                     "--lang", language]) == 0
        out = capsys.readouterr().out
        assert words in out
        assert out.count("150.00") == 3  # the return's line, and each line's share note


def test_a_second_return_of_the_same_order_line_may_claim_only_what_is_left(
    store: Store,
) -> None:
    first = add_return(store, reason=ReasonCode.CHANGED_MIND, checklist=ALL_YES,
                       applied_at=NOW - timedelta(days=12),
                       lines=[LineSpec(quantity=2, unit_price_cents=50_000)])
    with store.session() as s:
        earlier = s.get_one(ReturnRequest, first.return_id)
        line = s.query(ReturnLine).filter_by(return_id=first.return_id).one()
        line.quantity = 1  # the first return took one of the two chairs
        later = ReturnRequest(
            rma_number="RMA-2026-990001", order_id=earlier.order_id,
            status=ReturnStatus.APPLIED, reason_code=ReasonCode.CHANGED_MIND,
            reason_category=ReasonCode.CHANGED_MIND.category, channel=earlier.channel,
            applied_at=NOW - timedelta(days=2), label_type=LabelType.OWN_COURIER,
            updated_at=NOW)
        s.add(later)
        s.flush()
        s.add(ReturnLine(return_id=later.id, order_line_id=line.order_line_id, quantity=2,
                         tag_code="TAG-990001-1", cartons_expected=1, cartons_received=0))
        s.add(ReturnLine(return_id=later.id, order_line_id=line.order_line_id, quantity=0,
                         tag_code="TAG-990001-2", cartons_expected=1, cartons_received=0))
        later_id = later.id
    service = ReturnsService(store, default_policies(), clock=lambda: NOW)
    assert service.detail(first.return_id).lines[0].decision is Decision.ELIGIBLE
    over, none = service.detail(later_id).lines
    for line_view, words in ((over, "at most 1 can come back"), (none, "claims 0 pieces")):
        p1 = next(r for r in line_view.rules if r.rule_id == "P1")
        assert p1.outcome.value == "review"
        assert words in p1.reason_en and "需主管审核" in p1.reason_zh
        assert line_view.decision is not Decision.ELIGIBLE and line_view.refund is None
    assert over.quantity == 2 and none.quantity == 0  # kept as claimed, never made 1
