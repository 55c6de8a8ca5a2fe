"""The start screen's work queue: what waits for receipt and inspection, and the week's work."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import func, select

from livenon_desk.domain.deadlines import overdue_before, start_of_local_day
from livenon_desk.domain.enums import Decision, ReasonCode, ReturnStatus
from livenon_desk.domain.policy import PolicySet
from livenon_desk.models import Inspection, ReturnLine, ReturnRequest
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.work_queue_dto import DayStat, Queue, ReasonStat, WeekStats
from livenon_desk.store.database import Store
from livenon_desk.store.returns_list import count_returns
from livenon_desk.store.rows import ReturnFilter, SortKey

AWAITING_RECEIPT = frozenset({ReturnStatus.INSTRUCTIONS_SENT, ReturnStatus.IN_TRANSIT})
AWAITING_INSPECTION = frozenset(
    {ReturnStatus.PARTIALLY_RECEIVED, ReturnStatus.RECEIVED, ReturnStatus.INSPECTING})
_PASSED = frozenset({Decision.ELIGIBLE})


class WorkQueueService:
    def __init__(self, store: Store, policies: PolicySet, clock: Clock = utc_now) -> None:
        self._store = store
        self._policies = policies
        self._clock = clock

    def queues(self) -> list[Queue]:
        """Awaiting receipt; awaiting inspection by P5 deadline; overdue; inspected today."""
        now = self._clock()
        policy = self._policies.latest
        definitions = [
            ("awaiting_receipt", ReturnFilter(statuses=AWAITING_RECEIPT),
             SortKey.APPLIED_AT, False),
            # P5 deadlines follow receipt dates in order, so the oldest receipt is due first.
            ("awaiting_inspection", ReturnFilter(statuses=AWAITING_INSPECTION),
             SortKey.RECEIVED_AT, False),
            ("overdue", ReturnFilter(statuses=AWAITING_INSPECTION,
                                     received_before=overdue_before(policy, now)),
             SortKey.RECEIVED_AT, False),
            ("inspected_today", ReturnFilter(inspected_since=start_of_local_day(policy, now)),
             SortKey.RECEIVED_AT, True),
        ]
        with self._store.read_session() as s:
            return [Queue(key, flt, sort, desc, count_returns(s, flt))
                    for key, flt, sort, desc in definitions]

    def week(self) -> WeekStats:
        """Inspections finished in the last seven warehouse days, by day and by reason."""
        now = self._clock()
        policy = self._policies.latest
        today = policy.local_date(now)
        since = start_of_local_day(policy, now) - timedelta(days=6)
        query = (
            select(Inspection.finished_at, Inspection.decision, Inspection.override_decision,
                   ReturnRequest.reason_code)
            .join(ReturnLine, ReturnLine.id == Inspection.return_line_id)
            .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
            .where(Inspection.finished_at >= since)
        )
        by_day: dict[date, list[int]] = {today - timedelta(days=i): [0, 0] for i in range(7)}
        by_reason: dict[ReasonCode, list[int]] = defaultdict(lambda: [0, 0])
        with self._store.read_session() as s:
            for finished_at, decision, override, reason in s.execute(query):
                if finished_at is None:
                    continue
                passed = int((override or decision) in _PASSED)
                day = policy.local_date(finished_at)
                if day in by_day:
                    by_day[day][0] += 1
                    by_day[day][1] += passed
                by_reason[reason][0] += 1
                by_reason[reason][1] += passed
        return WeekStats(
            days=tuple(DayStat(d, *by_day[d]) for d in sorted(by_day)),
            reasons=tuple(ReasonStat(r, *by_reason[r]) for r in ReasonCode if r in by_reason),
        )

    def carriers(self) -> list[str]:
        """The carriers on file, for the list's filter."""
        with self._store.read_session() as s:
            return [c for c in s.scalars(
                select(ReturnRequest.carrier).where(ReturnRequest.carrier.is_not(None))
                .group_by(ReturnRequest.carrier).order_by(func.lower(ReturnRequest.carrier))
            ) if c]
