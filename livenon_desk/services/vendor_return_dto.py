"""Plain data of return-to-vendor shipments, as the RTV screen, its queue and the RTV
document read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from livenon_desk.domain.enums import RtvState
from livenon_desk.domain.money import totals_by_currency
from livenon_desk.domain.suppliers import Supplier
from livenon_desk.domain.values import PhotoRef
from livenon_desk.services.unit_dto import UnitRow

RTV_PREFIX = "RTV-"
DEFECT_MIN = 5


@dataclass(frozen=True)
class RtvLineRow:
    unit: UnitRow
    defect: str
    claim: Decimal  # in ``currency``
    currency: str
    added_by: str
    added_at: datetime
    photos: tuple[PhotoRef, ...] = ()  # the inspection's photos of the unit's line


@dataclass(frozen=True)
class RtvShipmentRow:
    shipment_id: int
    uuid: str
    code: str
    supplier: Supplier
    state: RtvState
    opened_by: str
    opened_at: datetime
    lines: tuple[RtvLineRow, ...]
    shipped_by: str | None = None
    shipped_at: datetime | None = None

    @property
    def claim_totals(self) -> tuple[tuple[str, Decimal], ...]:
        """The claim by currency (one currency a shipment, as a rule), currency order."""
        return totals_by_currency((line.currency, line.claim) for line in self.lines)
