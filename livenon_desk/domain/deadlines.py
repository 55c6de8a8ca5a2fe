"""Due dates of the return process: P2 instructions, P5 inspection, P6 refund."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.domain.lifecycle import AWAITING_INSPECTION
from livenon_desk.domain.policy import Policy

# P6: a passed line's refund waits for the desk while its return is in these states (once
# approved, the central system pays it).
REFUND_OPEN = frozenset({ReturnStatus.INSPECTING, ReturnStatus.INSPECTED})


@dataclass(frozen=True)
class DueDates:
    target: date
    deadline: date


def instructions_due(policy: Policy, applied_at: datetime) -> DueDates:
    """P2: return instructions within 1-2 business days of the application."""
    day = policy.local_date(applied_at)
    cal = policy.calendar
    return DueDates(cal.add_business_days(day, policy.instructions_target_bd),
                    cal.add_business_days(day, policy.instructions_deadline_bd))


def inspection_due(policy: Policy, received_at: datetime) -> DueDates:
    """P5: inspected within 3-5 business days after receipt: day 3 target, day 5 deadline."""
    day = policy.local_date(received_at)
    cal = policy.calendar
    return DueDates(cal.add_business_days(day, policy.inspection_target_bd),
                    cal.add_business_days(day, policy.inspection_deadline_bd))


def refund_due(policy: Policy, approved_at: datetime) -> DueDates:
    """P6: refunded to the original payment method within 1-7 calendar days of approval."""
    day = policy.local_date(approved_at)
    return DueDates(day + timedelta(days=policy.refund_min_days),
                    day + timedelta(days=policy.refund_max_days))


def is_overdue(due: DueDates, now: datetime, policy: Policy) -> bool:
    """True once the warehouse's today is past the deadline (P5: day 5 is still on time)."""
    return policy.local_date(now) > due.deadline


def overdue_before(policy: Policy, now: datetime, business_days: int | None = None) -> datetime:
    """The instant before which a receipt is past its P5 deadline today (or, given
    ``business_days``, an application past its P2 deadline).

    Deadlines never move back as the start day moves forward, so walking back from
    today to the last start day that is already overdue finds the boundary.
    """
    days = policy.inspection_deadline_bd if business_days is None else business_days
    today = policy.local_date(now)
    day = today
    while policy.calendar.add_business_days(day, days) >= today:
        day -= timedelta(days=1)
    first_on_time = day + timedelta(days=1)
    midnight = datetime.combine(first_on_time, time(), tzinfo=policy.time_zone)
    return midnight.astimezone(UTC)


def inspection_overdue(status: ReturnStatus, received_at: datetime | None,
                       overdue_from: datetime) -> bool:
    """P5: a return still awaiting inspection, received before ``overdue_from`` (the
    boundary ``overdue_before`` finds for today), is past its inspection deadline."""
    return (status in AWAITING_INSPECTION and received_at is not None
            and received_at < overdue_from)


def refund_overdue_before(policy: Policy, now: datetime) -> datetime:
    """P6: the instant before which a pass is past its refund deadline today."""
    first_on_time = policy.local_date(now) - timedelta(days=policy.refund_max_days)
    midnight = datetime.combine(first_on_time, time(), tzinfo=policy.time_zone)
    return midnight.astimezone(UTC)


def start_of_local_day(policy: Policy, now: datetime) -> datetime:
    """Midnight of the warehouse's today, as a UTC instant."""
    midnight = datetime.combine(policy.local_date(now), time(), tzinfo=policy.time_zone)
    return midnight.astimezone(UTC)
