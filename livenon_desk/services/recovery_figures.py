"""What the units are expected to bring back, by disposition: the figures' chart.

A unit on a liquidation lot counts the recovery value it was scanned on with; a unit on
an RTV shipment its claim; any other routed unit its price times its disposition's rate
(recovery.toml). Amounts of two currencies are never added.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from livenon_desk.domain.enums import Disposition
from livenon_desk.domain.money import from_minor_units
from livenon_desk.domain.recovery import RecoveryRates, default_recovery
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.models import LotUnit, RtvLine, Unit
from livenon_desk.services.unit_service import _rows
from livenon_desk.store.database import Store


@dataclass(frozen=True)
class RecoveryFigure:
    disposition: Disposition
    currency: str
    units: int
    original: Decimal
    recovery: Decimal


class RecoveryFigures:
    def __init__(self, store: Store, rates: RecoveryRates | None = None) -> None:
        self._store = store
        self._rates = rates or default_recovery()

    def by_disposition(self, actor: Actor) -> list[RecoveryFigure]:
        """Each disposition's units with their original and expected recovery value,
        largest recovery first."""
        actor.require(Action.LOOK_UP)
        with self._store.read_session() as s:
            return _figures(self._rates, s)


def _figures(rates: RecoveryRates, s: Session) -> list[RecoveryFigure]:
    on_lots = dict(s.execute(select(LotUnit.unit_id, LotUnit.recovery_cents)).all())
    claims = dict(s.execute(select(RtvLine.unit_id, RtvLine.claim_cents)).all())
    rows = _rows(s, select(Unit).where(Unit.disposition.is_not(None)))
    sums: dict[tuple[Disposition, str], tuple[int, Decimal, Decimal]] = {}
    for row in rows:
        assert row.disposition is not None
        if row.unit_id in on_lots:
            recovery = from_minor_units(on_lots[row.unit_id], row.currency)
        elif row.unit_id in claims:
            recovery = from_minor_units(claims[row.unit_id], row.currency)
        else:
            recovery = rates.value(row.value, row.currency, row.disposition, row.grade)
        count, original, total = sums.get((row.disposition, row.currency),
                                          (0, Decimal(0), Decimal(0)))
        sums[(row.disposition, row.currency)] = (count + 1, original + row.value,
                                                 total + recovery)
    figures = [RecoveryFigure(d, c, n, o, r) for (d, c), (n, o, r) in sums.items()]
    return sorted(figures, key=lambda f: (-f.recovery, f.disposition.value, f.currency))
