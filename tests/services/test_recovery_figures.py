"""Issue 17: recovery value by disposition: a lot's unit counts its recovery, an RTV unit
its claim, any other routed unit its price times its disposition's rate."""

from __future__ import annotations

from decimal import Decimal

from livenon_desk.domain.enums import Disposition
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.lot_service import LotService
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.services.recovery_figures import RecoveryFigure, RecoveryFigures
from livenon_desk.services.vendor_return_service import VendorReturnService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import NOW
from tests.services.conftest import INSPECTOR
from tests.services.test_lot_service import _to_liquidate
from tests.services.test_unit_service import _graded_a
from tests.services.test_vendor_return_service import _defective


def test_recovery_by_disposition_takes_lots_and_claims_as_they_were_recorded(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        photos: PhotoFiles) -> None:
    figures = RecoveryFigures(store)
    assert figures.by_disposition(INSPECTOR) == []
    _graded_a(store, receiving, inspections)  # two cartons of a 1,299 sofa: restock
    on_lot, _ = _to_liquidate(store, receiving, inspections)  # two of a 299 chair
    LotService(store, clock=lambda: NOW).add(INSPECTOR, on_lot)
    claimed, _ = _defective(store, receiving, inspections)  # two of a 1,299 sofa
    VendorReturnService(store, photos, clock=lambda: NOW).add(
        INSPECTOR, claimed, "seat frame cracked", Decimal("500"))
    assert figures.by_disposition(INSPECTOR) == [
        RecoveryFigure(Disposition.RESTOCK, "USD", 2, Decimal("2598.00"), Decimal("2598.00")),
        # 500.00 claimed, and 90 % of 1,299.00 for the unit on no shipment yet.
        RecoveryFigure(Disposition.RETURN_TO_VENDOR, "USD", 2, Decimal("2598.00"),
                       Decimal("1669.10")),
        RecoveryFigure(Disposition.LIQUIDATE, "USD", 2, Decimal("598.00"),
                       Decimal("119.60")),
    ]
