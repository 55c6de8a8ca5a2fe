"""Sending the desk's audit trail to the central server, in order, exactly once.

Events are read from the append-only table after the last one the server acknowledged;
each goes with an idempotency key made from its own hash, so an event resent after a
crash is recognised by the server and not stored twice. Each carries the desk's id, its
own id, hash and previous hash: the server keeps the newest as the desk's anchor.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from sqlalchemy import select

from livenon_desk.models import AuditEvent
from livenon_desk.store.audit_key import desk_identity
from livenon_desk.store.database import Store
from livenon_desk.sync.client import CentralClient
from livenon_desk.sync.pull import sync_state
from livenon_desk.sync.results import BatchWrite

log = logging.getLogger(__name__)

AUDIT_BATCH = 500
_KEYS = uuid.UUID("6f1d2c59-3b0e-4d55-9a57-1f6a0c3e8b21")


def event_key(event_hash: str) -> str:
    return str(uuid.uuid5(_KEYS, event_hash))


def _write(event: AuditEvent, sender: str, desk_id: str) -> BatchWrite:
    """The server records the signed-in user as the sender (``actor``); the user the
    desk recorded goes in the details, covered by the event's hash."""
    key = event_key(event.hash)
    body: dict[str, Any] = {
        "uuid": key, "occurred_at": event.at.isoformat(), "actor": sender,
        "action": event.action, "entity_kind": event.entity_kind or "desk",
        "entity_id": (event.entity_key or "-")[:40],
        "details": {"before": event.before, "after": event.after, "detail": event.detail,
                    "hash": event.hash, "prev_hash": event.prev_hash,
                    "desk_actor": event.actor, "desk_id": desk_id, "event_id": event.id},
    }
    return BatchWrite(key, "audit_event", key, body)


class AuditPusher:
    def __init__(self, store: Store, client: CentralClient, batch: int = AUDIT_BATCH) -> None:
        self.store = store
        self.client = client
        self.batch = batch

    def push(self) -> int:
        """Send every event not yet acknowledged; returns how many the server took."""
        sent = 0
        with self.store.session() as s:
            desk_id = desk_identity(s).desk_id
        while True:
            with self.store.read_session() as s:
                after = sync_state(s).audit_sent_id
                events = list(s.scalars(select(AuditEvent).where(AuditEvent.id > after)
                                        .order_by(AuditEvent.id).limit(self.batch)))
            if not events:
                return sent
            sender = self.client.signed_in_user()
            results = self.client.push_batch([_write(e, sender, desk_id) for e in events])
            refused = [r for r in results if not r.ok]
            for result in refused:
                # A refusal is final (the server checked the body): keep the trail moving.
                log.warning("central server refused audit event %s: %s", result.key,
                            result.status)
            with self.store.session() as s:
                sync_state(s).audit_sent_id = events[-1].id
            sent += len(events) - len(refused)
