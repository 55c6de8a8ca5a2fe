"""The check every harness ends with: every change the desk saved is on the server exactly
once, the desk holds nothing unsent, and both databases pass SQLite's integrity check."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from livenon_desk.central import tables
from livenon_desk.models import AuditEvent, Inspection, ReturnRequest, Unit, UnitMove
from livenon_desk.services.sync_service import SyncService
from livenon_desk.store.audit_key import desk_identity
from livenon_desk.store.opening import open_store
from livenon_desk.sync.client import CentralClient
from livenon_desk.sync.worker import SyncWorker
from tests.central_server import Central
from tests.reliability.desk_process import NOW


@dataclass(frozen=True)
class Exactness:
    saved: int  # receipts, inspections, audit events, units and moves the desk committed
    lost: int
    duplicated: int
    unsent: int  # still waiting, refused or in conflict after the last round
    integrity_ok: bool

    @property
    def ok(self) -> bool:
        return not (self.lost or self.duplicated or self.unsent) and self.integrity_ok


@dataclass(frozen=True)
class Before:
    """The server's return versions, and what the desk had done already, at the start."""

    versions: dict[str, int]
    received: frozenset[str]
    finished: frozenset[str]


def _done(desk_path: Path) -> tuple[list[str], list[str], int, str]:
    store = open_store(desk_path)
    try:
        with store.session() as s:
            desk_id = desk_identity(s).desk_id
            received = list(s.scalars(select(ReturnRequest.rma_number).where(
                ReturnRequest.received_at.is_not(None))))
            finished = list(s.scalars(select(Inspection.uuid).where(
                Inspection.finished_at.is_not(None))))
            events = int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)
    finally:
        store.dispose()
    return received, finished, events, desk_id


def _units(desk_path: Path) -> tuple[dict[str, str], list[str]]:
    """The desk's units with their state, and its moves' uuids (issue 17)."""
    store = open_store(desk_path)
    try:
        with store.read_session() as s:
            units = {u.code: u.state.value for u in s.scalars(select(Unit))}
            moves = list(s.scalars(select(UnitMove.uuid)))
    finally:
        store.dispose()
    return units, moves


def before_run(desk_path: Path, central: Central) -> Before:
    received, finished, _, _ = _done(desk_path)
    return Before(return_versions(central), frozenset(received), frozenset(finished))


def return_versions(central: Central) -> dict[str, int]:
    with central.context.db.read() as c:
        return {str(k): int(v) for k, v in c.execute(
            select(tables.returns.c.key, tables.returns.c.version)).all()}


def _integrity(path: Path) -> bool:
    raw = sqlite3.connect(path)
    try:
        return bool(raw.execute("PRAGMA integrity_check").fetchone() == ("ok",))
    finally:
        raw.close()


def drain_and_check(desk_path: Path, central: Central, client: CentralClient,
                    before: Before) -> Exactness:
    """Send what waits over a clean connection, then compare the desk with the server."""
    store = open_store(desk_path)
    try:
        worker = SyncWorker(store, client, None, lambda: NOW)
        for _ in range(5):
            worker.run_round()
            if SyncService(store).tally().waiting == 0:
                break
        tally = SyncService(store).tally()
    finally:
        store.dispose()
    all_received, all_finished, events, desk_id = _done(desk_path)
    received = [r for r in all_received if r not in before.received]
    finished = [u for u in all_finished if u not in before.finished]
    after = return_versions(central)
    with central.context.db.read() as c:
        versions = dict(c.execute(select(tables.inspections.c.key,
                                         tables.inspections.c.version)).all())
        audit = [row.data for row in c.execute(select(tables.audit_events.c.data))]
    lost = duplicated = 0
    for rma in received:  # one receipt each: the server's version moved on exactly once
        moved = after[rma] - before.versions[rma]
        lost += moved < 1
        duplicated += moved > 1
    for uuid in finished:  # one finished inspection each: created once, never rewritten
        version = versions.get(uuid)
        lost += version is None
        duplicated += version is not None and version > 1
    sent_events = sum(1 for d in audit if (d.get("details") or {}).get("desk_id") == desk_id)
    lost += max(0, events - sent_events)
    duplicated += max(0, sent_events - events)
    units, moves = _units(desk_path)
    with central.context.db.read() as c:
        on_server = {str(k): d for k, d in c.execute(
            select(tables.units.c.key, tables.units.c.data)).all()}
        server_moves = [str(u) for u in c.execute(select(tables.unit_moves.c.uuid)).scalars()]
    for code, state in units.items():  # each unit as the desk last left it
        lost += (on_server.get(code) or {}).get("state") != state
    lost += len(set(moves) - set(server_moves))
    duplicated += len(server_moves) - len(set(server_moves))
    central_path = Path(str(make_url(central.context.db.url).database))
    return Exactness(saved=len(received) + len(finished) + events + len(units) + len(moves),
                     lost=lost,
                     duplicated=duplicated,
                     unsent=tally.waiting + tally.refused + tally.conflicted,
                     integrity_ok=_integrity(desk_path) and _integrity(central_path))
