"""The desk's side of syncing: the outbox of changes to send, the pull's state, conflicts.

Every change the central API must learn is an ``outbox`` row written in the same
transaction as the change itself, with its Idempotency-Key made at that moment, so that a
change is never saved without its row nor sent without having been saved. A row is
``pending`` until the server has answered it, then ``sent``; ``conflict`` when the server
had a newer version (412: the server's version waits in ``sync_conflicts`` beside it);
``failed`` when the server refused it for good (the reason is kept); ``superseded`` when
the user took the server's version instead.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from livenon_desk.domain.enums import ConflictResolution, OutboxState
from livenon_desk.models.base import Base, UTCDateTime, enum_column

# Rows that still stand for a change the server has not taken.
UNSENT = (OutboxState.PENDING, OutboxState.CONFLICT, OutboxState.FAILED)



class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (
        # The worker's queue: pending rows in the order they were written.
        Index("ix_outbox_state_id", "state", "id"),
        # Collapsing an edit into the unsent row of the same record; the pull's check that
        # a record has no unsent change.
        Index("ix_outbox_entity", "entity_key", "kind", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # receipt, inspection, override, audit_event, refund_decision or photo.
    kind: Mapped[str] = mapped_column(String(24))
    # The record the change is about: an RMA, an inspection's uuid, a photo's SHA-256.
    entity_key: Mapped[str] = mapped_column(String(64))
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    # The server version the change was made on (If-Match); None to create.
    if_match: Mapped[int | None] = mapped_column(Integer)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    state: Mapped[OutboxState] = mapped_column(enum_column(OutboxState, 16),
                                               default=OutboxState.PENDING)


class SyncState(Base):
    """One row (id 1): where the pull stands and how the last rounds went."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The server the cursor belongs to: another server starts the pull from the beginning.
    server_url: Mapped[str | None] = mapped_column(String(300))
    pull_cursor: Mapped[str | None] = mapped_column(String(40))
    pulled_changes: Mapped[int] = mapped_column(Integer, default=0)
    # The last audit event the central server has acknowledged (events are sent in order).
    audit_sent_id: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class SyncConflict(Base):
    """A change the server refused because its record had moved on (412): the desk's
    change (its outbox row, kept) and the server's version, until the user chooses.
    While a record has an open conflict it "needs attention"."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outbox_id: Mapped[int] = mapped_column(ForeignKey("outbox.id", ondelete="CASCADE"),
                                           index=True)
    kind: Mapped[str] = mapped_column(String(24))
    entity_key: Mapped[str] = mapped_column(String(64), index=True)
    # The server's entity document as the 412 carried it (None: it does not exist).
    server_entity: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    server_version: Mapped[int | None] = mapped_column(Integer)
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution: Mapped[ConflictResolution | None] = mapped_column(
        enum_column(ConflictResolution, 16))


class ParkedChange(Base):
    """A pulled entity whose parent has not arrived yet (an inspection whose return comes
    in a later page): kept, and applied as soon as the parent is there."""

    __tablename__ = "sync_parked"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    entity_key: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)


class RefusedChange(Base):
    """A pulled record the desk could not take as it came (a malformed date, or no
    application date): not applied, the desk keeps what it had, and it is listed in the
    sync view with the reason until a later, whole version of the record arrives."""

    __tablename__ = "sync_refused"
    __table_args__ = (UniqueConstraint("kind", "entity_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    entity_key: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    reason_en: Mapped[str] = mapped_column(Text)
    reason_zh: Mapped[str] = mapped_column(Text)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    refused_at: Mapped[datetime] = mapped_column(UTCDateTime)
