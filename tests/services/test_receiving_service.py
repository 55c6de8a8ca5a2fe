from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from livenon_desk.domain.enums import ParcelCondition, ReturnStatus
from livenon_desk.errors import (
    NotFoundError,
    PermissionDeniedError,
    RestrictedError,
    ValidationError,
)
from livenon_desk.models import AuditEvent, Photo, ReturnLine, ReturnRequest, UnexpectedParcel
from livenon_desk.services.receiving_dto import ReceiptInput, UnexpectedParcelInput
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.store.database import Store
from tests.builders import NOW, LineSpec, add_return
from tests.images import write_png
from tests.services.conftest import INSPECTOR, SUPERVISOR


def _line_ids(store: Store, return_id: int) -> list[int]:
    with store.read_session() as s:
        return [ln.id for ln in s.query(ReturnLine).filter_by(return_id=return_id)
                .order_by(ReturnLine.id)]


def _receipt(cartons: dict[int, int], **changes: object) -> ReceiptInput:
    base = ReceiptInput(
        received_at=NOW - timedelta(minutes=3), carrier="UPS", tracking_number="1z 999 aa1",
        parcel_condition=ParcelCondition.INTACT, invoice_enclosed=True,
        return_form_enclosed=False, returned_goods_marked=None, cartons=cartons,
        notes="  left at dock 4 ", scanned=cartons)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_complete_receipt_records_everything_and_starts_p5(
    store: Store, receiving: ReceivingService, tmp_path: Path
) -> None:
    built = add_return(store)
    [line] = _line_ids(store, built.return_id)
    photo = write_png(tmp_path / "box.png")
    result = receiving.receive(INSPECTOR, built.return_id,
                               _receipt({line: 2}, photos=(photo,)))
    assert result.status is ReturnStatus.RECEIVED
    assert result.missing == []
    with store.read_session() as s:
        ret = s.get_one(ReturnRequest, built.return_id)
        assert ret.received_at == NOW - timedelta(minutes=3)
        assert ret.received_by == "mchen"
        assert ret.tracking_number == "1Z 999 AA1"
        assert (ret.invoice_enclosed, ret.return_form_enclosed) == (True, False)
        assert ret.receipt_notes == "left at dock 4"
        assert ret.version == 2
        [stored] = s.query(Photo).filter_by(return_id=built.return_id).all()
        assert stored.inspection_id is None
    assert (store.path.parent / "desk-photos" / stored.file_name).read_bytes() == \
        photo.read_bytes()


def test_missing_cartons_leave_it_partially_received_until_scanned(
    store: Store, receiving: ReceivingService
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=3), LineSpec(sku="LVN-CHR-1", cartons=1)])
    first, second = _line_ids(store, built.return_id)
    result = receiving.receive(INSPECTOR, built.return_id, _receipt({first: 1, second: 1}))
    assert result.status is ReturnStatus.PARTIALLY_RECEIVED
    assert result.missing == [(built.tag_codes[0], 1, 3)]
    scan = receiving.count_carton(INSPECTOR, built.tag_codes[0].lower())
    assert (scan.count.received, scan.count.expected) == (2, 3)
    assert scan.status is ReturnStatus.PARTIALLY_RECEIVED
    scan = receiving.count_carton(INSPECTOR, built.tag_codes[0])
    assert scan.status is ReturnStatus.RECEIVED
    with pytest.raises(ValidationError, match="already"):
        receiving.count_carton(INSPECTOR, built.tag_codes[0])


def test_cartons_claimed_beyond_the_scanned_need_a_reason_and_are_audited_by_hand(
    store: Store, receiving: ReceivingService
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=3)])
    [line] = _line_ids(store, built.return_id)
    with pytest.raises(ValidationError, match="without scanning") as refused:
        receiving.receive(INSPECTOR, built.return_id, _receipt({line: 3}, scanned={line: 1}))
    assert "手工清点" in refused.value.message_zh
    with store.read_session() as s:
        assert s.get_one(ReturnRequest, built.return_id).received_at is None
        assert s.query(AuditEvent).filter_by(action="cartons_counted_by_hand").count() == 0

    result = receiving.receive(INSPECTOR, built.return_id, _receipt(
        {line: 3}, scanned={line: 1}, by_hand_reason="tags 2 and 3 torn off in transit"))
    assert result.status is ReturnStatus.RECEIVED
    with store.read_session() as s:
        [event] = s.query(AuditEvent).filter_by(action="cartons_counted_by_hand").all()
        assert event.actor == "mchen" and event.entity_key == built.rma_number
        assert event.after == {built.tag_codes[0]: {"scanned": 1, "counted": 3}}
        assert event.detail == "tags 2 and 3 torn off in transit"


def test_cartons_all_scanned_need_no_reason_and_no_by_hand_event(
    store: Store, receiving: ReceivingService
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=2)])
    [line] = _line_ids(store, built.return_id)
    receiving.receive(INSPECTOR, built.return_id, _receipt({line: 1}, scanned={line: 2}))
    with store.read_session() as s:
        assert s.query(AuditEvent).filter_by(action="cartons_counted_by_hand").count() == 0


def test_closing_short_needs_a_supervisor_and_a_reason(
    store: Store, receiving: ReceivingService
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=2)])
    [line] = _line_ids(store, built.return_id)
    receiving.receive(INSPECTOR, built.return_id, _receipt({line: 1}))
    with pytest.raises(PermissionDeniedError):
        receiving.close_short(INSPECTOR, built.return_id, "carrier lost box 2")
    with pytest.raises(ValidationError):
        receiving.close_short(SUPERVISOR, built.return_id, "   ")
    status = receiving.close_short(SUPERVISOR, built.return_id, "carrier lost box 2")
    assert status is ReturnStatus.RECEIVED
    with store.read_session() as s:
        ret = s.get_one(ReturnRequest, built.return_id)
        assert (ret.short_closed_by, ret.short_closed_reason) == ("jrivera", "carrier lost box 2")


def test_cross_border_parcels_must_state_the_returned_goods_mark(
    store: Store, receiving: ReceivingService
) -> None:
    built = add_return(store, cross_border=True)
    [line] = _line_ids(store, built.return_id)
    with pytest.raises(ValidationError, match="T3"):
        receiving.receive(INSPECTOR, built.return_id, _receipt({line: 2}))
    receiving.receive(INSPECTOR, built.return_id,
                      _receipt({line: 2}, returned_goods_marked=False))
    with store.read_session() as s:
        assert s.get_one(ReturnRequest, built.return_id).returned_goods_marked is False


@pytest.mark.parametrize(
    ("change", "message"),
    [({"carrier": " "}, "carrier"),
     ({"received_at": NOW + timedelta(hours=2)}, "future")],
)
def test_bad_receipts_are_refused_with_what_to_fix(
    store: Store, receiving: ReceivingService, change: dict[str, object], message: str
) -> None:
    built = add_return(store)
    [line] = _line_ids(store, built.return_id)
    with pytest.raises(ValidationError, match=message):
        receiving.receive(INSPECTOR, built.return_id, _receipt({line: 2}, **change))
    with store.read_session() as s:
        assert s.get_one(ReturnRequest, built.return_id).status is ReturnStatus.IN_TRANSIT


def test_too_many_cartons_and_a_second_receipt_are_refused(
    store: Store, receiving: ReceivingService
) -> None:
    built = add_return(store)
    [line] = _line_ids(store, built.return_id)
    with pytest.raises(ValidationError, match="2 cartons"):
        receiving.receive(INSPECTOR, built.return_id, _receipt({line: 3}))
    receiving.receive(INSPECTOR, built.return_id, _receipt({line: 2}))
    with pytest.raises(ValidationError, match="cannot be received again"):
        receiving.receive(INSPECTOR, built.return_id, _receipt({line: 2}))


def test_a_restricted_return_is_not_received(store: Store, receiving: ReceivingService) -> None:
    built = add_return(store, restricted=True, restricted_reason="customer objection")
    [line] = _line_ids(store, built.return_id)
    with pytest.raises(RestrictedError, match="customer objection"):
        receiving.receive(INSPECTOR, built.return_id, _receipt({line: 2}))


def test_a_file_that_is_not_a_photo_is_refused_before_anything_is_saved(
    store: Store, receiving: ReceivingService, tmp_path: Path
) -> None:
    built = add_return(store)
    [line] = _line_ids(store, built.return_id)
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    with pytest.raises(ValidationError, match="not a photo"):
        receiving.receive(INSPECTOR, built.return_id, _receipt({line: 2}, photos=(bogus,)))
    with store.read_session() as s:
        assert s.get_one(ReturnRequest, built.return_id).received_at is None


def test_scanning_an_unknown_tag_says_so(receiving: ReceivingService) -> None:
    with pytest.raises(NotFoundError, match="TAG-NOPE"):
        receiving.count_carton(INSPECTOR, "tag-nope")


def test_an_unexpected_parcel_is_logged(store: Store, receiving: ReceivingService) -> None:
    parcel_id = receiving.record_unexpected(INSPECTOR, UnexpectedParcelInput(
        scanned_code=" 1zunknown ", carrier="DHL", tracking_number="1zunknown",
        parcel_condition=ParcelCondition.OPENED, received_at=NOW, sender="J. Doe"))
    with store.read_session() as s:
        row = s.get_one(UnexpectedParcel, parcel_id)
        assert (row.scanned_code, row.received_by, row.sender) == ("1ZUNKNOWN", "mchen", "J. Doe")
