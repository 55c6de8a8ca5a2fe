"""A desk upgraded over a database of the previous release's schema: the file is backed up,
migrated, keeps its outbox and its unsent audit events, its audit chain verifies across the
upgrade, and everything reaches the real central server once."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from alembic import command
from sqlalchemy import delete

from livenon_desk.central import tables
from livenon_desk.models import AuditEvent, OutboxRow
from livenon_desk.services.audit import AuditAction, AuditService
from livenon_desk.store import opening
from livenon_desk.store.database import Store, make_engine
from livenon_desk.store.opening import current_revision
from livenon_desk.sync.worker import Outcome
from tests.builders import NOW
from tests.central_server import Central
from tests.sync.desk import INSPECTOR, UNIT_KINDS, make_desk
from tests.sync.test_outbox_and_push import _received_and_inspected

# The schema of the release before the incoming mails (0008, 0009).
PREVIOUS_RELEASE = "0007"


def _down_to_previous_release(path: Path) -> None:
    """The file taken down to the previous release's schema: its outbox, audit trail and
    records stay as that desk kept them (the tables the later migrations add go)."""
    store = Store(path, make_engine(path))
    config = opening._alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, PREVIOUS_RELEASE)
    store.dispose()


def _revision(path: Path) -> str:
    with closing(sqlite3.connect(path)) as db:
        return str(db.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_an_older_database_upgrades_keeping_its_outbox_and_audit_chain_and_syncs_once(
        desk_template: Path, central: Central, tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(desk_template, path)
    old = make_desk(path, central.client("inspector"))
    # Work done offline: queued, not sent.
    rma, uuid = _received_and_inspected(old)
    # A desk of the previous release made no units (issue 17): their changes go with them.
    with old.store.session() as s:
        s.execute(delete(OutboxRow).where(OutboxRow.kind.in_(UNIT_KINDS)))
    AuditService(old.store, clock=lambda: NOW).record(
        INSPECTOR, AuditAction.VIEWED, entity_kind="return", entity_key=rma)
    queued = [(r.id, r.kind, r.entity_key, r.state) for r in old.outbox()]
    events = old.count(AuditEvent)
    assert [(kind, key) for _, kind, key, _ in queued] == [("receipt", rma),
                                                          ("inspection", uuid)]
    old.store.dispose()
    _down_to_previous_release(path)
    assert _revision(path) == PREVIOUS_RELEASE

    new = make_desk(path, central.client("inspector"))  # the new desk opens the file
    try:
        backups = [p for p in tmp_path.iterdir() if p.name.startswith("desk.before-")]
        assert len(backups) == 1
        assert _revision(backups[0]) == PREVIOUS_RELEASE  # the backup is the file as it was
        assert current_revision(new.store) == opening.HEAD_REVISION
        assert [(r.id, r.kind, r.entity_key, r.state) for r in new.outbox()] == queued
        assert new.count(AuditEvent) == events
        assert AuditService(new.store, clock=lambda: NOW).verify().ok

        result = new.worker().run_round()
        assert result.outcome is Outcome.OK
        assert (result.push.sent, result.audit_sent) == (2, events)
        assert (central.entity("return", rma).data or {})["status"] == "received"
        assert (central.entity("inspection", uuid).data or {})["decision"] == "eligible"
        assert central.count(tables.audit_events) == events

        again = new.worker().run_round()
        assert (again.push.sent, again.audit_sent) == (0, 0)
        assert central.count(tables.audit_events) == events
        assert central.entity("inspection", uuid).version == 1
        assert new.count(OutboxRow) == len(queued)
        assert new.sync.snapshot().waiting == 0
        # The events the new desk adds continue the same chain.
        AuditService(new.store, clock=lambda: NOW).record(
            INSPECTOR, AuditAction.VIEWED, entity_kind="return", entity_key=rma)
        assert AuditService(new.store, clock=lambda: NOW).verify().ok
    finally:
        new.store.dispose()
