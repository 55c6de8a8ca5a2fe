"""The weight check: a unit far from the catalogue's expected weight may be another item.

The tolerance is policy data: the larger of a share of the expected weight and a fixed
minimum (a scale's own error and packing weigh more, relatively, on a light piece).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class WeightTolerance:
    rate: Decimal
    minimum_kg: Decimal

    def allowed(self, expected_kg: Decimal) -> Decimal:
        """How far (kg) a weighing may be from ``expected_kg`` before it is flagged."""
        return max(expected_kg * self.rate, self.minimum_kg)

    def swap_suspected(self, expected_kg: Decimal, weighed_kg: Decimal) -> bool:
        """A difference over the tolerance: possibly not the item that was sold."""
        return abs(weighed_kg - expected_kg) > self.allowed(expected_kg)
