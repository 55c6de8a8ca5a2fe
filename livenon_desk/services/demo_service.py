"""Making a demo database: a fresh file filled by the seeded generator."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from livenon_desk.demo.generator import DemoSummary, generate_demo_data
from livenon_desk.store.opening import open_store

log = logging.getLogger(__name__)

_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def create_demo_database(
    path: Path, *, returns: int, seed: int, today: date | None = None, replace: bool = False
) -> DemoSummary:
    """Fill ``path`` with demo returns; with ``replace``, start from an empty file."""
    if replace:
        for suffix in ("", *_SQLITE_SIDE_FILES):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = open_store(path)
    try:
        summary = generate_demo_data(store, returns=returns, seed=seed, today=today)
    finally:
        store.dispose()
    log.info("demo database %s: %d returns in %.1f s", path, summary.returns, summary.seconds)
    return summary
