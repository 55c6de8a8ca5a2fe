"""Business days (P2, P5): weekends and the warehouse's holidays from the policy file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class BusinessCalendar:
    weekend: frozenset[int]  # ISO weekdays, Monday = 1
    holidays: frozenset[date]

    def is_business_day(self, day: date) -> bool:
        return day.isoweekday() not in self.weekend and day not in self.holidays

    def add_business_days(self, start: date, n: int) -> date:
        """The ``n``-th business day strictly after ``start`` (``start`` itself for n = 0)."""
        if n < 0:
            raise ValueError("n must not be negative")
        if len(self.weekend) >= 7:
            raise ValueError("a calendar with no working weekday has no business days")
        day = start
        remaining = n
        while remaining:
            day += timedelta(days=1)
            if self.is_business_day(day):
                remaining -= 1
        return day

    def business_days_between(self, start: date, end: date) -> int:
        """Business days in (start, end]; 0 when ``end`` is not after ``start``."""
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_business_day(day):
                count += 1
        return count
