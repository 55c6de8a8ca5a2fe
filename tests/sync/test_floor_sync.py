"""Issue 17: work orders, RTV shipments and lots reach the real server through the outbox,
once each at their last state, also when the answer is lost or the desk is killed after
the server committed."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from livenon_desk.central import tables
from livenon_desk.domain.enums import Disposition, RepairOutcome
from livenon_desk.domain.policy import default_policies
from livenon_desk.models import Lot, RtvShipment, WorkOrder
from livenon_desk.services.lot_service import LotService
from livenon_desk.services.refurbish_service import RefurbishService
from livenon_desk.services.unit_service import UnitService
from livenon_desk.services.vendor_return_service import VendorReturnService
from livenon_desk.sync.worker import Outcome
from tests.builders import NOW
from tests.central_server import Central
from tests.sync.desk import INSPECTOR, SUPERVISOR, Desk
from tests.sync.test_outbox_and_push import killed_round
from tests.sync.test_unit_sync import _stored_units

FLOOR_KINDS = ("work_order", "rtv_shipment", "lot")


def _floor(desk: Desk) -> tuple[str, str, str]:
    """Stored units sent by a supervisor to refurbish, to their vendor and to liquidate;
    a repair done, a shipment shipped, a lot closed: their uuids."""
    codes = _stored_units(desk)
    units = UnitService(desk.store, default_policies(), clock=lambda: NOW)
    for code, disposition in zip(codes, (Disposition.REFURBISH,
                                         Disposition.RETURN_TO_VENDOR,
                                         Disposition.LIQUIDATE), strict=False):
        units.set_disposition(SUPERVISOR, code, disposition, "the buyer asked for it this week")
    refurbish = RefurbishService(desk.store, default_policies(), clock=lambda: NOW)
    order = refurbish.open(INSPECTOR, codes[0], "wobbly back leg")
    refurbish.log_work(INSPECTOR, codes[0], ["dowel", "glue"], 25)
    refurbish.complete(INSPECTOR, codes[0], RepairOutcome.REPAIRED, "A",
                       "dowel replaced and glued")
    rtv = VendorReturnService(desk.store, desk.photos, clock=lambda: NOW)
    shipment = rtv.add(INSPECTOR, codes[1], "veneer lifting", Decimal("120.00"))
    rtv.ship(INSPECTOR, shipment.code)
    lots = LotService(desk.store, clock=lambda: NOW)
    lot = lots.add(INSPECTOR, codes[2])
    lots.close(INSPECTOR, lot.code, Decimal("31.5"))
    return order.uuid, shipment.uuid, lot.uuid


def test_work_orders_rtv_shipments_and_lots_reach_the_server_once_at_their_last_state(
        desk: Desk, central: Central) -> None:
    order, shipment, lot = _floor(desk)
    queued = [r.kind for r in desk.outbox() if r.kind in FLOOR_KINDS]
    # Each record's changes collapsed into one write of its last state.
    assert sorted(queued) == sorted(FLOOR_KINDS)
    assert desk.worker().run_round().outcome is Outcome.OK
    work = central.entity("work_order", order).data or {}
    assert (work["state"], work["outcome"], work["grade"], work["minutes"], work["parts"]) == (
        "done", "repaired", "A", 25, ["dowel", "glue"])
    sent = central.entity("rtv_shipment", shipment).data or {}
    assert sent["state"] == "shipped"
    assert [(x["defect"], x["claim_cents"]) for x in sent["lines"]] == [("veneer lifting",
                                                                        12000)]
    pallet = central.entity("lot", lot).data or {}
    assert (pallet["state"], pallet["weight_g"], len(pallet["units"])) == ("closed", 31500, 1)
    with desk.store.read_session() as s:
        versions = {*s.scalars(select(WorkOrder.server_version)),
                    *s.scalars(select(RtvShipment.server_version)),
                    *s.scalars(select(Lot.server_version))}
    assert versions == {1}
    # A later change is one more version, sent once.
    LotService(desk.store, clock=lambda: NOW).start(INSPECTOR)
    assert desk.worker().run_round().push.sent == 1
    assert desk.worker().run_round().push.sent == 0
    assert central.count(tables.lots) == 2


def test_a_lost_answer_sends_them_again_without_a_duplicate(desk: Desk,
                                                            central: Central) -> None:
    order, shipment, lot = _floor(desk)
    central.faults.drop_after_commit("/batch", times=1)
    assert desk.worker().run_round().outcome is Outcome.OK
    assert central.faults.dropped == 1
    assert [central.entity(k, key).version for k, key in zip(
        FLOOR_KINDS, (order, shipment, lot), strict=True)] == [1, 1, 1]
    assert {r.state for r in desk.outbox()} == {"sent"}


def test_a_desk_killed_mid_push_sends_them_again_without_a_duplicate(
        desk: Desk, central: Central) -> None:
    order, shipment, lot = _floor(desk)
    killed_round(desk, central)
    # The server has them; the desk does not know it.
    assert central.count(tables.work_orders) == 1
    assert {r.state for r in desk.outbox() if r.kind in FLOOR_KINDS} == {"pending"}
    assert desk.worker().run_round().outcome is Outcome.OK
    for table in (tables.work_orders, tables.rtv_shipments, tables.lots):
        assert central.count(table) == 1
    assert [central.entity(k, key).version for k, key in zip(
        FLOOR_KINDS, (order, shipment, lot), strict=True)] == [1, 1, 1]
    assert {r.state for r in desk.outbox()} == {"sent"}
