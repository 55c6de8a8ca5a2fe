"""The audit chain is keyed with the desk's secret, and a database from before the key
still opens and verifies (issue 14, 4)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from livenon_desk.domain.audit_chain import GENESIS, EventContent, chain_hash
from livenon_desk.services.audit import AuditAction, AuditService
from livenon_desk.store import opening
from livenon_desk.store.audit_key import AuditKeyMissingError, AuditKeyStore
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store
from tests.builders import NOW
from tests.conftest import INSPECTOR


def _record(store: Store, n: int, start: int = 0) -> AuditService:
    audit = AuditService(store, clock=lambda: NOW)
    for i in range(start, start + n):
        audit.record(INSPECTOR, AuditAction.VIEWED, entity_kind="return",
                     entity_key=f"RMA-{i}", after={"i": i})
    return audit


def _content(row: tuple[object, ...]) -> EventContent:
    at, actor, action, kind, key, before, after, detail = row
    parsed = datetime.fromisoformat(str(at)).replace(tzinfo=UTC)
    return EventContent(parsed, str(actor), str(action), kind, key,  # type: ignore[arg-type]
                        json.loads(before) if before else None,  # type: ignore[arg-type]
                        json.loads(after) if after else None,  # type: ignore[arg-type]
                        detail)  # type: ignore[arg-type]


def rewrite_chain(path: Path, change_sql: str, key: bytes | None = None) -> None:
    """What someone with the database file and the project's code can do: change an event,
    then recompute every link after it (with ``key``, or the plain hash)."""
    raw = sqlite3.connect(path)
    raw.executescript("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;"
                      + change_sql)
    prev = GENESIS
    rows = raw.execute("SELECT id, at, actor, action, entity_kind, entity_key, before, after, "
                       "detail FROM audit_events ORDER BY id").fetchall()
    for row in rows:
        digest = chain_hash(prev, _content(row[1:]), key)
        raw.execute("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?",
                    (prev, digest, row[0]))
        prev = digest
    raw.commit()
    raw.close()


def test_an_event_edited_and_the_chain_recomputed_is_found(store: Store) -> None:
    _record(store, 5)
    store.dispose()

    rewrite_chain(store.path, "UPDATE audit_events SET actor = 'mallory' WHERE id = 3;")

    reopened = open_store(store.path)
    report = AuditService(reopened).verify()
    reopened.dispose()
    assert not report.ok and report.first_bad_id == 1
    assert report.problem is not None and "changed" in report.problem.text()


def test_the_key_is_the_desks_own_and_kept_outside_the_database(store: Store) -> None:
    audit = _record(store, 3)
    desk_id = audit.desk_id()
    key = AuditKeyStore().load(desk_id)

    assert key is not None and len(key.secret) == 32 and key.keyed_from == 1
    assert key.secret.hex() not in store.path.read_bytes().hex()
    key_file = AuditKeyStore()._file(desk_id)
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert audit.verify().ok and audit.verify().checked == 3


def test_without_the_key_keyed_events_cannot_be_checked_and_nothing_is_added(
    store: Store,
) -> None:
    audit = _record(store, 2)
    AuditKeyStore().forget(audit.desk_id())
    store.audit_key = None

    report = audit.verify()

    assert report.problem is not None and "audit key" in report.problem.text()
    assert not report.ok and "审计密钥" in report.problem.text("zh")
    with pytest.raises(AuditKeyMissingError, match="audit key"):
        _record(store, 1, start=9)


def test_a_database_from_before_the_key_opens_verifies_and_goes_on_keyed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config = opening._alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
    prev = GENESIS
    with engine.begin() as connection:
        for i in range(1, 4):
            at = datetime(2026, 11, 20, 9, i, tzinfo=UTC)
            content = EventContent(at, "mchen", "viewed", "return", f"RMA-{i}", None, None,
                                   None)
            digest = chain_hash(prev, content)  # the chain as desks wrote it before
            connection.exec_driver_sql(
                "INSERT INTO audit_events (id, at, actor, action, entity_kind, entity_key, "
                "prev_hash, hash) VALUES (?, ?, 'mchen', 'viewed', 'return', ?, ?, ?)",
                (i, at.replace(tzinfo=None).isoformat(sep=" "), f"RMA-{i}", prev, digest))
            prev = digest
    engine.dispose()

    store = open_store(path)
    old = AuditService(store).verify()
    audit = _record(store, 2, start=4)
    both = audit.verify()
    key = AuditKeyStore().load(audit.desk_id())
    store.dispose()
    rewrite_chain(path, "UPDATE audit_events SET actor = 'mallory' WHERE id = 2;")
    store = open_store(path)
    rewritten = AuditService(store).verify()
    store.dispose()

    assert old.ok and old.checked == 3
    assert key is not None and key.keyed_from == 4
    assert both.ok and both.checked == 5
    assert not rewritten.ok and rewritten.first_bad_id == 4
