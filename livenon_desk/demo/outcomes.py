"""What happened to a demo return: its E2 day count, order-line flags and inspection."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from livenon_desk.domain.eligibility import LineFacts, evaluate_line
from livenon_desk.domain.enums import Answer, Decision, Disposition, ReturnStatus
from livenon_desk.domain.policy import Policy

S = ReturnStatus
INSPECTORS = ("mchen", "jlopez", "aokafor", "lwang", "sbrooks")
SUPERVISORS = ("akim", "rpatel")
_FAILURES = ("undamaged", "unused", "unassembled", "accessories", "late", "customized", "clearance")


@dataclass(frozen=True)
class InspectionPlan:
    e2_days: int | None
    customized: bool
    clearance: bool
    answers: dict[str, str]
    decision: Decision
    disposition: Disposition | None
    override: Decision | None
    override_reason: str | None
    override_by: str | None
    inspector: str
    notes: str | None


def _e2_days(rng: random.Random) -> int | None:
    roll = rng.random()
    if roll < 0.01:
        return None
    if roll < 0.04:
        return 30
    if roll < 0.07:
        return 31
    if roll < 0.09:
        return rng.randint(32, 45)
    return rng.randint(1, 29)


@lru_cache(maxsize=4096)
def _decide(
    policy: Policy,
    customized: bool,
    clearance: bool,
    e2_days: int | None,
    answers: tuple[tuple[str, str], ...],
) -> Decision:
    delivered = datetime(2025, 6, 2, 19, 0, tzinfo=UTC)
    facts = LineFacts(
        customized=customized,
        customization=None,
        clearance=clearance,
        delivered_at=None if e2_days is None else delivered,
        applied_at=delivered + timedelta(days=e2_days or 0),
        answers={k: Answer(v) for k, v in answers},
    )
    return evaluate_line(policy, facts).decision


def plan_inspection(
    rng: random.Random, status: ReturnStatus, policy: Policy, *, received: bool
) -> InspectionPlan:
    """A consistent story: approved refunds passed (or were overridden), rejected ones
    failed a rule, and returns not yet inspected carry whatever the customer sent.
    """
    inspector = rng.choice(INSPECTORS)
    answers = {item.id: Answer.YES.value for item in policy.checklist}
    if rng.random() < 0.1:
        answers["accessories"] = Answer.NOT_APPLICABLE.value
    e2_days: int | None = rng.randint(1, 30)
    customized = clearance = False
    notes = None
    override = override_reason = override_by = None
    passes = status is S.REFUND_APPROVED or (
        status in (S.CLOSED, S.INSPECTED) and rng.random() < 0.7
    )
    if not received or status in (S.RECEIVED, S.PARTIALLY_RECEIVED):
        e2_days = _e2_days(rng)
        customized = rng.random() < 0.03
        clearance = rng.random() < 0.04
    elif passes and rng.random() < 0.1:
        e2_days = rng.choice((31, 33, None))
        override, override_by = Decision.ELIGIBLE, rng.choice(SUPERVISORS)
        override_reason = (
            "Carrier sign-off was late in the system; customer showed the delivery photo."
            if e2_days
            else "No sign-off on file; carrier confirmed delivery by phone."
        )
    elif not passes:
        failure = rng.choice(_FAILURES)
        if failure == "late":
            e2_days = rng.randint(31, 45)
        elif failure == "customized":
            customized = True
        elif failure == "clearance":
            clearance = True
        else:
            answers[failure] = Answer.NO.value
            notes = {
                "undamaged": "Deep scratch across the top panel; photos taken.",
                "unused": "Cushions compressed and stained: used.",
                "unassembled": "Frame fully assembled, hardware missing.",
                "accessories": "Hardware kit and assembly tool missing.",
            }[failure]
    if status is S.INSPECTING:
        keep = rng.randint(1, len(answers) - 1)
        answers = dict(list(answers.items())[:keep])
    decision = _decide(policy, customized, clearance, e2_days, tuple(sorted(answers.items())))
    final = override or decision
    disposition = None
    if final is Decision.ELIGIBLE:
        disposition = Disposition.RESTOCK if rng.random() < 0.7 else Disposition.REFURBISH
    elif final is Decision.NOT_ELIGIBLE:
        disposition = rng.choice(
            (Disposition.RETURN_TO_CUSTOMER, Disposition.LIQUIDATE, Disposition.DISPOSE)
        )
    return InspectionPlan(
        e2_days,
        customized,
        clearance,
        answers,
        decision,
        disposition,
        override,
        override_reason,
        override_by,
        inspector,
        notes,
    )
