"""Plain data of the work queue: its lists and the week's statistics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from livenon_desk.domain.enums import ReasonCode
from livenon_desk.store.rows import ReturnFilter, SortKey


@dataclass(frozen=True)
class Queue:
    """One of the start screen's lists: its filter, its natural order, and its size."""

    key: str
    filter: ReturnFilter
    sort: SortKey
    descending: bool
    count: int
    # A list of work past its deadline: the policy's days it is cut at (business days for
    # P5 and P2, calendar days for P6), for the words that explain it.
    deadline_days: int | None = None


@dataclass(frozen=True)
class DayStat:
    day: date
    inspected: int
    passed: int


@dataclass(frozen=True)
class ReasonStat:
    reason: ReasonCode
    inspected: int
    passed: int

    @property
    def pass_rate(self) -> float:
        return self.passed / self.inspected if self.inspected else 0.0


@dataclass(frozen=True)
class WeekStats:
    days: tuple[DayStat, ...]
    reasons: tuple[ReasonStat, ...]
