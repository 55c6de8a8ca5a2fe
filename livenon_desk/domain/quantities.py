"""How many pieces a returned line may claim: what the order line holds, less what earlier
returns of the same line took; never none (P1: the application names what comes back)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClaimedQuantity:
    """A returned line's claim beside its order line."""

    claimed: int
    ordered: int
    returned_before: int = 0

    @property
    def returnable(self) -> int:
        return max(0, self.ordered - self.returned_before)


def quantity_problem(claim: ClaimedQuantity) -> tuple[str, str] | None:
    """Why the claim cannot be taken as it is (English, Chinese), or None when it can.
    A quantity of 0 (or less, or missing) is refused, never read as 1."""
    if claim.claimed < 1:
        return (f"The return claims {claim.claimed} pieces of this line: a return line needs "
                "at least one piece, a supervisor must review.",
                f"退货行数量为 {claim.claimed}：每个退货行至少一件，需主管审核。")
    if claim.claimed > claim.returnable:
        earlier_en = (f", {claim.returned_before} of them returned before"
                      if claim.returned_before else "")
        earlier_zh = f"，其中 {claim.returned_before} 件已退" if claim.returned_before else ""
        return (f"The return claims {claim.claimed} pieces, but the order line holds "
                f"{claim.ordered}{earlier_en}: at most {claim.returnable} can come back, a "
                "supervisor must review.",
                f"退货数量 {claim.claimed} 件，但订单行共 {claim.ordered} 件{earlier_zh}："
                f"最多可退 {claim.returnable} 件，需主管审核。")
    return None
