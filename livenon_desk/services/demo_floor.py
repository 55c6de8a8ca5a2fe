"""The demo's floor work after routing (issue 17): work orders, RTV shipments and lots in
every state, made through the services from the units the demo routed.

Of the units routed to refurbish: one repaired and graded anew (its order done), one with
its work logged, one just opened, the rest waiting. Of those routed to return to vendor:
a shipment that has shipped, one still open, the rest awaiting RTV. Of those routed to
liquidate: a lot closed and weighed, one open, the rest waiting for a pallet. When the
demo's routing sent too few units to refurbish or to liquidate, a supervisor sends some
restocked ones there, with a reason, as a supervisor may.
"""

from __future__ import annotations

import logging
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from livenon_desk.domain.enums import Disposition, RepairOutcome
from livenon_desk.domain.policy import PolicySet
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.models import Unit
from livenon_desk.services.lot_service import LotService
from livenon_desk.services.refurbish_service import RefurbishService
from livenon_desk.services.unit_service import UnitService
from livenon_desk.services.vendor_return_service import VendorReturnService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles

log = logging.getLogger(__name__)

INSPECTOR = Actor("inspector", Role.INSPECTOR, "Demo Inspector")
SUPERVISOR = Actor("supervisor", Role.SUPERVISOR, "Demo Supervisor")
_FAULTS = ("Cracked rear rail, loose left arm", "Torn seat cushion seam",
           "Scratched top, one drawer runner bent", "Wobbly back leg")
_DEFECTS = ("Seat frame cracked at the joint", "Veneer lifting along the edge",
            "Drawer front split", "Fabric pilling after one week")


def add_demo_floor(store: Store, policies: PolicySet, photos: PhotoFiles,
                   now: datetime) -> tuple[int, int, int]:
    """Work orders, RTV shipments and lots from the routed units; how many of each."""
    def clock() -> datetime:
        return now

    units = UnitService(store, policies, clock)
    _enough(store, units, Disposition.REFURBISH, 4)
    _enough(store, units, Disposition.LIQUIDATE, 10)
    orders = _refurbish(RefurbishService(store, policies, clock), _codes(
        store, Disposition.REFURBISH))
    shipments = _vendor(VendorReturnService(store, photos, clock), _codes(
        store, Disposition.RETURN_TO_VENDOR))
    lots = _lots(LotService(store, clock), _codes(store, Disposition.LIQUIDATE))
    log.info("demo floor: %d work orders, %d RTV shipments, %d lots", orders, shipments, lots)
    return orders, shipments, lots


def _enough(store: Store, units: UnitService, disposition: Disposition, count: int) -> None:
    """At least ``count`` units of ``disposition``: a supervisor sends restocked ones there
    when the demo's routing sent fewer (its prices rarely make a refurbishment pay)."""
    missing = count - len(_codes(store, disposition))
    for code in _codes(store, Disposition.RESTOCK)[:max(missing, 0)]:
        units.set_disposition(SUPERVISOR, code, disposition,
                              "Demo: the buyer of this week's pallets asked for it")


def _codes(store: Store, disposition: Disposition) -> list[str]:
    with store.read_session() as s:
        return list(s.scalars(select(Unit.code).where(Unit.disposition == disposition)
                              .order_by(Unit.received_at, Unit.id)))


def _refurbish(service: RefurbishService, codes: list[str]) -> int:
    for index, code in enumerate(codes[:3]):
        service.open(INSPECTOR, code, _FAULTS[index % len(_FAULTS)])
        if index == 0:
            service.log_work(INSPECTOR, code, ["Rear rail 80 cm", "Wood glue"], 95)
            service.complete(INSPECTOR, code, RepairOutcome.REPAIRED, "A",
                             "Rail replaced, arm glued and clamped; like new")
        elif index == 1:
            service.log_work(INSPECTOR, code, ["Upholstery thread"], 30)
    return min(len(codes), 3)


def _vendor(service: VendorReturnService, codes: list[str]) -> int:
    """The first two units on a shipment that has shipped; the next two on open ones."""
    shipments: set[str] = set()
    for index, code in enumerate(codes[:4]):
        shipment = service.add(INSPECTOR, code, _DEFECTS[index % len(_DEFECTS)])
        shipments.add(shipment.code)
        if index == min(1, len(codes) - 1):
            service.ship(INSPECTOR, shipment.code)
    return len(shipments)


def _lots(service: LotService, codes: list[str]) -> int:
    if not codes:
        return 0
    half = max(1, min(len(codes) // 2, 12))
    closed = None
    for code in codes[:half]:
        closed = service.add(INSPECTOR, code, closed.code if closed else None)
    assert closed is not None
    service.close(INSPECTOR, closed.code, Decimal(18 * len(closed.units)) + Decimal("12.5"))
    rest = codes[half:half + 6]
    if not rest:
        return 1
    opened = service.start(INSPECTOR)
    for code in rest:
        service.add(INSPECTOR, code, opened.code)
    return 2
