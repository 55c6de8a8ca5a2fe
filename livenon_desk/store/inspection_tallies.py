"""The tallies of finished inspections by quarter hour and reason (``InspectionTally``).

SQLite triggers (migration 0015) keep them in the same transaction as every write of an
inspection, its line or its return. A bulk load drops the triggers and counts the
tallies afresh in one pass at the end, which costs a sort instead of an upsert per row.
"""

from __future__ import annotations

import sqlite3

TRIGGER_PREFIX = "inspection_tallies_"


def quarter_of(moment: str) -> str:
    """SQL: the quarter hour a stored time ('YYYY-MM-DD HH:MM:SS.ffffff', UTC) falls in,
    in the same form; every warehouse time zone's midnight falls on one."""
    return (f"substr({moment}, 1, 14) || "
            f"printf('%02d', CAST(substr({moment}, 15, 2) AS INTEGER) / 15 * 15) || "
            "':00.000000'")


def passed_of(row: str) -> str:
    """SQL: 1 when the inspection ``row`` passed (eligible, or approved as an exception)."""
    return (f"CASE WHEN coalesce({row}.override_decision, {row}.decision) = 'eligible' "
            "THEN 1 ELSE 0 END")


RECOUNT = (
    "INSERT INTO inspection_tallies (quarter, reason_code, inspected, passed) "
    f"SELECT {quarter_of('i.finished_at')}, r.reason_code, count(*), sum({passed_of('i')}) "
    "FROM inspections AS i JOIN return_lines AS l ON l.id = i.return_line_id "
    "JOIN return_requests AS r ON r.id = l.return_id "
    "WHERE i.finished_at IS NOT NULL GROUP BY 1, 2")


def recount(db: sqlite3.Connection) -> None:
    """Every tally counted afresh from the inspections, in one pass."""
    db.execute("DELETE FROM inspection_tallies")
    db.execute(RECOUNT)
