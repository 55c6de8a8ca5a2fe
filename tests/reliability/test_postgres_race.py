"""Concurrent writers and readers against 3 central server processes on one PostgreSQL.

Writers push batches that change returns (receipts) and inspections, each through any of
the servers; readers pull ``/changes`` page by page from any of the servers while they
write. When the writers are done, each reader pulls to the end, and must then hold the
server's latest version of every record: a pull that let its cursor pass a committed
change leaves a reader with a stale record for ever.

CI runs a bounded form. The full length, by hand (about 5,000 batches):

    LIVENON_RACE_BATCHES=1250 .venv/bin/pytest -m reliability -k race tests/reliability
"""

from __future__ import annotations

import os
import random
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from livenon_desk.central import tables
from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.demo_load import load_demo
from livenon_desk.sync.client import CentralClient, ClientSettings
from livenon_desk.sync.results import BatchWrite
from tests.central_server import FAST_HASHER, FAST_RETRY, PASSWORDS, TODAY
from tests.reliability.server_processes import central_processes

pytestmark = [pytest.mark.reliability, pytest.mark.slow]

SERVERS = 3
WRITERS = 4
READERS = 3
BATCHES_PER_WRITER = int(os.environ.get("LIVENON_RACE_BATCHES", "25"))
PAGE = 25  # small pages: many cursors, many chances to pass a change
Key = tuple[str, str]


@dataclass
class Owned:
    """A return a writer alone changes, its version, and its inspection's id and version."""

    rma: str
    version: int
    lines: list[dict[str, Any]]
    inspection: str = field(default_factory=lambda: str(uuid.uuid4()))
    inspection_version: int | None = None


def _client(url: str) -> CentralClient:
    client = CentralClient(ClientSettings(url, retry=FAST_RETRY, read_timeout=60.0))
    client.sign_in("inspector", PASSWORDS["inspector"])
    return client


def _batch(owned: list[Owned], rng: random.Random, n: int) -> list[BatchWrite]:
    """A receipt and then an inspection of each return: each batch changes two tables."""
    items: list[BatchWrite] = []
    for ret in owned:
        items.append(BatchWrite(str(uuid.uuid4()), "receipt", ret.rma, {
            "received_at": f"2026-11-25T10:{n % 60:02d}:00+00:00",
            "received_by": "inspector",
            "parcel_condition": rng.choice(["intact", "damaged_outer_box"]),
            "lines": [{"tag_code": line["tag_code"],
                       "cartons_received": line["cartons_expected"]}
                      for line in ret.lines],
        }, ret.version))
        items.append(BatchWrite(str(uuid.uuid4()), "inspection", ret.inspection, {
            "rma_number": ret.rma,
            "tag_code": ret.lines[0]["tag_code"],
            "inspector": "inspector",
            "started_at": "2026-11-25T09:00:00+00:00",
            "notes": f"pass {n}",
            "checklist": {"unassembled": rng.choice(["yes", "no"])},
        }, ret.inspection_version))
    return items


def _write(url: str, owned: list[Owned], seed: int, errors: list[str]) -> None:
    rng = random.Random(seed)
    client = _client(url)
    try:
        for n in range(BATCHES_PER_WRITER):
            chosen = rng.sample(owned, rng.randint(1, min(3, len(owned))))
            results = client.push_batch(_batch(chosen, rng, n))
            for ret, (receipt, inspection) in zip(chosen, zip(results[::2], results[1::2],
                                                              strict=True), strict=True):
                if receipt.status != 200 or inspection.status not in (200, 201):
                    errors.append(f"write refused: {receipt.status} {inspection.status} "
                                  f"{receipt.body if receipt.status != 200 else inspection.body}")
                    return
                ret.version = int((receipt.body or {})["version"])
                ret.inspection_version = int((inspection.body or {})["version"])
    except Exception as exc:  # reported by the test, not lost in a thread
        errors.append(f"writer: {exc!r}")
    finally:
        client.close()


def _read(url: str, held: dict[Key, int], writing: threading.Event,
          errors: list[str]) -> None:
    """Pull as a desk does, keeping each record's version, until the writers are done and
    a last pull from the cursor finds nothing more."""
    client = _client(url)
    cursor: str | None = None
    try:
        while True:
            still_writing = writing.is_set()
            page = client.pull(cursor, PAGE)
            for change in page.changes:
                key = (change.kind, change.id)
                if change.version > held.get(key, 0):
                    held[key] = change.version
            cursor = page.next_cursor
            if not page.has_more and not page.changes and not still_writing:
                return
    except Exception as exc:
        errors.append(f"reader: {exc!r}")
    finally:
        client.close()


def _server_versions(db: CentralDatabase) -> dict[Key, int]:
    versions: dict[Key, int] = {}
    with db.read() as c:
        for kind, t in tables.ENTITY_TABLES.items():
            for key, version in c.execute(select(t.c.key, t.c.version)):
                versions[(kind, str(key))] = int(version)
    return versions


@pytest.fixture
def central_db(postgres_url: str) -> Iterator[CentralDatabase]:
    db = CentralDatabase(postgres_url)
    try:
        yield db
    finally:
        db.dispose()


def _owned(db: CentralDatabase) -> list[Owned]:
    load_demo(db, returns=24, seed=1414, today=TODAY, hasher=FAST_HASHER)
    with db.read() as c:
        rows = c.execute(select(tables.returns.c.key, tables.returns.c.version,
                                tables.returns.c.data)
                         .where(tables.returns.c.restricted.is_(False),
                                tables.returns.c.deleted.is_(False))
                         .order_by(tables.returns.c.key)).all()
    return [Owned(str(r.key), int(r.version), list(r.data["lines"])) for r in rows]


@pytest.mark.timeout(120 + BATCHES_PER_WRITER)
def test_every_reader_ends_with_every_latest_version(central_db: CentralDatabase,
                                                     postgres_url: str,
                                                     tmp_path: Path) -> None:
    db = central_db
    errors: list[str] = []
    held: list[dict[Key, int]] = [{} for _ in range(READERS)]
    writing = threading.Event()
    writing.set()
    # The servers start together on an empty database: one of them migrates it.
    with central_processes(postgres_url, SERVERS, tmp_path) as urls:
        owned = _owned(db)
        assert len(owned) >= WRITERS * 2
        writers = [threading.Thread(target=_write, args=(urls[n % SERVERS], owned[n::WRITERS],
                                                          n, errors))
                   for n in range(WRITERS)]
        readers = [threading.Thread(target=_read, args=(urls[(n + 1) % SERVERS], held[n],
                                                         writing, errors))
                   for n in range(READERS)]
        for t in readers + writers:
            t.start()
        for t in writers:
            t.join()
        writing.clear()
        for t in readers:
            t.join()
    assert errors == []

    latest = _server_versions(db)
    batches = WRITERS * BATCHES_PER_WRITER
    assert {("inspection", ret.inspection) for ret in owned} <= latest.keys()
    for n, versions in enumerate(held):
        stale = {k: (v, versions.get(k)) for k, v in latest.items() if versions.get(k) != v}
        assert stale == {}, (
            f"reader {n} after {batches} batches holds {len(stale)} records behind the "
            f"server (server version, reader's): {sorted(stale.items())[:10]}")
