"""Issue 17: a unit weighed far from the catalogue's weight (its carton's share of the
piece) is flagged as a possible item swap, listed for a supervisor, who clears it with a
note; every weighing is audited."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from livenon_desk.domain.enums import ParcelCondition, ReasonCode
from livenon_desk.domain.policy import default_policies
from livenon_desk.errors import PermissionDeniedError, ValidationError
from livenon_desk.models import AuditEvent, OrderLine, ReturnLine, WeightCheck
from livenon_desk.services.receiving_dto import ReceiptInput, ReceiptResult
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.services.unit_service import UnitService
from livenon_desk.services.weight_check_service import WeightCheckService
from livenon_desk.services.work_queue_service import WorkQueueService
from livenon_desk.store.database import Store
from tests.builders import NOW, Built, LineSpec, add_return
from tests.services.conftest import INSPECTOR, SUPERVISOR


@pytest.fixture
def weights(store: Store) -> WeightCheckService:
    return WeightCheckService(store, default_policies(), clock=lambda: NOW)


def _sofa(store: Store, receiving: ReceivingService, weight_g: int | None = 70_000) -> Built:
    """A two-carton sofa of ``weight_g`` received: two units, 35 kg each by share."""
    built = add_return(store, reason=ReasonCode.CHANGED_MIND, lines=[LineSpec(cartons=2)])
    with store.session() as s:
        line = s.scalars(select(ReturnLine).where(ReturnLine.return_id == built.return_id)).one()
        s.get_one(OrderLine, line.order_line_id).piece_weight_g = weight_g
        line_id = line.id
    receiving.receive(INSPECTOR, built.return_id, ReceiptInput(
        received_at=NOW - timedelta(minutes=5), carrier="UPS", tracking_number="1Z1",
        parcel_condition=ParcelCondition.INTACT, invoice_enclosed=True,
        return_form_enclosed=True, returned_goods_marked=None, cartons={line_id: 2},
        scanned={line_id: 2}))
    return built


def _flagged_count(store: Store) -> int:
    queues = WorkQueueService(store, default_policies(), clock=lambda: NOW).queues()
    return next(q.count for q in queues if q.key == "weight_flags")


def test_a_weight_within_the_tolerance_passes_and_one_beyond_is_flagged(
        store: Store, receiving: ReceivingService, weights: WeightCheckService) -> None:
    built = _sofa(store, receiving)
    code = f"{built.tag_codes[0]}-U1"
    # 35 kg expected; the tolerance is the larger of 10 % (3.5 kg) and 1 kg.
    fine = weights.weigh(INSPECTOR, code.lower(), Decimal("38.5"))
    assert (fine.expected_kg, fine.weighed_kg, fine.flagged) == (
        Decimal(35), Decimal("38.5"), False)
    assert _flagged_count(store) == 0
    swapped = weights.weigh(INSPECTOR, code, Decimal("12.0"))
    assert swapped.flagged
    assert _flagged_count(store) == 1
    with store.read_session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "unit_weighed")
                           .order_by(AuditEvent.id)).all()
        assert [e.after["flagged"] for e in events if e.after] == [False, True]


def test_a_supervisor_clears_the_flag_with_a_note(
        store: Store, receiving: ReceivingService, weights: WeightCheckService) -> None:
    built = _sofa(store, receiving)
    weights.weigh(INSPECTOR, f"{built.tag_codes[0]}-U2", Decimal(60))
    with pytest.raises(PermissionDeniedError):
        weights.clear_weight_flags(INSPECTOR, built.return_id, "weighed again, same sofa")
    with pytest.raises(ValidationError, match="note on what was checked"):
        weights.clear_weight_flags(SUPERVISOR, built.return_id, "ok")
    assert weights.clear_weight_flags(SUPERVISOR, built.return_id,
                                      "opened the carton: the right sofa, extra cushions") == 1
    assert _flagged_count(store) == 0
    detail = UnitService(store, default_policies(), clock=lambda: NOW).unit(
        SUPERVISOR, f"{built.tag_codes[0]}-U2")
    [check] = detail.weight_checks
    assert (check.cleared_by, check.cleared_note) == (
        "jrivera", "opened the carton: the right sofa, extra cushions")
    with pytest.raises(ValidationError, match="No unit of this return waits"):
        weights.clear_weight_flags(SUPERVISOR, built.return_id, "nothing left to clear")


def test_no_catalogue_weight_or_an_absurd_one_is_refused(
        store: Store, receiving: ReceivingService, weights: WeightCheckService) -> None:
    built = _sofa(store, receiving, weight_g=None)
    code = f"{built.tag_codes[0]}-U1"
    with pytest.raises(ValidationError, match="The catalogue has no weight for LVN-SOF-0001"):
        weights.weigh(INSPECTOR, code, Decimal(30))
    with pytest.raises(ValidationError, match="cannot be right"):
        weights.weigh(INSPECTOR, code, Decimal(0))


def _weighed_parcel(store: Store, receiving: ReceivingService, cartons: int,
                    grams: int) -> tuple[Built, ReceiptResult]:
    """A sofa of 70 kg in ``cartons`` cartons, all of them in one parcel of ``grams``."""
    built = add_return(store, reason=ReasonCode.CHANGED_MIND, lines=[LineSpec(cartons=cartons)])
    with store.session() as s:
        line = s.scalars(select(ReturnLine).where(ReturnLine.return_id == built.return_id)).one()
        s.get_one(OrderLine, line.order_line_id).piece_weight_g = 70_000
        line_id = line.id
    result = receiving.receive(INSPECTOR, built.return_id, ReceiptInput(
        received_at=NOW - timedelta(minutes=5), carrier="UPS", tracking_number="1Z1",
        parcel_condition=ParcelCondition.INTACT, invoice_enclosed=True,
        return_form_enclosed=True, returned_goods_marked=None, cartons={line_id: cartons},
        scanned={line_id: cartons}, weight_grams=grams))
    return built, result


def _weighings(store: Store) -> list[tuple[int, int, bool]]:
    with store.read_session() as s:
        return [(w.expected_g, w.weighed_g, w.flagged) for w in s.scalars(select(WeightCheck))]


def test_a_parcel_of_one_carton_weighed_at_receipt_is_that_unit_s_weighing(
        store: Store, receiving: ReceivingService) -> None:
    _built, fine = _weighed_parcel(store, receiving, 1, 71_200)
    assert fine.weight_check is not None and not fine.weight_check.flagged
    assert _weighings(store) == [(70_000, 71_200, False)]
    assert _flagged_count(store) == 0


def test_a_parcel_of_one_carton_far_from_the_catalogue_is_flagged_at_once(
        store: Store, receiving: ReceivingService) -> None:
    built, swapped = _weighed_parcel(store, receiving, 1, 23_000)
    assert swapped.weight_check is not None and swapped.weight_check.flagged
    assert swapped.weight_check.unit_code == f"{built.tag_codes[0]}-U1"
    assert _flagged_count(store) == 1


def test_a_parcel_of_several_cartons_is_not_checked_as_a_whole(
        store: Store, receiving: ReceivingService) -> None:
    _built, result = _weighed_parcel(store, receiving, 2, 23_000)
    assert result.weight_check is None
    assert _weighings(store) == []
    assert _flagged_count(store) == 0
