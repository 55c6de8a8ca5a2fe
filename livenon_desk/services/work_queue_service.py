"""The start screen's work queue: what waits for receipt and inspection, and the week's work."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time, timedelta

from sqlalchemy import case, func, select

from livenon_desk.domain.deadlines import (
    REFUND_OPEN,
    overdue_before,
    refund_overdue_before,
    start_of_local_day,
)
from livenon_desk.domain.enums import ReasonCode, ReturnStatus, UnitState
from livenon_desk.domain.lifecycle import AWAITING_INSPECTION, AWAITING_RECEIPT
from livenon_desk.domain.policy import PolicySet
from livenon_desk.models import InspectionTally as T
from livenon_desk.models import ReturnRequest
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.work_queue_dto import DayStat, Queue, ReasonStat, WeekStats
from livenon_desk.store.database import Store
from livenon_desk.store.returns_list import count_returns
from livenon_desk.store.rows import ReturnFilter, SortKey


class WorkQueueService:
    def __init__(self, store: Store, policies: PolicySet, clock: Clock = utc_now) -> None:
        self._store = store
        self._policies = policies
        self._clock = clock

    def queues(self) -> list[Queue]:
        """Awaiting receipt; awaiting inspection by P5 deadline; overdue; inspected today;
        instructions overdue (P2); refunds overdue (P6); returns with units to grade, to
        put away, and with a weight flagged for a supervisor (oldest receipt first)."""
        now = self._clock()
        policy = self._policies.latest
        definitions: list[tuple[str, ReturnFilter, SortKey, bool, int | None]] = [
            ("awaiting_receipt", ReturnFilter(statuses=AWAITING_RECEIPT),
             SortKey.APPLIED_AT, False, None),
            # P5 deadlines follow receipt dates in order, so the oldest receipt is due first.
            ("awaiting_inspection", ReturnFilter(statuses=AWAITING_INSPECTION),
             SortKey.RECEIVED_AT, False, None),
            ("overdue", ReturnFilter(statuses=AWAITING_INSPECTION,
                                     received_before=overdue_before(policy, now)),
             SortKey.RECEIVED_AT, False, policy.inspection_deadline_bd),
            ("inspected_today", ReturnFilter(inspected_since=start_of_local_day(policy, now)),
             SortKey.RECEIVED_AT, True, None),
            # P2: applied for, instructions not sent, past 2 business days.
            ("instructions_overdue", ReturnFilter(
                statuses=frozenset({ReturnStatus.APPLIED}),
                applied_before=overdue_before(policy, now, policy.instructions_deadline_bd)),
             SortKey.APPLIED_AT, False, policy.instructions_deadline_bd),
            # P6: a line passed more than 7 days ago, the refund not yet closed.
            ("refund_overdue", ReturnFilter(
                statuses=REFUND_OPEN, passed_before=refund_overdue_before(policy, now)),
             SortKey.RECEIVED_AT, False, policy.refund_max_days),
            # Issue 17: received cartons (units) to grade, and graded ones to put away.
            ("to_grade", ReturnFilter(unit_state=UnitState.TO_GRADE),
             SortKey.RECEIVED_AT, False, None),
            ("to_put_away", ReturnFilter(unit_state=UnitState.TO_PUT_AWAY),
             SortKey.RECEIVED_AT, False, None),
            # A unit far from the catalogue's weight: a supervisor checks for a swap.
            ("weight_flags", ReturnFilter(weight_flagged=True),
             SortKey.RECEIVED_AT, False, None),
        ]
        with self._store.read_session() as s:
            return [Queue(key, flt, sort, desc, count_returns(s, flt), days)
                    for key, flt, sort, desc, days in definitions]

    def week(self) -> WeekStats:
        """Inspections finished in the last seven warehouse days, by day and by reason.

        The days are cut at the warehouse's midnights (daylight saving included). The
        counts come from the tallies the database keeps per quarter hour and reason
        (``InspectionTally``), so a million inspections cost a few hundred rows.
        """
        now = self._clock()
        policy = self._policies.latest
        today = policy.local_date(now)
        days = [today - timedelta(days=6 - i) for i in range(7)]
        bounds = [start_of_local_day(policy, datetime.combine(d, time(12), policy.time_zone))
                  for d in (*days, today + timedelta(days=1))]
        day_index = case(*((T.quarter < bound, i) for i, bound in enumerate(bounds[1:])))
        query = (
            select(day_index, T.reason_code, func.sum(T.inspected), func.sum(T.passed))
            .where(T.quarter >= bounds[0], T.quarter < bounds[-1])
            .group_by(day_index, T.reason_code)
            .having(func.sum(T.inspected) > 0)
        )
        by_day = [[0, 0] for _ in days]
        by_reason: dict[ReasonCode, list[int]] = defaultdict(lambda: [0, 0])
        with self._store.read_session() as s:
            for index, reason, inspected, passed_count in s.execute(query):
                by_day[index][0] += inspected
                by_day[index][1] += passed_count or 0
                by_reason[ReasonCode(reason)][0] += inspected
                by_reason[ReasonCode(reason)][1] += passed_count or 0
        return WeekStats(
            days=tuple(DayStat(d, *counts) for d, counts in zip(days, by_day, strict=True)),
            reasons=tuple(ReasonStat(r, *by_reason[r]) for r in ReasonCode if r in by_reason),
        )

    def carriers(self) -> list[str]:
        """The carriers on file, for the list's filter."""
        with self._store.read_session() as s:
            return [c for c in s.scalars(
                select(ReturnRequest.carrier).where(ReturnRequest.carrier.is_not(None))
                .group_by(ReturnRequest.carrier).order_by(func.lower(ReturnRequest.carrier))
            ) if c]
