"""What the client hands back: plain frozen data, never a ``requests`` object."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from livenon_desk.sync.errors import SyncError, error_for

WriteKind = Literal["receipt", "inspection", "override", "audit_event", "refund_decision"]


@dataclass(frozen=True)
class Token:
    access_token: str = field(repr=False)
    role: str
    expires_in: int


@dataclass(frozen=True)
class RemoteEntity:
    """A customer, order, return or inspection as the server holds it; ``data`` is None
    for a tombstone (``deleted``)."""

    kind: str
    id: str
    version: int
    seq: int
    deleted: bool
    data: dict[str, Any] | None

    @property
    def restricted(self) -> bool:
        return bool(self.data and self.data.get("restricted"))

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> RemoteEntity:
        return cls(str(doc["kind"]), str(doc["id"]), int(doc["version"]), int(doc["seq"]),
                   bool(doc["deleted"]), doc.get("data"))


@dataclass(frozen=True)
class ChangesPage:
    changes: tuple[RemoteEntity, ...]
    next_cursor: str
    has_more: bool


@dataclass(frozen=True)
class WriteResult:
    status: int
    body: dict[str, Any]
    replayed: bool  # the server had done this write before and sent its stored answer

    @property
    def entity(self) -> RemoteEntity | None:
        doc = self.body.get("return") if "decision" in self.body else self.body
        if isinstance(doc, dict) and "kind" in doc and "seq" in doc:
            return RemoteEntity.from_json(doc)
        return None


@dataclass(frozen=True)
class BatchWrite:
    key: str
    kind: WriteKind
    entity_id: str
    body: dict[str, Any]
    if_match: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "kind": self.kind, "entity_id": self.entity_id,
                "if_match": self.if_match, "body": self.body}


@dataclass(frozen=True)
class BatchResult:
    key: str
    status: int
    body: dict[str, Any] | None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def error(self) -> SyncError | None:
        """The item's refusal as the error a single write would have raised."""
        return None if self.ok else error_for(self.status, self.body)


@dataclass(frozen=True)
class PhotoResult:
    sha256: str
    uploaded: bool  # False: the server had it already and nothing was sent
