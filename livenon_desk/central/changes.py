"""The pull: every entity changed after a cursor, in server seq order, tombstones included.

Each entity table is read from its seq index up to ``limit + 1`` rows and the four runs
are merged; the extra row tells whether there is more. The cursor is opaque to desks; it
is the seq of the last change in the page, so a pull interrupted after any page resumes
exactly there.
"""

from __future__ import annotations

import heapq
import re

from sqlalchemy import select

from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.problems import ProblemError
from livenon_desk.central.records import Entity, entity_from_row
from livenon_desk.central.tables import ENTITY_TABLES

_CURSOR = re.compile(r"\d{1,18}")


def parse_cursor(value: str | None) -> int:
    if value is None or value == "":
        return 0
    if not _CURSOR.fullmatch(value):
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
