from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livenon_desk.domain.business_days import BusinessCalendar
from livenon_desk.domain.policy import default_policies
from livenon_desk.errors import CalendarError

CALENDAR = default_policies().latest.calendar
DAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))


def test_weekend_and_holidays_are_not_business_days() -> None:
    assert not CALENDAR.is_business_day(date(2025, 11, 29))  # Saturday
    assert not CALENDAR.is_business_day(date(2025, 11, 30))  # Sunday
    assert not CALENDAR.is_business_day(date(2025, 11, 27))  # Thanksgiving
    assert CALENDAR.is_business_day(date(2025, 11, 26))


def test_thanksgiving_and_a_weekend_are_skipped() -> None:
    received = date(2025, 11, 26)  # Wednesday before Thanksgiving
    assert CALENDAR.add_business_days(received, 1) == date(2025, 11, 28)
    assert CALENDAR.add_business_days(received, 3) == date(2025, 12, 2)
    assert CALENDAR.add_business_days(received, 5) == date(2025, 12, 4)


def test_friday_plus_one_is_monday() -> None:
    assert CALENDAR.add_business_days(date(2026, 3, 13), 1) == date(2026, 3, 16)


def test_zero_days_is_the_day_itself_and_negative_is_refused() -> None:
    assert CALENDAR.add_business_days(date(2026, 3, 14), 0) == date(2026, 3, 14)
    with pytest.raises(ValueError, match="negative"):
        CALENDAR.add_business_days(date(2026, 3, 14), -1)


def test_a_calendar_without_working_days_is_refused() -> None:
    with pytest.raises(ValueError, match="no working weekday"):
        BusinessCalendar(frozenset(range(1, 8)), frozenset()).add_business_days(date.today(), 1)


@given(day=DAYS, n=st.integers(min_value=1, max_value=40))
def test_result_is_a_business_day_after_start(day: date, n: int) -> None:
    result = CALENDAR.add_business_days(day, n)
    assert CALENDAR.is_business_day(result)
    assert result > day
    # n business days never take more than n weeks plus the holidays in between.
    assert result - day <= timedelta(days=7 * n + 14)


@given(day=DAYS, n=st.integers(min_value=0, max_value=40))
def test_between_inverts_add(day: date, n: int) -> None:
    assert CALENDAR.business_days_between(day, CALENDAR.add_business_days(day, n)) == n


@given(day=DAYS, n=st.integers(min_value=0, max_value=30))
def test_adding_is_monotonic(day: date, n: int) -> None:
    assert CALENDAR.add_business_days(day, n) <= CALENDAR.add_business_days(day, n + 1)


@given(a=DAYS, b=DAYS)
def test_between_is_zero_backwards(a: date, b: date) -> None:
    if b <= a:
        assert CALENDAR.business_days_between(a, b) == 0


# Fixed-date US federal holidays: (month, day). On a Saturday the Friday before is
# observed, on a Sunday the Monday after (5 U.S.C. 6103(b)).
_FIXED = {"New Year's Day": (1, 1), "Juneteenth": (6, 19), "Independence Day": (7, 4),
          "Veterans Day": (11, 11), "Christmas Day": (12, 25)}


def _observed(day: date) -> date:
    if day.isoweekday() == 6:
        return day - timedelta(days=1)
    if day.isoweekday() == 7:
        return day + timedelta(days=1)
    return day


@pytest.mark.parametrize("year", range(2025, 2036))
def test_observed_fridays_and_mondays_are_holidays(year: int) -> None:
    for name, (month, day) in _FIXED.items():
        observed = _observed(date(year, month, day))
        assert not CALENDAR.is_business_day(observed), f"{name} {year} observed {observed}"
        if observed != date(year, month, day):
            # Only the observed day is off: Thursday before a Friday, Tuesday after a Monday.
            other = observed + timedelta(days=1 if observed.isoweekday() == 1 else -1)
            assert CALENDAR.is_business_day(other), f"{name} {year}: {other}"


def test_new_years_day_2028_is_observed_on_friday_31_december_2027() -> None:
    assert not CALENDAR.is_business_day(date(2027, 12, 31))
    assert CALENDAR.add_business_days(date(2027, 12, 30), 1) == date(2028, 1, 3)


@pytest.mark.parametrize("thanksgiving", [
    date(2028, 11, 23), date(2031, 11, 27), date(2035, 11, 22),
], ids=str)
def test_floating_holidays_after_2027_are_holidays(thanksgiving: date) -> None:
    assert not CALENDAR.is_business_day(thanksgiving)
    assert CALENDAR.add_business_days(thanksgiving - timedelta(days=1), 1) == \
        thanksgiving + timedelta(days=1)


def test_the_files_own_closures_are_not_business_days() -> None:
    closed = date(2030, 3, 12)  # a Tuesday
    calendar = BusinessCalendar(CALENDAR.weekend, frozenset({closed}), CALENDAR.public)
    assert CALENDAR.is_business_day(closed)
    assert not calendar.is_business_day(closed)


def test_a_day_outside_the_calendar_is_an_error_the_user_sees() -> None:
    with pytest.raises(CalendarError) as caught:
        CALENDAR.add_business_days(date(2100, 12, 30), 3)
    assert "2101" in caught.value.message and "US" in caught.value.message
    assert "2101" in caught.value.text("zh") and "日历" in caught.value.text("zh")
