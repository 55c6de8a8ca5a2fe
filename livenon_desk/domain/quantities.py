"""How many pieces a returned line may claim: what the order line holds, less what earlier
returns of the same line took; never none (P1: the application names what comes back)."""

from __future__ import annotations

from dataclasses import dataclass

from livenon_desk.catalogue import Message


@dataclass(frozen=True)
class ClaimedQuantity:
    """A returned line's claim beside its order line."""

    claimed: int
    ordered: int
    returned_before: int = 0

    @property
    def returnable(self) -> int:
        return max(0, self.ordered - self.returned_before)


def quantity_problem(claim: ClaimedQuantity) -> Message | None:
    """Why the claim cannot be taken as it is, or None when it can.
    A quantity of 0 (or less, or missing) is refused, never read as 1."""
    if claim.claimed < 1:
        return Message.of("reason.p1.none-claimed", claimed=claim.claimed)
    if claim.claimed > claim.returnable:
        return Message.of(
            "reason.p1.too-many-after" if claim.returned_before else "reason.p1.too-many",
            claimed=claim.claimed, ordered=claim.ordered, returnable=claim.returnable,
            returned_before=claim.returned_before)
    return None
