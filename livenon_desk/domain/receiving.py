"""Counting a return's cartons in: furniture ships in several boxes per line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.errors import ValidationError

K = TypeVar("K")

# A person who types a carton count instead of scanning says why, in at least this much.
BY_HAND_REASON_MIN = 5

RECEIVABLE = frozenset({
    ReturnStatus.APPLIED, ReturnStatus.INSTRUCTIONS_SENT, ReturnStatus.IN_TRANSIT,
    ReturnStatus.PARTIALLY_RECEIVED,
})


@dataclass(frozen=True)
class CartonCount:
    """How many of one line's cartons have arrived."""

    tag_code: str
    expected: int
    received: int

    @property
    def missing(self) -> int:
        return max(self.expected - self.received, 0)

    @property
    def complete(self) -> bool:
        return self.received >= self.expected


def count_one_more(count: CartonCount) -> CartonCount:
    """One more carton of this line was scanned; a carton beyond the expected is refused."""
    if count.complete:
        raise ValidationError(
            "error.all-cartons-in",
            expected=count.expected,
            tag_code=count.tag_code,
        )
    return CartonCount(count.tag_code, count.expected, count.received + 1)


def status_after_receipt(counts: Sequence[CartonCount]) -> ReturnStatus:
    """Received when every carton of every line is in; partially received otherwise."""
    if all(c.complete for c in counts):
        return ReturnStatus.RECEIVED
    return ReturnStatus.PARTIALLY_RECEIVED


def missing_summary(counts: Sequence[CartonCount]) -> list[tuple[str, int, int]]:
    """(tag code, received, expected) for each line still missing cartons."""
    return [(c.tag_code, c.received, c.expected) for c in counts if not c.complete]


def counted_by_hand(counted: Mapping[K, int], scanned: Mapping[K, int]) -> dict[K, int]:
    """Cartons a receipt claims beyond those whose tags were scanned, per line: a carton is
    received when its tag is scanned, or when a person types its count and says why."""
    return {line: n - scanned.get(line, 0) for line, n in counted.items()
            if n > scanned.get(line, 0)}
