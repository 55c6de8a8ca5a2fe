"""Sync as the desk and the command line use it: rounds, what waits, what failed, conflicts.

A conflict (the server's record moved on while the desk's change waited) is never settled
silently: both versions are kept until a person chooses. "Keep mine" sends the desk's
change again over the server's version (If-Match of the version the server showed);
"take theirs" drops the desk's change and writes the server's record onto the desk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from livenon_desk.domain.enums import ConflictResolution, OutboxState
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.errors import NotFoundError
from livenon_desk.models import OutboxRow, RefusedChange, SyncConflict, SyncState
from livenon_desk.models.sync import UNSENT
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.outbox import new_key
from livenon_desk.services.record_names import record_names
from livenon_desk.services.sync_dto import (
    ConflictView,
    OutboxItem,
    OutboxTally,
    RefusedView,
    SyncSnapshot,
)
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from livenon_desk.sync.client import CentralClient
from livenon_desk.sync.entities import Applier
from livenon_desk.sync.results import answered_entity
from livenon_desk.sync.worker import Progress, RoundResult, SyncWorker

log = logging.getLogger(__name__)


def _record(kind: str, body: dict[str, Any] | None, name: str) -> str:
    """An audit event is named by the record it is about."""
    if kind == "audit_event" and body:
        return str(body.get("entity_id") or "")
    return name


class SyncService:
    def __init__(self, store: Store, photos: PhotoFiles | None = None,
                 clock: Clock = utc_now) -> None:
        self._store = store
        self._photos = photos
        self._clock = clock

    # --- rounds -------------------------------------------------------------------------

    def worker(self, client: CentralClient) -> SyncWorker:
        return SyncWorker(self._store, client, self._photos, self._clock)

    def run_round(self, client: CentralClient,
                  progress: Callable[[Progress], None] | None = None) -> RoundResult:
        """One round: the outbox sent, the server's changes pulled (issue 6, parts 4-5)."""
        return self.worker(client).run_round(progress)

    # --- reading ------------------------------------------------------------------------

    def snapshot(self) -> SyncSnapshot:
        with self._store.read_session() as s:
            counts = dict(s.execute(
                select(OutboxRow.state, func.count()).where(
                    OutboxRow.state.in_(UNSENT))
                .group_by(OutboxRow.state)).all())
            state = s.get(SyncState, 1)
            return SyncSnapshot(
                waiting=counts.get(OutboxState.PENDING, 0),
                failed=counts.get(OutboxState.FAILED, 0),
                conflicts=counts.get(OutboxState.CONFLICT, 0),
                last_success_at=state.last_success_at if state else None,
                last_attempt_at=state.last_attempt_at if state else None,
                last_error=state.last_error if state else None,
                server_url=state.server_url if state else None)

    def tally(self) -> OutboxTally:
        """What became of every change ever queued: sent, refused, in conflict, waiting,
        or dropped for the server's version; they add up to the outbox's rows."""
        with self._store.read_session() as s:
            counts: dict[str, int] = dict(s.execute(
                select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all())
        return OutboxTally(sent=counts.pop(OutboxState.SENT, 0),
                           refused=counts.pop(OutboxState.FAILED, 0),
                           conflicted=counts.pop(OutboxState.CONFLICT, 0),
                           waiting=counts.pop(OutboxState.PENDING, 0),
                           superseded=counts.pop(OutboxState.SUPERSEDED, 0),
                           other=sum(counts.values()))

    def items(self, *states: OutboxState, limit: int = 500) -> list[OutboxItem]:
        """Outbox rows in these states, oldest first."""
        with self._store.read_session() as s:
            rows = list(s.scalars(select(OutboxRow).where(OutboxRow.state.in_(states))
                                  .order_by(OutboxRow.id).limit(limit)))
            names = record_names(s, ((r.kind, r.entity_key) for r in rows))
            return [OutboxItem(r.id, r.kind, r.entity_key, r.state, r.created_at, r.attempts,
                               r.last_status, r.last_error,
                               _record(r.kind, r.body, names.get((r.kind, r.entity_key), "")))
                    for r in rows]

    def waiting(self, limit: int = 500) -> list[OutboxItem]:
        """Changes waiting to be sent, oldest first."""
        return self.items(OutboxState.PENDING, limit=limit)

    def failed(self, limit: int = 500) -> list[OutboxItem]:
        """Changes the server refused, oldest first."""
        return self.items(OutboxState.FAILED, limit=limit)

    def refused(self, limit: int = 500) -> list[RefusedView]:
        """Records the pull did not take (a malformed or missing date), oldest first."""
        with self._store.read_session() as s:
            rows = s.scalars(select(RefusedChange).order_by(RefusedChange.id).limit(limit))
            return [RefusedView(r.kind, r.entity_key, r.reason_en, r.reason_zh, r.refused_at)
                    for r in rows]

    def conflicts(self) -> list[ConflictView]:
        """Open conflicts, each with the desk's change and the server's record."""
        with self._store.read_session() as s:
            rows = s.execute(
                select(SyncConflict, OutboxRow).join(
                    OutboxRow, OutboxRow.id == SyncConflict.outbox_id)
                .where(SyncConflict.resolved_at.is_(None))
                .order_by(SyncConflict.id)).all()
            names = record_names(s, ((c.kind, c.entity_key) for c, _o in rows))
            return [ConflictView(c.id, c.kind, c.entity_key, dict(o.body),
                                 (c.server_entity or {}).get("data"), c.server_version,
                                 c.detected_at,
                                 _record(c.kind, o.body, names.get((c.kind, c.entity_key), "")))
                    for c, o in rows]

    def needs_attention(self, entity_key: str) -> bool:
        """True while the record has a conflict nobody has settled."""
        with self._store.read_session() as s:
            return s.scalar(select(SyncConflict.id).where(
                SyncConflict.entity_key == entity_key,
                SyncConflict.resolved_at.is_(None)).limit(1)) is not None

    # --- acting -------------------------------------------------------------------------

    def retry_failed(self, actor: Actor) -> int:
        """Refused changes back in the queue (after the cause was fixed on the server)."""
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            result = s.connection().execute(
                update(OutboxRow).where(OutboxRow.state == OutboxState.FAILED)
                .values(state=OutboxState.PENDING, updated_at=self._clock()))
            done = result.rowcount
        log.info("%d refused changes queued again by %s", done, actor.username)
        return int(done)

    def keep_mine(self, actor: Actor, conflict_id: int) -> None:
        """Send the desk's change again, over the version the server showed."""
        actor.require(Action.INSPECT)
        with self._store.session() as s:
            conflict, row = self._open(s, conflict_id)
            now = self._clock()
            base = row.if_match
            row.if_match = conflict.server_version
            row.idempotency_key = new_key()  # another request: another If-Match
            row.state = OutboxState.PENDING
            row.attempts = 0
            row.updated_at = now
            # The changes queued behind it were made on the same base.
            s.execute(update(OutboxRow).where(
                OutboxRow.entity_key == row.entity_key, OutboxRow.id > row.id,
                OutboxRow.state == OutboxState.PENDING,
                OutboxRow.if_match.is_(None) if base is None else OutboxRow.if_match == base)
                .values(if_match=conflict.server_version))
            conflict.resolved_at = now
            conflict.resolution = ConflictResolution.MINE
        log.info("conflict %d on %s: %s keeps the desk's change", conflict_id,
                 conflict.entity_key, actor.username)

    def take_theirs(self, actor: Actor, conflict_id: int) -> None:
        """Drop the desk's change (and those made on top of it); take the server's record."""
        actor.require(Action.INSPECT)
        with self._store.session() as s:
            conflict, row = self._open(s, conflict_id)
            now = self._clock()
            s.execute(update(OutboxRow).where(
                OutboxRow.entity_key == row.entity_key, OutboxRow.id >= row.id,
                OutboxRow.state.in_((OutboxState.PENDING, OutboxState.CONFLICT)))
                .values(state=OutboxState.SUPERSEDED, updated_at=now))
            theirs = answered_entity(conflict.server_entity)
            if theirs is not None:
                Applier(s.connection(), now).apply([theirs])
            conflict.resolved_at = now
            conflict.resolution = ConflictResolution.THEIRS
        log.info("conflict %d on %s: %s takes the server's version", conflict_id,
                 conflict.entity_key, actor.username)

    def _open(self, s: Session, conflict_id: int) -> tuple[SyncConflict, OutboxRow]:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            raise NotFoundError("error.conflict-settled")
        row = s.get_one(OutboxRow, conflict.outbox_id)
        return conflict, row
