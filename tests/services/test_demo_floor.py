"""Issue 17: the demo holds work orders, RTV shipments and lots in every state, made from
the units the demo routed."""

from __future__ import annotations

from livenon_desk.domain.enums import Disposition, LotState, RtvState, WorkOrderState
from livenon_desk.domain.policy import default_policies
from livenon_desk.services.demo_floor import add_demo_floor
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.lot_service import LotService
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.services.refurbish_service import RefurbishService
from livenon_desk.services.unit_service import UnitService
from livenon_desk.services.vendor_return_service import VendorReturnService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import NOW
from tests.services.conftest import INSPECTOR
from tests.services.test_lot_service import _to_liquidate
from tests.services.test_refurbish_service import _to_refurbish
from tests.services.test_unit_service import _graded_a
from tests.services.test_vendor_return_service import _defective


def test_the_demo_floor_has_every_state(store: Store, receiving: ReceivingService,
                                        inspections: InspectionService,
                                        photos: PhotoFiles) -> None:
    for _ in range(2):  # two cartons each
        _to_refurbish(store, receiving, inspections)
        _defective(store, receiving, inspections)
        _to_liquidate(store, receiving, inspections)
    assert add_demo_floor(store, default_policies(), photos, NOW) == (3, 2, 2)
    refurbish = RefurbishService(store, default_policies(), clock=lambda: NOW)
    states = set()
    units = UnitService(store, default_policies(), clock=lambda: NOW)
    for unit in units.units(INSPECTOR):  # the one repaired is restocked now
        scan = refurbish.scan(INSPECTOR, unit.code)
        states |= {o.state for o in (scan.open_order, *scan.earlier) if o is not None}
    assert states == {WorkOrderState.OPEN, WorkOrderState.DONE}
    assert len(refurbish.in_refurbishment(INSPECTOR)) == 2
    shipments = VendorReturnService(store, photos).shipments(INSPECTOR)
    assert {s.state for s in shipments} == {RtvState.OPEN, RtvState.SHIPPED}
    lots = LotService(store).lots(INSPECTOR)
    assert [lot.state for lot in lots] == [LotState.CLOSED, LotState.OPEN]
    assert lots[0].weight_kg is not None


def test_a_supervisor_sends_restocked_units_on_when_the_routing_sent_too_few(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        photos: PhotoFiles) -> None:
    for _ in range(3):
        _graded_a(store, receiving, inspections)  # two restocked cartons each
    orders, _shipments, lots = add_demo_floor(store, default_policies(), photos, NOW)
    # Four sent to refurbish (three get orders, one repaired), the last two to liquidate.
    assert (orders, lots) == (3, 2)
    units = UnitService(store, default_policies()).units(INSPECTOR)
    assert sum(u.disposition is Disposition.REFURBISH for u in units) == 3
    assert sum(u.disposition is Disposition.LIQUIDATE for u in units) == 2
