"""Each desk's audit anchor: the newest event of its chain the server has received.

The anchor moves only along the chain: an event whose ``prev_hash`` is the anchor's hash
(or the first event a desk sends). A desk whose trail was rewritten or cut after it was
sent sends events that do not follow on; they are stored as sent, but the anchor stays
where it was and the break is logged, so ``audit verify`` at the desk finds it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from sqlalchemy import Connection, insert, select, update

from livenon_desk.central import tables
from livenon_desk.central.records import utc_now_text

log = logging.getLogger(__name__)

_t = tables.audit_anchors
_HASH = re.compile(r"[0-9a-f]{64}")
_DESK = re.compile(r"[0-9a-fA-F-]{1,36}")


def _link(details: dict[str, Any]) -> tuple[str, int, str, str] | None:
    desk_id, event_id = details.get("desk_id"), details.get("event_id")
    hash_, prev = details.get("hash"), details.get("prev_hash")
    if not (isinstance(desk_id, str) and _DESK.fullmatch(desk_id)
            and isinstance(event_id, int) and not isinstance(event_id, bool)
            and 0 < event_id < 2**62
            and isinstance(hash_, str) and _HASH.fullmatch(hash_)
            and isinstance(prev, str) and _HASH.fullmatch(prev)):
        return None
    return desk_id, event_id, hash_, prev


def advance(c: Connection, details: dict[str, Any], sender: str) -> None:
    """Move the desk's anchor on if this new event follows it."""
    link = _link(details)
    if link is None:
        return
    desk_id, event_id, hash_, prev = link
    row = c.execute(select(_t.c.event_id, _t.c.hash, _t.c.events)
                    .where(_t.c.desk_id == desk_id)).first()
    now = utc_now_text()
    if row is None:
        c.execute(insert(_t).values(desk_id=desk_id, event_id=event_id, hash=hash_, events=1,
                                    sent_by=sender, updated_at=now))
        return
    if prev != row.hash or event_id <= row.event_id:
        log.warning("audit event %d of desk %s does not follow the anchor (event %d): the "
                    "desk's trail was changed after it was sent", event_id, desk_id,
                    row.event_id)
        return
    c.execute(update(_t).where(_t.c.desk_id == desk_id).values(
        event_id=event_id, hash=hash_, events=row.events + 1, sent_by=sender, updated_at=now))


def anchor_of(c: Connection, desk_id: str) -> dict[str, Any] | None:
    row = c.execute(select(_t).where(_t.c.desk_id == desk_id)).first()
    if row is None:
        return None
    return {"desk_id": row.desk_id, "event_id": int(row.event_id), "hash": row.hash,
            "events": int(row.events), "updated_at": row.updated_at}
