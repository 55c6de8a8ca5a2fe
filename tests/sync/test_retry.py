"""Capped exponential backoff with jitter, and Retry-After as a floor."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from livenon_desk.sync.errors import (
    AuthError,
    BusyError,
    ConflictError,
    InFlightError,
    PermissionDeniedError,
    RejectedError,
    RestrictedError,
    error_for,
)
from livenon_desk.sync.retry import NEVER_RETRIED, RETRY_STATUSES, RetryPolicy, parse_retry_after


def test_backoff_doubles_up_to_the_cap_with_full_jitter() -> None:
    policy = RetryPolicy(attempts=10, base_delay=0.5, max_delay=4.0)
    top = [policy.delay(n, None, lambda: 1.0) for n in range(6)]
    assert top == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert policy.delay(3, None, lambda: 0.0) == 0.0
    assert policy.delay(3, None, lambda: 0.25) == pytest.approx(1.0)


def test_retries_stop_after_the_attempts() -> None:
    policy = RetryPolicy(attempts=3)
    assert policy.delay(0, None) is not None
    assert policy.delay(1, None) is not None
    assert policy.delay(2, None) is None


def test_retry_after_is_a_floor_and_too_long_a_wait_stops() -> None:
    policy = RetryPolicy(base_delay=0.2, max_retry_after=30)
    assert policy.delay(0, 7.0, lambda: 0.0) == 7.0
    assert policy.delay(0, 7.0, lambda: 1.0) == pytest.approx(7.2)
    assert policy.delay(0, 31.0, lambda: 0.0) is None


def test_retry_after_in_seconds_or_as_a_date() -> None:
    now = datetime(2026, 11, 25, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("Wed, 25 Nov 2026 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("Wed, 25 Nov 2026 11:00:00 GMT", now) == 0.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None


def test_answers_that_cannot_change_are_never_retried() -> None:
    assert {400, 401, 403, 409, 412, 422} <= NEVER_RETRIED
    assert not NEVER_RETRIED & RETRY_STATUSES
    assert {429, 503} <= RETRY_STATUSES


def test_each_final_status_has_its_error_in_two_languages() -> None:
    expected = {401: AuthError, 403: PermissionDeniedError, 412: ConflictError,
                423: RestrictedError, 429: BusyError, 503: BusyError, 400: RejectedError,
                422: RejectedError, 404: RejectedError}
    for status, kind in expected.items():
        error = error_for(status, {"title": "t", "detail": "d"})
        assert isinstance(error, kind), status
        assert error.status == status
        assert error.text("en") != error.text("zh")
    in_flight = error_for(409, {"type": "urn:livenon:problem:request-in-flight"})
    assert isinstance(in_flight, InFlightError)
    conflict = error_for(412, {"current": {"id": "RMA-1", "version": 4}})
    assert isinstance(conflict, ConflictError) and conflict.current == {"id": "RMA-1",
                                                                         "version": 4}
