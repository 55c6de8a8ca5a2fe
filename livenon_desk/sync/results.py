"""What the client hands back: plain frozen data, never a ``requests`` object."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from livenon_desk.sync.errors import SyncError, error_for
from livenon_desk.wire.bodies import Entity, WriteKind
from livenon_desk.wire.entity_data import Restriction


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
        if not self.data:
            return False
        try:
            return Restriction.model_validate(self.data).restricted
        except ValidationError:
            return False  # refused when applied, with the reason

    @classmethod
    def of(cls, entity: Entity) -> RemoteEntity:
        return cls(entity.kind, entity.id, entity.version, entity.seq, entity.deleted,
                   entity.data)

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> RemoteEntity:
        """An entity as the API writes it; one that is not raises ``ValueError``."""
        return cls.of(Entity.model_validate(doc))

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "version": self.version, "seq": self.seq,
                "deleted": self.deleted, "data": self.data}


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
        return answered_entity(self.body)


def answered_entity(body: dict[str, Any] | None) -> RemoteEntity | None:
    """The record a write's answer carries (a refund decision's return, else the record
    itself); None when it carries none the desk can read: with no version to go on, the
    next pull brings the record."""
    doc = body.get("return") if body and "decision" in body else body
    if not isinstance(doc, dict):
        return None
    try:
        return RemoteEntity.from_json(doc)
    except ValidationError:
        return None


@dataclass(frozen=True)
class StoredJson:
    """A body as the outbox keeps it, JSON text: sent as it is, never decoded and encoded
    again on its way out."""

    text: str


@dataclass(frozen=True)
class BatchWrite:
    key: str
    kind: WriteKind
    entity_id: str
    body: dict[str, Any] | StoredJson
    if_match: int | None = None

    def to_json(self) -> dict[str, Any]:
        body = json.loads(self.body.text) if isinstance(self.body, StoredJson) else self.body
        return {"key": self.key, "kind": self.kind, "entity_id": self.entity_id,
                "if_match": self.if_match, "body": body}

    def json_text(self) -> str:
        """The item as the batch request carries it."""
        if not isinstance(self.body, StoredJson):
            return json.dumps(self.to_json(), allow_nan=False)
        head = json.dumps({"key": self.key, "kind": self.kind, "entity_id": self.entity_id,
                           "if_match": self.if_match})
        return f'{head[:-1]}, "body": {self.body.text}}}'


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
