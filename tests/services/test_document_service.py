"""Every document made from a real database, read back: text, barcodes, refusals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from livenon_desk.domain.enums import (
    Answer,
    Decision,
    LabelType,
    ReasonCode,
    ReturnStatus,
)
from livenon_desk.domain.policy import default_policies
from livenon_desk.errors import RestrictedError, ValidationError
from livenon_desk.models import AuditEvent, ReturnLine
from livenon_desk.services.document_kinds import DocumentKind
from livenon_desk.services.document_service import DocumentService, PrintCancelledError
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import ALL_YES, NOW, Built, LineSpec, add_return, confirmed
from tests.conftest import INSPECTOR, SUPERVISOR
from tests.documents.pdf_reading import (
    base_fonts,
    codes,
    codes_by_page,
    embedded_font_files,
    find_text,
    page_sizes,
    squashed_pages,
    text,
    text_between,
)
from tests.images import write_png


@pytest.fixture
def documents(store: Store, photos: PhotoFiles) -> DocumentService:
    return DocumentService(store, default_policies(), photos, clock=lambda: NOW)


def _inspected(store: Store, inspections: InspectionService, tmp_path: Path,
               **spec: object) -> Built:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       **spec)  # type: ignore[arg-type]
    with store.read_session() as s:
        line = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
    sheet = inspections.open_sheet(INSPECTOR, line)
    inspections.attach_photo(INSPECTOR, sheet.inspection_id, write_png(tmp_path / "a.png"))
    inspections.finish(INSPECTOR, sheet.inspection_id, confirmed(
        sheet, {k: Answer(v) for k, v in ALL_YES.items()}, "Like new"))
    return built


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_document_holds_the_record_and_its_barcode_scans(
    store: Store, documents: DocumentService, inspections: InspectionService,
    tmp_path: Path, kind: DocumentKind
) -> None:
    built = _inspected(store, inspections, tmp_path, customer_name="Emily Carter",
                       payment_last4="4242")
    document = documents.render(INSPECTOR, kind, built.rma_number.lower())
    assert document.pdf.startswith(b"%PDF")
    content = text(document.pdf).replace("\n", "")
    reference = built.order_number if kind is DocumentKind.INVOICE else built.rma_number
    assert reference in content
    assert "4111111111114242" not in content
    if kind in (DocumentKind.RETURN_FORM, DocumentKind.LABEL):
        assert built.rma_number in codes(document.pdf, "Code128")
    if kind is DocumentKind.TAG:
        assert f"{built.tag_codes[0]}-U1" in codes(document.pdf, "Code128")
    if kind.is_label_stock:  # the sofa ships in two cartons: a label and a tag each
        assert page_sizes(document.pdf) == [(288.0, 432.0)] * 2
    # A record with empty sections (no messages on file) still names no font it does not
    # embed: an empty table once fell back to Helvetica.
    assert embedded_font_files(document.pdf) == {"/FontFile2"}
    assert all("WenQuanYiMicroHei" in name for name in base_fonts(document.pdf))
    with store.read_session() as s:
        event = s.query(AuditEvent).filter_by(action="printed").one()
        assert event.after == {"document": kind.value, "language": "en"}


def test_a_chinese_customer_gets_chinese_papers(
    store: Store, documents: DocumentService, inspections: InspectionService, tmp_path: Path
) -> None:
    built = _inspected(store, inspections, tmp_path, customer_name="张伟", language="zh")
    document = documents.render(INSPECTOR, DocumentKind.RETURN_FORM, built.rma_number)
    assert "张伟" in text(document.pdf)
    english = documents.render(INSPECTOR, DocumentKind.RETURN_FORM, built.rma_number, "en")
    assert text(english.pdf) != text(document.pdf)


def test_refusals(store: Store, documents: DocumentService) -> None:
    restricted = add_return(store, restricted=True, restricted_reason="legal hold")
    with pytest.raises(RestrictedError, match="legal hold"):
        documents.render(INSPECTOR, DocumentKind.INVOICE, restricted.rma_number)
    fresh = add_return(store)
    with pytest.raises(ValidationError, match="no finished inspection"):
        documents.render(INSPECTOR, DocumentKind.INSPECTION_REPORT, fresh.rma_number)
    with pytest.raises(ValidationError, match="credit note"):
        documents.render(INSPECTOR, DocumentKind.CREDIT_NOTE, fresh.rma_number)


def test_a_batch_of_labels_skips_the_restricted_and_can_be_cancelled(
    store: Store, documents: DocumentService
) -> None:
    built = [add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
             for _ in range(3)]
    hidden = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW, restricted=True)
    seen: list[tuple[int, int]] = []
    rmas = [b.rma_number for b in built] + [hidden.rma_number]
    document = documents.batch(SUPERVISOR, DocumentKind.LABEL, rmas,
                               progress=lambda i, n: seen.append((i, n)))
    assert sorted(codes(document.pdf, "Code128")) == sorted(2 * [b.rma_number for b in built])
    assert len(page_sizes(document.pdf)) == 6  # two cartons each
    assert seen[-1] == (3, 4)
    with pytest.raises(PrintCancelledError):
        documents.batch(SUPERVISOR, DocumentKind.TAG, rmas, cancelled=lambda: True)
    assert documents.rmas_with_status(ReturnStatus.RECEIVED)[:3] == sorted(
        b.rma_number for b in built)


def test_an_evidence_package_with_nothing_on_file_embeds_every_font_it_names(
    store: Store, documents: DocumentService
) -> None:
    built = add_return(store, status=ReturnStatus.IN_TRANSIT)
    document = documents.render(INSPECTOR, DocumentKind.EVIDENCE, built.rma_number)
    assert "Photos (0)" in text(document.pdf)
    # An empty table (no photos on file) fell back to Helvetica, a font the PDF does not
    # carry, against the promise that every document prints with its own font.
    assert embedded_font_files(document.pdf) == {"/FontFile2"}
    assert all("WenQuanYiMicroHei" in name for name in base_fonts(document.pdf))


def _under(pdf: bytes, caption: str, depth: float = 24) -> set[str]:
    """What is printed in the ``depth`` points under ``caption``, on each label."""
    return {text_between(pdf, page, bottom, bottom - depth)
            for page, _, bottom in find_text(pdf, caption)}


def test_a_label_prints_no_carrier_or_tracking_number_that_is_not_on_file(
    store: Store, documents: DocumentService
) -> None:
    built = add_return(store, carrier=None, tracking="")
    pdf = documents.render(INSPECTOR, DocumentKind.LABEL, built.rma_number).pdf
    content = text(pdf)
    assert "UPS" not in content and "DHL" not in content
    # The tracking field is left for the carrier's own label, not filled with the RMA.
    assert _under(pdf, "Tracking number") == {""}


def test_a_label_carries_the_carrier_and_tracking_number_of_the_return(
    store: Store, documents: DocumentService
) -> None:
    built = add_return(store, carrier="DHL", tracking="4829105736")
    pdf = documents.render(INSPECTOR, DocumentKind.LABEL, built.rma_number).pdf
    content = text(pdf)
    assert "DHL" in content and "UPS" not in content
    assert _under(pdf, "Tracking number") == {"4829105736"}


def test_every_carton_gets_its_own_label_and_tag(store: Store, documents: DocumentService
                                                 ) -> None:
    # A 3-carton sofa and a 1-carton lamp: four parcels, each labelled with its place in
    # the return; each carton tagged with its licence plate (the line's tag code and the
    # carton's number), the code receiving scans.
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW, lines=[
        LineSpec(cartons=3), LineSpec(sku="LVN-LMP-0002", name_en="Arc Floor Lamp",
                                      cartons=1)])
    labels = documents.render(INSPECTOR, DocumentKind.LABEL, built.rma_number).pdf
    assert page_sizes(labels) == [(288.0, 432.0)] * 4
    assert codes_by_page(labels, "Code128") == [[built.rma_number]] * 4
    pages = squashed_pages(labels)
    assert [f"{i}/4" in page for i, page in enumerate(pages, start=1)] == [True] * 4
    tags = documents.render(INSPECTOR, DocumentKind.TAG, built.rma_number).pdf
    sofa, lamp = built.tag_codes
    assert [sorted(p) for p in codes_by_page(tags, "Code128")] == [
        sorted([f"{sofa}-U{n}", "LVN-SOF-0001"]) for n in (1, 2, 3)] + [
        sorted([f"{lamp}-U1", "LVN-LMP-0002"])]
    pages = squashed_pages(tags)
    assert [("1/3", "2/3", "3/3", "1/1")[i] in page for i, page in enumerate(pages)] == [
        True] * 4
    batch = documents.batch(INSPECTOR, DocumentKind.TAG, [built.rma_number]).pdf
    assert [sorted(p) for p in codes_by_page(batch, "Code128")] == [
        sorted(p) for p in codes_by_page(tags, "Code128")]
    batch = documents.batch(INSPECTOR, DocumentKind.LABEL, [built.rma_number]).pdf
    assert len(page_sizes(batch)) == 4


def test_a_return_applied_before_the_first_policy_prints_and_is_reviewed(
    store: Store, documents: DocumentService, inspections: InspectionService, tmp_path: Path
) -> None:
    applied = datetime(2024, 7, 18, 17, 0, tzinfo=UTC)
    built = _inspected(store, inspections, tmp_path, applied_at=applied,
                       delivered_at=applied - timedelta(days=6))
    for kind in (DocumentKind.RETURN_FORM, DocumentKind.INVOICE, DocumentKind.LABEL,
                 DocumentKind.TAG):
        content = text(documents.render(INSPECTOR, kind, built.rma_number).pdf)
        assert (built.order_number if kind is DocumentKind.INVOICE
                else built.rma_number) in content.replace("\n", "")
    report = text(documents.render(INSPECTOR, DocumentKind.INSPECTION_REPORT,
                                   built.rma_number).pdf).replace("\n", " ")
    assert "before the first return policy" in report
    detail = ReturnsService(store, default_policies(), clock=lambda: NOW).detail(
        built.return_id)
    assert [line.decision for line in detail.lines] == [Decision.NEEDS_REVIEW]
    e2 = next(r for r in detail.lines[0].rules if r.rule_id == "E2")
    assert "2024-07-18" in e2.reason_en


def test_a_credit_note_tells_the_customer_how_the_estimated_deduction_was_made(
    store: Store, documents: DocumentService, inspections: InspectionService, tmp_path: Path
) -> None:
    built = _inspected(store, inspections, tmp_path, reason=ReasonCode.SIZE_MISMATCH,
                       label_type=LabelType.PREPAID, label_cost_cents=None)
    note = " ".join(text(documents.render(INSPECTOR, DocumentKind.CREDIT_NOTE,
                                          built.rma_number).pdf).split())
    # No label cost on file: the policy's domestic estimate, said to be one (P7, T2).
    assert "Its cost is not known yet, so it is estimated at 10 % of the price paid" in note
    assert "The customer is told" not in note and "T1" not in note
    assert "is refunded to Visa •••• 4242, the payment method of your order" in note


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_credit_note_and_the_report_say_when_the_refund_is_due(
    store: Store, documents: DocumentService, inspections: InspectionService, tmp_path: Path,
    lang: str
) -> None:
    from datetime import date

    from livenon_desk.documents.formatting import day

    # Passed on 25 November (Los Angeles): refunded 26 November to 2 December (P6).
    built = _inspected(store, inspections, tmp_path)
    start, end = day(date(2026, 11, 26), lang), day(date(2026, 12, 2), lang)  # type: ignore[arg-type]
    for kind in (DocumentKind.CREDIT_NOTE, DocumentKind.INSPECTION_REPORT):
        content = " ".join(text(documents.render(INSPECTOR, kind, built.rma_number,
                                                 lang).pdf).split())  # type: ignore[arg-type]
        assert start in content and end in content, kind


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_inspection_report_states_the_p2_and_p5_deadlines(
    store: Store, documents: DocumentService, inspections: InspectionService, tmp_path: Path,
    lang: str
) -> None:
    from datetime import date

    from livenon_desk.documents.formatting import day

    # Applied Sunday 15 November, received 25 November (Los Angeles): P2 16-17 November; P5 by
    # 1 December (target) and 3 December (Thanksgiving and a weekend between).
    built = _inspected(store, inspections, tmp_path,
                       applied_at=datetime(2026, 11, 15, 18, 0, tzinfo=UTC))
    report = " ".join(text(documents.render(INSPECTOR, DocumentKind.INSPECTION_REPORT,
                                            built.rma_number, lang).pdf).split())  # type: ignore[arg-type]
    for value in (date(2026, 11, 16), date(2026, 11, 17), date(2026, 12, 1),
                  date(2026, 12, 3)):
        assert day(value, lang) in report, value  # type: ignore[arg-type]
    assert ("P2" in report and "P5" in report)


def test_a_credit_note_keeps_its_first_issue_date_and_reprints_say_copy(
    store: Store, photos: PhotoFiles, inspections: InspectionService, tmp_path: Path
) -> None:
    built = _inspected(store, inspections, tmp_path)
    first_day = datetime(2026, 10, 1, 18, 0, tzinfo=UTC)
    later = first_day + timedelta(days=9)
    first = DocumentService(store, default_policies(), photos, clock=lambda: first_day)
    again = DocumentService(store, default_policies(), photos, clock=lambda: later)
    original = " ".join(text(first.render(INSPECTOR, DocumentKind.CREDIT_NOTE,
                                          built.rma_number).pdf).split())
    reprint = " ".join(text(again.render(INSPECTOR, DocumentKind.CREDIT_NOTE,
                                         built.rma_number).pdf).split())
    assert "Oct 1, 2026" in original and "COPY" not in original
    # The reprint states the same issue date, and that it is a copy printed later: the
    # day of the reprint appears in that sentence only.
    assert reprint.count("Oct 10, 2026") == 1
    assert "COPY of the credit note issued on Oct 1, 2026, printed on Oct 10, 2026" in reprint
    zh = " ".join(text(again.render(INSPECTOR, DocumentKind.CREDIT_NOTE, built.rma_number,
                                    "zh").pdf).split())
    assert "副本" in zh and "2026年10月1日" in zh
