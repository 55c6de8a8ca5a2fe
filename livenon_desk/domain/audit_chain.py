"""The audit trail's hash chain: each event's hash covers its content and the hash before it,
so that a changed, inserted or deleted event breaks every hash after it.

The chain is keyed: from the event ``keyed_from`` on, each link is an HMAC-SHA256 with the
desk's secret key, so someone who edits the database cannot recompute the chain with the
project's own code. Events from before the chain was keyed keep their plain SHA-256 links.
A chain can still lose its newest events without a broken link; the central server keeps
each desk's newest hash (its anchor), and the chain is compared with it when it can be.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from livenon_desk.catalogue import Message

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


def chain_hash(prev_hash: str, content: EventContent, key: bytes | None = None) -> str:
    """The link: HMAC-SHA256 with the desk's key, or plain SHA-256 for events from before
    the chain was keyed (``key`` None)."""
    message = prev_hash.encode("ascii") + content.canonical()
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


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
    problem: Message | None = None

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None


@dataclass(frozen=True)
class ChainAnchor:
    """The newest event of this desk the central server holds: its id and hash."""

    event_id: int
    hash: str


def verify(events: Iterable[StoredEvent], key: bytes | None = None,
           keyed_from: int | None = None) -> ChainReport:
    """Walk the events in id order; the first one whose links or hash do not hold is named.
    Events from ``keyed_from`` on must carry the key's HMAC (None: no event is keyed)."""
    expected_prev = GENESIS
    checked = 0
    last_id = 0
    for event in events:
        keyed = keyed_from is not None and event.event_id >= keyed_from
        if keyed and key is None:
            return ChainReport(checked, event.event_id,
                               Message.of("audit.key-missing", event=event.event_id))
        if event.prev_hash != expected_prev:
            gap = "audit.gap" if event.event_id != last_id + 1 else "audit.altered-before"
            return ChainReport(checked, event.event_id, Message.of(gap, event=event.event_id))
        if chain_hash(event.prev_hash, event.content, key if keyed else None) != event.hash:
            return ChainReport(checked, event.event_id,
                               Message.of("audit.changed", event=event.event_id))
        expected_prev = event.hash
        last_id = event.event_id
        checked += 1
    return ChainReport(checked)


def check_anchor(report: ChainReport, anchor: ChainAnchor,
                 local_hash: str | None) -> ChainReport:
    """The chain against the central server's anchor: the desk must still hold the event
    the server last received from it, with the same hash. ``local_hash`` is the hash of
    the desk's event with the anchor's id (None: there is no such event)."""
    if not report.ok:
        return report
    if local_hash is None:
        return ChainReport(report.checked, anchor.event_id,
                           Message.of("audit.end-deleted", event=anchor.event_id))
    if not hmac.compare_digest(local_hash, anchor.hash):
        return ChainReport(report.checked, anchor.event_id,
                           Message.of("audit.rewritten", event=anchor.event_id))
    return report
