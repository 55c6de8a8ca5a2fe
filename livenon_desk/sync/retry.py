"""When to send a request again, and how long to wait first.

Capped exponential backoff with full jitter (a random wait between 0 and
``min(cap, base * 2**n)``), so that desks coming back online together do not knock in
step; a server's ``Retry-After`` is a floor, never cut short. Only answers that may be
different next time are retried: a 400, 401, 403, 409, 412 or 422 will not change by
asking again. Every write carries an Idempotency-Key, so resending one whose answer was
lost (timeout, broken connection) cannot write it twice.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
NEVER_RETRIED = frozenset({400, 401, 403, 404, 409, 412, 422, 423, 428})


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5  # tries in all, the first included
    base_delay: float = 0.25
    max_delay: float = 8.0
    # A server that asks for a longer pause than this is treated as unavailable for now.
    max_retry_after: float = 120.0

    def delay(
        self, retry: int, retry_after: float | None, rng: Callable[[], float] = random.random
    ) -> float | None:
        """Seconds to wait before retry number ``retry`` (0 for the first), or None to stop."""
        if retry + 1 >= self.attempts:
            return None
        backoff = rng() * min(self.max_delay, self.base_delay * 2.0**retry)
        if retry_after is None:
            return backoff
        if retry_after > self.max_retry_after:
            return None
        # The server's wait, plus a little spread so that clients do not return in step.
        return retry_after + rng() * self.base_delay


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date); None if absent
    or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())
