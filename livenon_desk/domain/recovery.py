"""What a unit is expected to bring back, by its disposition and grade: the recovery value
of a liquidation lot's manifest and of the figures' chart.

The rates are data (``resources/recovery.toml``): a share of the unit's price for each
disposition, and for liquidation one a grade (a buyer pays by the pallet's grades).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from livenon_desk.domain.enums import Disposition
from livenon_desk.domain.money import round_money
from livenon_desk.errors import PolicyError
from livenon_desk.paths import RESOURCES_DIR

RECOVERY_FILE = RESOURCES_DIR / "recovery.toml"


@dataclass(frozen=True)
class RecoveryRates:
    by_disposition: dict[Disposition, Decimal]
    liquidation_by_grade: dict[str, Decimal]

    def rate(self, disposition: Disposition | None, grade: str | None) -> Decimal:
        """The share of the price a unit recovers; a liquidated unit's by its grade."""
        if disposition is None:
            return Decimal(0)
        if disposition is Disposition.LIQUIDATE and grade in self.liquidation_by_grade:
            return self.liquidation_by_grade[grade]
        return self.by_disposition.get(disposition, Decimal(0))

    def value(self, price: Decimal, currency: str, disposition: Disposition | None,
              grade: str | None) -> Decimal:
        return round_money(price * self.rate(disposition, grade), currency)


def read_recovery(path: Path) -> RecoveryRates:
    data = tomllib.loads(path.read_text(encoding="utf-8"))

    def share(where: str, raw: object) -> Decimal:
        rate = Decimal(str(raw))
        if not Decimal(0) <= rate <= Decimal(1):
            raise PolicyError("error.recovery-invalid", path=path.name,
                              detail=f"{where} must be from 0 to 1")
        return rate

    try:
        by_disposition = {Disposition(k): share(k, v)
                          for k, v in data.get("dispositions", {}).items()}
    except ValueError as exc:
        raise PolicyError("error.recovery-invalid", path=path.name, detail=str(exc)) from None
    grades = {str(k): share(f"liquidation.{k}", v)
              for k, v in data.get("liquidation_by_grade", {}).items()}
    return RecoveryRates(by_disposition, grades)


@cache
def default_recovery() -> RecoveryRates:
    return read_recovery(RECOVERY_FILE)
