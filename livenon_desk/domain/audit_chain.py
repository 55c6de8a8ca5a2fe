"""The audit trail's hash chain: each event's hash covers its content and the hash before it,
so that a changed, inserted or deleted event breaks every hash after it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class EventContent:
    at: datetime
    actor: str
    action: str
    entity_kind: str | None
    entity_key: str | None
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    detail: str | None

    def canonical(self) -> bytes:
        """One byte string per event, the same on every machine and every run."""
        document = {
            "at": self.at.isoformat(timespec="microseconds"),
            "actor": self.actor,
            "action": self.action,
            "entity_kind": self.entity_kind,
            "entity_key": self.entity_key,
            "before": self.before,
            "after": self.after,
            "detail": self.detail,
        }
        return json.dumps(document, sort_keys=True, ensure_ascii=False,
                          separators=(",", ":"), default=str).encode("utf-8")


def chain_hash(prev_hash: str, content: EventContent) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + content.canonical()).hexdigest()


@dataclass(frozen=True)
class StoredEvent:
    event_id: int
    content: EventContent
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_bad_id: int | None = None
    problem_en: str = ""
    problem_zh: str = ""

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None


def verify(events: Iterable[StoredEvent]) -> ChainReport:
    """Walk the events in id order; the first one whose links or hash do not hold is named."""
    expected_prev = GENESIS
    checked = 0
    last_id = 0
    for event in events:
        if event.prev_hash != expected_prev:
            what = "deleted or inserted" if event.event_id != last_id + 1 else "altered"
            return ChainReport(
                checked, event.event_id,
                f"Event {event.event_id} does not follow the one before it: an event was "
                f"{what} before it.",
                f"事件 {event.event_id} 与前一事件不衔接：其前的事件曾被删除、插入或修改。")
        if chain_hash(event.prev_hash, event.content) != event.hash:
            return ChainReport(
                checked, event.event_id,
                f"Event {event.event_id} was changed after it was written.",
                f"事件 {event.event_id} 在写入后被修改。")
        expected_prev = event.hash
        last_id = event.event_id
        checked += 1
    return ChainReport(checked)
