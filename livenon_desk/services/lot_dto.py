"""Plain data of liquidation lots, as the lots screen, the manifest and the pallet label
read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from livenon_desk.domain.enums import LotState
from livenon_desk.domain.money import totals_by_currency
from livenon_desk.services.unit_dto import UnitRow

LOT_PREFIX = "LOT-"

# A pallet weighs more than nothing and less than a forklift lifts.
LOT_WEIGHT_MAX_KG = Decimal(2000)


@dataclass(frozen=True)
class LotUnitRow:
    unit: UnitRow
    recovery: Decimal  # in ``unit.currency``


@dataclass(frozen=True)
class LotRow:
    lot_id: int
    uuid: str
    code: str
    state: LotState
    opened_by: str
    opened_at: datetime
    units: tuple[LotUnitRow, ...]
    weight_kg: Decimal | None = None
    closed_by: str | None = None
    closed_at: datetime | None = None

    @property
    def original_totals(self) -> tuple[tuple[str, Decimal], ...]:
        return totals_by_currency((u.unit.currency, u.unit.value) for u in self.units)

    @property
    def recovery_totals(self) -> tuple[tuple[str, Decimal], ...]:
        return totals_by_currency((u.unit.currency, u.recovery) for u in self.units)

