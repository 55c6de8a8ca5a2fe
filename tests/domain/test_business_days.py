from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livenon_desk.domain.business_days import BusinessCalendar
from livenon_desk.domain.policy import default_policies

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
