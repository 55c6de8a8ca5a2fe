"""What the sync screens and the command line are shown: plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from livenon_desk.domain.enums import OutboxState


@dataclass(frozen=True)
class SyncSnapshot:
    waiting: int  # changes not yet taken by the server (pending)
    failed: int
    conflicts: int
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    last_error: str | None
    server_url: str | None


@dataclass(frozen=True)
class OutboxItem:
    id: int
    kind: str
    entity_key: str
    state: OutboxState
    created_at: datetime
    attempts: int
    last_status: int | None
    last_error: str | None
    record: str = ""  # what a person calls it: the RMA and tag, not a uuid or hash


@dataclass(frozen=True)
class ConflictView:
    id: int
    kind: str
    entity_key: str
    mine: dict[str, Any]  # the desk's change as it would be sent
    theirs: dict[str, Any] | None  # the server's record now (None: it has none)
    server_version: int | None
    detected_at: datetime
    record: str = ""  # the RMA and tag, as on OutboxItem


@dataclass(frozen=True)
class OutboxTally:
    """Every change the outbox ever held, by what became of it."""

    sent: int
    refused: int
    conflicted: int
    waiting: int
    superseded: int
    other: int = 0

    @property
    def total(self) -> int:
        return (self.sent + self.refused + self.conflicted + self.waiting + self.superseded
                + self.other)

    def line(self) -> str:
        return (f"sent {self.sent}, refused {self.refused}, conflicted {self.conflicted}, "
                f"left waiting {self.waiting}, superseded {self.superseded}"
                + (f", in another state {self.other}" if self.other else ""))


@dataclass(frozen=True)
class RefusedView:
    """A record the pull refused at the boundary, and why (in English and Chinese)."""

    kind: str
    entity_key: str
    reason_en: str
    reason_zh: str
    refused_at: datetime
