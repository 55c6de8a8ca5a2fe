"""A token bucket per client: ``rate`` requests a second on average, ``burst`` at once.

``TokenBuckets`` keeps them in the process (one server process on SQLite);
``DatabaseBuckets`` keeps them in the database, so that every server process on one
PostgreSQL draws from the same bucket per client.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Protocol

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from livenon_desk.central import tables
from livenon_desk.central.database import CentralDatabase


class Buckets(Protocol):
    def take(self, key: str) -> float:
        """0 when the request may go, else the seconds to wait."""


class TokenBuckets:
    """Thread-safe; ``take(key)`` returns 0 when the request may go, else the seconds to
    wait (what ``Retry-After`` says, rounded up to whole seconds by the caller)."""

    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self.rate = rate
        self.burst = float(burst)
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)

    def take(self, key: str) -> float:
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - at) * self.rate)
            if len(self._buckets) > 10_000:
                self._forget_full(now)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def _forget_full(self, now: float) -> None:
        # A bucket that has refilled is the same as no bucket.
        full = [k for k, (t, at) in self._buckets.items()
                if t + (now - at) * self.rate >= self.burst]
        for k in full:
            del self._buckets[k]


class DatabaseBuckets:
    """The buckets as rows of ``rate_buckets``, each read and written under its row lock:
    a client sending to several server processes is limited once, not once per process.
    ``clock`` is Unix time (shared by processes and machines, unlike a monotonic clock)."""

    _SWEEP_EVERY = 1000

    def __init__(self, db: CentralDatabase, rate: float, burst: int,
                 clock: Callable[[], float] = time.time) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        if db.is_sqlite:
            raise ValueError("SQLite serves one process: use TokenBuckets")
        self.rate = rate
        self.burst = float(burst)
        self._db = db
        self._clock = clock
        self._takes = 0

    def take(self, key: str) -> float:
        now = self._clock()
        t = tables.rate_buckets
        with self._db.write() as c:
            c.execute(pg_insert(t).values(key=key, tokens=self.burst, at=now)
                      .on_conflict_do_nothing(index_elements=[t.c.key]))
            row = c.execute(select(t.c.tokens, t.c.at).where(t.c.key == key)
                            .with_for_update()).one()
            # Another machine's clock may be a little behind: time never runs backwards.
            at = max(now, float(row.at))
            tokens = min(self.burst, float(row.tokens) + (at - float(row.at)) * self.rate)
            wait = 0.0
            if tokens >= 1.0:
                tokens -= 1.0
            else:
                wait = (1.0 - tokens) / self.rate
            c.execute(update(t).where(t.c.key == key).values(tokens=tokens, at=at))
            self._takes += 1
            if self._takes % self._SWEEP_EVERY == 0:
                # A bucket that has refilled is the same as no bucket.
                c.execute(delete(t).where(t.c.at < now - self.burst / self.rate))
        return wait


def retry_after_header(wait: float) -> str:
    return str(max(1, math.ceil(wait)))
