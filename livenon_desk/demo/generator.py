"""Fill an empty store with seeded demo data, fast.

The same ``seed`` and the same ``today`` give the same database, row for row and byte for
byte: everything is drawn from one ``random.Random(seed)`` in a fixed order, and every
moment is computed from ``today`` (never from the clock, never from ``uuid4``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from livenon_desk.demo.bulk_load import BulkLoader
from livenon_desk.demo.row_stream import DemoPlan, stream_chunks
from livenon_desk.errors import KnownError
from livenon_desk.store.database import Store

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
# From this many returns on, a worker process makes the rows while this one writes them.
WORKER_FROM = 50_000


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    orders: int
    returns: int
    seconds: float


def generate_demo_data(
    store: Store,
    *,
    returns: int,
    seed: int,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill the empty ``store`` with ``returns`` demo returns (one order each, about one
    customer per three returns), dated relative to ``today``; ``progress(done, total)`` is
    called after every chunk. A store that already holds data is refused.
    """
    if returns < 0:
        raise ValueError("returns must not be negative")
    started = time.perf_counter()
    _refuse_unless_empty(store)
    plan = DemoPlan(returns, seed, today if today is not None else date.today())
    chunks = stream_chunks(plan, in_worker=returns >= WORKER_FROM)
    with BulkLoader(store.engine) as loader, closing(chunks):
        for done, rows in chunks:
            for table, table_rows in rows.items():
                loader.insert(table, table_rows)
            loader.commit()
            if progress is not None and done:
                progress(done, returns)
    loaded = time.perf_counter()
    _analyze(store)
    seconds = time.perf_counter() - started
    log.info("demo data: %d returns in %.1f s (rows, full-text index and indexes %.1f s, "
             "statistics %.1f s)", returns, seconds, loaded - started, seconds - (loaded - started))
    return DemoSummary(plan.customers, returns, returns, seconds)


def _refuse_unless_empty(store: Store) -> None:
    with store.engine.connect() as connection:
        for table in ("return_requests", "orders", "customers"):
            if connection.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first():
                raise KnownError("error.demo-not-empty", path=store.path)


def _analyze(store: Store) -> None:
    """The planner's statistics (the full-text index was written with the rows)."""
    with store.engine.connect() as connection:
        try:
            # Before any transaction begins: the safety level cannot change inside one.
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA synchronous=OFF")
            connection.exec_driver_sql("PRAGMA analysis_limit=1000")
            connection.exec_driver_sql("ANALYZE")
            connection.commit()
        finally:
            # Its pragmas are not the store's: let the pool make a fresh connection.
            connection.invalidate()
