"""The desk's users and its append-only audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from livenon_desk.domain.roles import Role
from livenon_desk.models.base import Base, UTCDateTime, enum_column


class DeskUser(Base):
    """Someone who may sign in at this workstation. The password itself is never kept:
    only an argon2 verifier, refreshed at each sign-in against the central API."""

    __tablename__ = "desk_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    verifier: Mapped[str] = mapped_column(String(200))
    # When the central API last confirmed the password; None for a local-only account.
    confirmed_online_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    local_only: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditEvent(Base):
    """Who did what to which record, and when. Rows are only ever added (triggers refuse
    changes and deletions); each carries the hash of the one before it."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_at", "at"),
        Index("ix_audit_events_entity", "entity_kind", "entity_key"),
        Index("ix_audit_events_actor", "actor"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    entity_kind: Mapped[str | None] = mapped_column(String(32))
    entity_key: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    detail: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class DeskIdentity(Base):
    """One row (id 1): the desk's own id, under which the central server anchors its audit
    chain and the keyring keeps the key of that chain; and the first event the key signs
    (None until an event is keyed; events before it are from before the chain was keyed)."""

    __tablename__ = "desk_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    desk_id: Mapped[str] = mapped_column(String(36), unique=True)
    audit_keyed_from: Mapped[int | None] = mapped_column(Integer)
