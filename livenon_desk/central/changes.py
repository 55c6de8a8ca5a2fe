"""The pull: every entity changed after a cursor, in server seq order, tombstones included.

Each entity table is read from its seq index up to ``limit + 1`` rows and the four runs
are merged; the extra row tells whether there is more. The cursor is opaque to desks; it
is the seq of the last change in the page, so a pull interrupted after any page resumes
exactly there.

Why a cursor never passes a committed change, however many server processes write:

- Sequence numbers are handed out in commit order. A writer takes its numbers by updating
  the one ``counters`` row, whose row lock it holds until its transaction ends; the next
  writer waits for that lock, so it takes higher numbers only once the first one's commit
  is visible to everyone (or its rollback has given the numbers back). Hence when a
  snapshot sees a change with seq N, it sees every committed change below N.
- The four tables are read in one snapshot (``CentralDatabase.read``: REPEATABLE READ on
  PostgreSQL). Read under READ COMMITTED, as four statements with four snapshots, a batch
  committing between two of them showed its inspection (seq N+1) but not its return
  (seq N): the cursor moved to N+1 and the return's change was never sent.
"""

from __future__ import annotations

import heapq
import re

from sqlalchemy import select

from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.problems import ProblemError
from livenon_desk.central.records import Entity, entity_from_row
from livenon_desk.central.tables import ENTITY_TABLES

# As the contract says: up to 19 digits, the most a seq (a signed 64-bit integer) can have.
_CURSOR = re.compile(r"[0-9]{1,19}")
_MAX_SEQ = 2**63 - 1


def parse_cursor(value: str | None) -> int:
    if value is None or value == "":
        return 0
    if not _CURSOR.fullmatch(value) or int(value) > _MAX_SEQ:
        raise ProblemError(400, "bad-cursor", "Bad cursor",
                           "since must be a cursor this server returned as next_cursor.")
    return int(value)


def changes_since(db: CentralDatabase, since: int, limit: int) -> tuple[list[Entity], bool]:
    """Up to ``limit`` changes after seq ``since``, and whether more follow."""
    runs: list[list[Entity]] = []
    with db.read() as c:
        for kind, t in ENTITY_TABLES.items():
            rows = c.execute(
                select(t.c.key, t.c.version, t.c.seq, t.c.deleted, t.c.data)
                .where(t.c.seq > since).order_by(t.c.seq).limit(limit + 1)
            ).all()
            runs.append([entity_from_row(kind, row) for row in rows])
    merged = list(heapq.merge(*runs, key=lambda e: e.seq))
    return merged[:limit], len(merged) > limit
