"""A small demo database, made once per module, on a real SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from livenon_desk.demo.generator import DemoSummary, generate_demo_data
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store

TODAY = date(2026, 11, 25)
RETURNS = 300
SEED = 20251


def make_demo(path: Path, *, returns: int = RETURNS, seed: int = SEED,
              today: date = TODAY) -> DemoSummary:
    store = open_store(path)
    try:
        return generate_demo_data(store, returns=returns, seed=seed, today=today)
    finally:
        store.dispose()


def dump(path: Path) -> list[str]:
    """Every row of every table (full-text index included), as SQL text; not the desk's
    own id, which is new for every database by design."""
    db = sqlite3.connect(path)
    try:
        return [line for line in db.iterdump()
                if not line.startswith('INSERT INTO "desk_identity"')]
    finally:
        db.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    return path, make_demo(path)


@pytest.fixture(scope="module")
def db(demo: tuple[Path, DemoSummary]) -> Iterator[sqlite3.Connection]:
    """A plain read-only connection to the demo database, rows as ``sqlite3.Row``."""
    connection = sqlite3.connect(f"file:{demo[0]}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def store(demo: tuple[Path, DemoSummary]) -> Iterator[Store]:
    opened = open_store(demo[0], create=False)
    yield opened
    opened.dispose()
