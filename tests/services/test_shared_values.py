"""One family of value objects: the screen and the paper are handed the same address,
photo, exception and refund, built one way from the same rows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from livenon_desk.documents import data as doc
from livenon_desk.domain import values
from livenon_desk.domain.enums import Answer, Decision, ReasonCode, ReturnStatus
from livenon_desk.domain.policy import default_policies
from livenon_desk.models import ReturnLine, ReturnRequest
from livenon_desk.services import dto, inspection_dto
from livenon_desk.services.document_records import ReturnRecords
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import ALL_YES, NOW, add_return, confirmed
from tests.images import write_png
from tests.services.conftest import INSPECTOR, SUPERVISOR


def test_screens_and_papers_import_the_same_classes() -> None:
    assert dto.Address is doc.Address is values.Address
    assert dto.Refund is doc.Refund is values.Refund
    assert doc.Override is values.Override and doc.PhotoRef is values.PhotoRef
    fields = inspection_dto.InspectionSheet.__dataclass_fields__
    assert fields["override"].type == "Override | None"
    assert fields["photos"].type == "tuple[PhotoRef, ...]"


def test_the_detail_and_the_report_hold_equal_values(
    store: Store, inspections: InspectionService, photos: PhotoFiles, tmp_path: Path
) -> None:
    # A personal reason, so that the refund has a P7 deduction to compare.
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       reason=ReasonCode.CHANGED_MIND)
    with store.read_session() as s:
        line_id = s.scalars(select(ReturnLine.id).where(
            ReturnLine.return_id == built.return_id)).one()
    sheet = inspections.open_sheet(INSPECTOR, line_id)
    photo = inspections.attach_photo(INSPECTOR, sheet.inspection_id,
                                     write_png(tmp_path / "scratch.png"))
    answers = {k: Answer(v) for k, v in dict(ALL_YES, undamaged="no").items()}
    inspections.finish(INSPECTOR, sheet.inspection_id,
                       confirmed(sheet, answers))
    override = inspections.override(SUPERVISOR, sheet.inspection_id,
                                    "Customer kept the box, agreed on the phone")
    detail = ReturnsService(store, default_policies(), lambda: NOW).detail(built.return_id)
    reopened = inspections.open_sheet(INSPECTOR, line_id)
    with store.read_session() as s:
        ret = s.get_one(ReturnRequest, built.return_id)
        records = ReturnRecords(s, ret, default_policies(), photos)
        (record,) = records.inspections()
        shipping = records.order_info().shipping_address
    assert detail.shipping_address == shipping
    assert reopened.photos == (photo,) == record.photos
    assert reopened.override == override == record.override
    assert override.decision is Decision.ELIGIBLE
    line_refund = detail.lines[0].refund
    assert line_refund is not None and record.refund is not None
    assert line_refund.deductions == record.refund.deductions != ()
    assert line_refund.amount == record.refund.amount
