"""The inspection tallies the database keeps (migration 0015), against a fresh count."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import select

from livenon_desk.domain.enums import Decision
from livenon_desk.models import Inspection, InspectionTally, ReturnLine, ReturnRequest
from livenon_desk.store.database import Store

Tallies = dict[tuple[datetime, str], tuple[int, int]]


def _quarter(moment: datetime) -> datetime:
    return moment.replace(minute=moment.minute // 15 * 15, second=0, microsecond=0)


def fresh_tallies(store: Store) -> Tallies:
    """Every finished inspection counted anew, in Python, by quarter hour and reason."""
    inspected: Counter[tuple[datetime, str]] = Counter()
    passed: Counter[tuple[datetime, str]] = Counter()
    with store.read_session() as s:
        rows = s.execute(
            select(Inspection.finished_at, Inspection.decision, Inspection.override_decision,
                   ReturnRequest.reason_code)
            .join(ReturnLine, ReturnLine.id == Inspection.return_line_id)
            .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
            .where(Inspection.finished_at.is_not(None)))
        for finished, decision, override, reason in rows:
            assert finished is not None
            key = (_quarter(finished), str(reason))
            inspected[key] += 1
            passed[key] += (override or decision) == Decision.ELIGIBLE
    return {key: (n, passed[key]) for key, n in inspected.items()}


def kept_tallies(store: Store) -> Tallies:
    """The tallies as the triggers keep them (rows counted down to nothing left out)."""
    with store.read_session() as s:
        return {(t.quarter, str(t.reason_code)): (t.inspected, t.passed)
                for t in s.scalars(select(InspectionTally)) if t.inspected or t.passed}


def assert_tallies_fresh(store: Store) -> Tallies:
    kept = kept_tallies(store)
    assert kept == fresh_tallies(store)
    return kept
