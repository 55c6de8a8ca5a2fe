"""What happened to a demo return at inspection, told so that the policy agrees with it.

A *story* fixes the facts of a return (E2 day count, customized or clearance first line)
and the checklist answers of its lines; the decision of each line is then the policy's
own (``evaluate_line``), cached per distinct set of facts, so an approved refund passed
or was overridden by a supervisor, and a rejected one failed a rule.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from typing import NamedTuple

from livenon_desk.domain.eligibility import LineFacts, evaluate_line
from livenon_desk.domain.enums import Answer, Decision, Disposition, ReturnStatus
from livenon_desk.domain.policy import Policy

S = ReturnStatus
INSPECTORS = ("mchen", "jlopez", "aokafor", "lwang", "sbrooks", "dnguyen")
SUPERVISORS = ("akim", "rpatel")

ALL_YES = "all_yes"
NO_ACCESSORIES_NEEDED = "accessories_na"
# Checklist items whose "no" the stories use: failures (E3, E4, E5) and reviews (E5, P3).
FAILURES = ("undamaged", "unused", "unassembled", "accessories")
REVIEWS = ("original_packaging", "invoice", "return_form")
_NOTES = {
    "undamaged": "Deep scratch across the top panel; photos taken.",
    "unused": "Cushions compressed and stained: the item was used.",
    "unassembled": "Frame fully assembled; hardware bag opened.",
    "accessories": "Hardware kit and assembly tool missing.",
    "original_packaging": "Shipped in a plain box with bubble wrap, not the original carton.",
    "invoice": "No invoice in the parcel.",
    "return_form": "No return form in the parcel.",
}
_OVERRIDE_REASONS = {
    "no_signoff": "No carrier sign-off on file; the carrier confirmed delivery by phone.",
    "late_signoff": "The carrier recorded the sign-off late; the customer's delivery photo "
    "shows the goods arrived within 30 days.",
    "original_packaging": "P3 allows bubble wrap and cardboard when the box is lost; "
    "the item is well protected and undamaged.",
    "invoice": "Invoice reprinted from the order record; everything else is in order.",
    "reject_packaging": "Shipped with no protection at all; P3 not met, not refundable.",
}


class Story(NamedTuple):  # a tuple: a million of them are made
    e2_days: int | None  # application day minus sign-off day; None = no sign-off on file
    customized: bool  # of the first returned line (E1, X1)
    clearance: bool  # of the first returned line (X2)
    single_line: bool  # only the first line comes back
    first: str  # answer profile of the first returned line
    others: str  # answer profile of the other returned lines
    target: Decision | None  # a supervisor's override towards this decision, if any
    override_reason: str | None


class Outcomes:
    """Answer profiles, stories and the policy's decisions, precomputed for bulk rows."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        ids = [item.id for item in policy.checklist]
        yes = dict.fromkeys(ids, Answer.YES.value)
        answers: dict[str, dict[str, str]] = {
            ALL_YES: yes,
            NO_ACCESSORIES_NEEDED: {**yes, "accessories": Answer.NOT_APPLICABLE.value},
        }
        for item in (*FAILURES, *REVIEWS):
            answers[f"no:{item}"] = {**yes, item: Answer.NO.value}
        # An inspection under way has answered the first ``k`` items.
        for k in range(len(ids)):
            answers[f"partial:{k}"] = dict.fromkeys(ids[:k], Answer.YES.value)
        self.answers = answers
        self.checklist_json = {k: json.dumps(v, ensure_ascii=False) for k, v in answers.items()}
        self.partials = tuple(f"partial:{k}" for k in range(len(ids)))
        self._decisions: dict[tuple[str, bool, bool, int | None], Decision] = {}

    @staticmethod
    def notes(profile: str) -> str | None:
        return _NOTES.get(profile[3:]) if profile.startswith("no:") else None

    def decide(self, profile: str, customized: bool, clearance: bool, e2: int | None) -> Decision:
        """The policy's decision for a line with these facts (E1-E5, X1-X3)."""
        window = self.policy.e2_window_days
        # Every day count inside the window decides alike, and every one past it.
        e2_key = None if e2 is None else (-1 if e2 < 0 else 0 if e2 <= window else window + 1)
        key = (profile, customized, clearance, e2_key)
        decision = self._decisions.get(key)
        if decision is None:
            delivered = datetime(2025, 6, 2, 12, 0, tzinfo=self.policy.time_zone)
            facts = LineFacts(
                customized=customized,
                customization="demo" if customized else None,
                clearance=clearance,
                delivered_at=None if e2_key is None else delivered,
                applied_at=delivered + timedelta(days=e2_key or 0),
                answers={k: Answer(v) for k, v in self.answers[profile].items()},
            )
            decision = self._decisions[key] = evaluate_line(self.policy, facts).decision
        return decision

    def story(self, rng: random.Random, status: ReturnStatus, approved: bool) -> Story:
        """A story that fits ``status``; ``approved`` says how a closed return was decided."""
        r = rng.random
        if status is S.INSPECTING or status in _BEFORE_INSPECTION:
            return self._open_story(rng)
        if status is S.REFUND_APPROVED or (status is S.CLOSED and approved):
            return self._pass_story(rng)
        if status is S.INSPECTED:
            roll = r()
            if roll < 0.15:
                return self._review_story(rng)
            if roll < 0.3:
                return self._fail_story(rng)
            return self._pass_story(rng)
        return self._fail_story(rng)

    def _open_story(self, rng: random.Random) -> Story:
        r = rng.random
        roll = r()
        e2: int | None = 1 + int(r() * 29)
        if roll < 0.01:
            e2 = None
        elif roll < 0.04:
            e2 = 30
        elif roll < 0.07:
            e2 = 31
        elif roll < 0.09:
            e2 = 32 + int(r() * 14)
        return Story(e2, r() < 0.025, r() < 0.03, False, ALL_YES, ALL_YES, None, None)

    def _pass_story(self, rng: random.Random) -> Story:
        r = rng.random
        e2: int | None = 30 if r() < 0.05 else 1 + int(r() * 29)
        profile = NO_ACCESSORIES_NEEDED if r() < 0.1 else ALL_YES
        roll = r()
        if roll >= 0.12:
            return Story(e2, False, False, False, profile, ALL_YES, None, None)
        # Passed only because a supervisor overrode the policy, with a written reason.
        why = ("no_signoff", "late_signoff", "original_packaging", "invoice")[int(roll / 0.03)]
        if why == "no_signoff":
            e2 = None
        elif why == "late_signoff":
            e2 = 31 + int(r() * 3)
        else:
            profile = f"no:{why}"
        return Story(
            e2, False, False, False, profile, ALL_YES, Decision.ELIGIBLE, _OVERRIDE_REASONS[why]
        )

    def _fail_story(self, rng: random.Random) -> Story:
        r = rng.random
        e2 = 1 + int(r() * 29)
        roll = r()
        if roll < 0.15:
            return Story(31 if r() < 0.3 else 32 + int(r() * 14), False, False, False,
                         ALL_YES, ALL_YES, None, None)
        if roll < 0.25:
            return Story(e2, True, False, True, ALL_YES, ALL_YES, None, None)
        if roll < 0.35:
            return Story(e2, False, True, True, ALL_YES, ALL_YES, None, None)
        if roll < 0.4:
            return Story(e2, False, False, False, "no:original_packaging", "no:original_packaging",
                         Decision.NOT_ELIGIBLE, _OVERRIDE_REASONS["reject_packaging"])
        profile = f"no:{FAILURES[int(r() * len(FAILURES))]}"
        return Story(e2, False, False, False, profile, profile, None, None)

    def _review_story(self, rng: random.Random) -> Story:
        r = rng.random
        if r() < 0.25:
            return Story(None, False, False, False, ALL_YES, ALL_YES, None, None)
        profile = f"no:{REVIEWS[int(r() * len(REVIEWS))]}"
        return Story(1 + int(r() * 29), False, False, False, profile, ALL_YES, None, None)

    @staticmethod
    def disposition(rng: random.Random, final: Decision) -> Disposition | None:
        roll = rng.random()
        if final is Decision.ELIGIBLE:
            return Disposition.RESTOCK if roll < 0.75 else Disposition.REFURBISH
        if final is Decision.NOT_ELIGIBLE:
            if roll < 0.5:
                return Disposition.RETURN_TO_CUSTOMER
            return Disposition.LIQUIDATE if roll < 0.8 else Disposition.DISPOSE
        return None


_BEFORE_INSPECTION = frozenset(
    {S.APPLIED, S.INSTRUCTIONS_SENT, S.IN_TRANSIT, S.PARTIALLY_RECEIVED, S.RECEIVED}
)
