"""Business days (P2, P5): weekends, the public holidays of the calendars the policy
names (observed days included) and the warehouse's own closures from the policy file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from livenon_desk.errors import CalendarError

if TYPE_CHECKING:
    from holidays import HolidayBase


def _country_holidays(code: str, year: int | None = None) -> HolidayBase:
    # The holidays library takes a tenth of a second to load: it is loaded when a
    # calendar is first read, not when the window that shows deadlines starts.
    import holidays as holiday_data

    country, _, subdiv = code.partition("-")
    if year is None:
        return holiday_data.country_holidays(country, subdiv=subdiv or None)
    return holiday_data.country_holidays(country, subdiv=subdiv or None, years=year,
                                         observed=True)


def check_holiday_calendar(code: str) -> None:
    """Refuse a calendar the holidays library does not know: ``"US"`` or ``"US-CA"``
    (country, then an optional subdivision); ``ValueError`` says what is wrong."""
    try:
        _country_holidays(code)
    except NotImplementedError as exc:
        raise ValueError(f"names an unknown holiday calendar {code!r} ({exc})") from None


@cache
def _years(code: str) -> tuple[int, int]:
    known = _country_holidays(code)
    return int(known.start_year), int(known.end_year)


@cache
def public_holidays(code: str, year: int) -> frozenset[date]:
    """The public holidays of ``code`` in ``year``, observed days included (a Saturday's
    holiday kept on the Friday before, a Sunday's on the Monday after)."""
    days = _country_holidays(code, year)
    return frozenset(days.keys())


@dataclass(frozen=True)
class BusinessCalendar:
    weekend: frozenset[int]  # ISO weekdays, Monday = 1
    holidays: frozenset[date]  # the warehouse's own closures, from the policy file
    public: tuple[str, ...] = ()  # holiday calendars, e.g. "US" or "US-CA"

    @property
    def years(self) -> tuple[int, int] | None:
        """The first and last year every named calendar covers (None: no calendar named)."""
        if not self.public:
            return None
        spans = [_years(code) for code in self.public]
        return max(first for first, _ in spans), min(last for _, last in spans)

    def is_business_day(self, day: date) -> bool:
        """Not a weekend day, not a closure, not a public holiday; a day outside the years
        the calendars cover is a ``CalendarError``, never silently a business day."""
        span = self.years
        if span is not None and not span[0] <= day.year <= span[1]:
            names = ", ".join(self.public)
            raise CalendarError(
                "error.outside-calendar",
                names=names,
                first=span[0],
                last=span[1],
                day=day.isoformat(),
            )
        if day.isoweekday() in self.weekend or day in self.holidays:
            return False
        return all(day not in public_holidays(code, day.year) for code in self.public)

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
