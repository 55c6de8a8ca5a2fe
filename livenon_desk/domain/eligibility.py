"""Eligibility of one returned line, rule by rule (E1-E5, X1-X3), under one policy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from livenon_desk.catalogue import Localized, Message
from livenon_desk.domain.enums import Answer, Decision, ReasonCategory, RuleOutcome
from livenon_desk.domain.policy import ChecklistItem, Policy
from livenon_desk.domain.quantities import ClaimedQuantity, quantity_problem

_SEVERITY = {
    RuleOutcome.FAIL: 3, RuleOutcome.REVIEW: 2, RuleOutcome.PENDING: 1, RuleOutcome.PASS: 0
}
_DECISION = {
    RuleOutcome.FAIL: Decision.NOT_ELIGIBLE,
    RuleOutcome.REVIEW: Decision.NEEDS_REVIEW,
    RuleOutcome.PENDING: Decision.PENDING,
    RuleOutcome.PASS: Decision.ELIGIBLE,
}


@dataclass(frozen=True)
class LineFacts:
    """What is known about one returned line: from the order, and from the inspector."""

    customized: bool
    customization: str | None
    clearance: bool
    delivered_at: datetime | None
    applied_at: datetime
    answers: Mapping[str, Answer]
    photo_count: int = 0
    reason_category: ReasonCategory | None = None
    quantity: ClaimedQuantity | None = None


@dataclass(frozen=True)
class RuleResult:
    """One rule's outcome and why. A fresh result names its reason by message id; a stored
    one keeps the words it was recorded with, in both languages (its paper's hash covers
    them), so ``reason`` is either."""

    rule_id: str
    outcome: RuleOutcome
    reason: Message | Localized

    @property
    def reason_en(self) -> str:
        return self.reason.text("en")

    @property
    def reason_zh(self) -> str:
        return self.reason.text("zh")

    def to_dict(self) -> dict[str, str]:
        return {"rule_id": self.rule_id, "outcome": self.outcome.value,
                "reason_en": self.reason_en, "reason_zh": self.reason_zh}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleResult:
        return cls(str(data["rule_id"]), RuleOutcome(data["outcome"]),
                   Localized(str(data["reason_en"]), str(data["reason_zh"])))


@dataclass(frozen=True)
class Evaluation:
    decision: Decision
    policy_version: str
    rules: tuple[RuleResult, ...]
    photos_missing: tuple[str, ...] = ()

    @property
    def deciding_rule_ids(self) -> tuple[str, ...]:
        """The rules whose outcome made the decision (every rule, for an eligible line)."""
        worst = max((_SEVERITY[r.outcome] for r in self.rules), default=0)
        return tuple(r.rule_id for r in self.rules if _SEVERITY[r.outcome] == worst)


def evaluate_line(policy: Policy, facts: LineFacts) -> Evaluation:
    """Judge one line by E1-E5 and X1-X3: any fail → not eligible; else any review →
    supervisor review; else anything unanswered → pending; else eligible. A return
    applied for before the first policy took effect is REVIEW, with that reason under E2.
    A line claiming no pieces, or more than the order line has left, adds P1 as REVIEW.
    """
    e4 = _checklist_rule(policy, "E4", facts)
    excused = _excused(policy, facts)
    rules: tuple[RuleResult, ...] = (
        _e1(policy, facts),
        _e2(policy, facts),
        _checklist_rule(policy, "E3", facts),
        e4,
        _checklist_rule(policy, "E5", facts),
        _x1(facts),
        _x2(facts),
        _x3(e4, excused),
    )
    claim = _p1_quantity(facts)
    if claim is not None:
        rules = (*rules, claim)
    worst = max(rules, key=lambda r: _SEVERITY[r.outcome]).outcome
    before = _before_policy(policy, facts)
    if before is not None:
        rules = tuple(before if r.rule_id == "E2" else r for r in rules)
        worst = RuleOutcome.REVIEW
    missing = tuple(
        item.id for item in policy.checklist_for(facts.reason_category)
        if facts.photo_count == 0 and (
            (item.photo_required_on_no and _answer(facts, item) is Answer.NO)
            or (item.photo_required_on_yes and _answer(facts, item) is Answer.YES))
    )
    return Evaluation(_DECISION[worst], policy.version, rules, missing)


def _answer(facts: LineFacts, item: ChecklistItem) -> Answer:
    return facts.answers.get(item.id, Answer.UNANSWERED)


def _e1(policy: Policy, facts: LineFacts) -> RuleResult:
    if facts.customized:
        if facts.customization:
            return _result("E1", RuleOutcome.FAIL, "reason.e1.customized-as",
                           customization=facts.customization)
        return _result("E1", RuleOutcome.FAIL, "reason.e1.customized")
    result = _checklist_rule(policy, "E1", facts)
    if result.outcome is RuleOutcome.PENDING:
        return _result("E1", RuleOutcome.PENDING, "reason.e1.to-confirm")
    if result.outcome is RuleOutcome.PASS:
        return _result("E1", RuleOutcome.PASS, "reason.e1.not-customized")
    return result


def _e2(policy: Policy, facts: LineFacts) -> RuleResult:
    window = policy.e2_window_days
    if facts.delivered_at is None:
        return _result("E2", RuleOutcome.REVIEW, "reason.e2.no-sign-off")
    try:
        delivered = policy.local_date(facts.delivered_at)
        applied = policy.local_date(facts.applied_at)
    except ValueError:
        return _result("E2", RuleOutcome.REVIEW, "reason.e2.no-time-zone")
    days = (applied - delivered).days
    if days < 0:
        return _result("E2", RuleOutcome.REVIEW, "reason.e2.before-sign-off",
                       applied=applied, delivered=delivered)
    if days <= window:
        return _result("E2", RuleOutcome.PASS, "reason.e2.within",
                       days=days, window=window, delivered=delivered)
    return _result("E2", RuleOutcome.FAIL, "reason.e2.past",
                   days=days, window=window, delivered=delivered)


def _p1_quantity(facts: LineFacts) -> RuleResult | None:
    """P1: the application claims what comes back; a line claiming none, or more than the
    order line holds less earlier returns, is REVIEW (and so refunds nothing on its own)."""
    if facts.quantity is None:
        return None
    problem = quantity_problem(facts.quantity)
    if problem is None:
        return None
    return RuleResult("P1", RuleOutcome.REVIEW, problem)


def _excused(policy: Policy, facts: LineFacts) -> tuple[ChecklistItem, ...]:
    """Items answered "no" whose excusing item is answered "yes": under T1, damage that
    matches what the customer reported is not a failure of E4 or X3."""
    excused = []
    for item in policy.checklist_for(facts.reason_category):
        if item.excused_by is None or _answer(facts, item) is not Answer.NO:
            continue
        by = policy.item(item.excused_by)
        if by is not None and by.asked_for(facts.reason_category) \
                and _answer(facts, by) is Answer.YES:
            excused.append(item)
    return tuple(excused)


def _before_policy(policy: Policy, facts: LineFacts) -> RuleResult | None:
    """A return applied for before ``policy`` took effect is judged by no policy: the
    rules are shown as guidance and a supervisor decides (REVIEW)."""
    try:
        applied = policy.local_date(facts.applied_at)
    except ValueError:
        return None
    if applied >= policy.effective_date:
        return None
    since = policy.effective_date.isoformat()
    return _result("E2", RuleOutcome.REVIEW, "reason.e2.before-policy",
                   applied=applied, since=since)


def _checklist_rule(policy: Policy, rule_id: str, facts: LineFacts) -> RuleResult:
    """A checklist rule: a "no" fails (or asks review) with what was found; an N/A where the
    policy does not allow it is REVIEW, never PASS; an unanswered item leaves it pending."""
    items = policy.items_for(rule_id, facts.reason_category)
    excused = _excused(policy, facts)
    failed = [i for i in items if _answer(facts, i) is Answer.NO and i not in excused]
    stray_na = [i for i in items
                if _answer(facts, i) is Answer.NOT_APPLICABLE and not i.na_allowed]
    if failed or stray_na:
        outcomes = [i.on_no for i in failed] + [RuleOutcome.REVIEW] * bool(stray_na)
        found: list[Message | Localized] = [_found(i) for i in failed]
        if stray_na:
            found.append(Message.of("reason.stray-na", questions=_questions(stray_na)))
        joined = Localized.join(found, "; ", "；")
        return RuleResult(rule_id, max(outcomes, key=lambda o: _SEVERITY[o]),
                          Localized(_sentence(joined.en), joined.zh + "。"))
    open_items = [i for i in items if _answer(facts, i) is Answer.UNANSWERED]
    if open_items:
        return _result(rule_id, RuleOutcome.PENDING, "reason.awaiting",
                       questions=_questions(open_items))
    checked = [i for i in items if _answer(facts, i) is Answer.YES]
    not_applicable = [i for i in items if _answer(facts, i) is Answer.NOT_APPLICABLE]
    parts = [Message.of("reason.checked", questions=_questions(checked))]
    if not_applicable:
        parts.append(Message.of("reason.not-applicable", questions=_questions(not_applicable)))
    parts += [Message.of("reason.as-reported", found=_found(item))
              for item in excused if item.rule == rule_id]
    return RuleResult(rule_id, RuleOutcome.PASS, Localized.join(parts, " ", ""))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _result(rule_id: str, outcome: RuleOutcome, message_id: str, /,
            **values: object) -> RuleResult:
    return RuleResult(rule_id, outcome, Message.of(message_id, **values))


def _questions(items: list[ChecklistItem]) -> Localized:
    return Localized.join([Localized(i.question_en, i.question_zh) for i in items], "; ", "；")


def _found(item: ChecklistItem) -> Localized:
    return Localized(item.found_en, item.found_zh)


def _x1(facts: LineFacts) -> RuleResult:
    if facts.customized:
        return _result("X1", RuleOutcome.FAIL, "reason.x1.customized")
    return _result("X1", RuleOutcome.PASS, "reason.x1.not-customized")


def _x2(facts: LineFacts) -> RuleResult:
    if facts.clearance:
        return _result("X2", RuleOutcome.FAIL, "reason.x2.clearance")
    return _result("X2", RuleOutcome.PASS, "reason.x2.not-clearance")


def _x3(e4: RuleResult, excused: tuple[ChecklistItem, ...]) -> RuleResult:
    if e4.outcome is RuleOutcome.FAIL:
        return _result("X3", RuleOutcome.FAIL, "reason.x3.used")
    if e4.outcome in (RuleOutcome.PENDING, RuleOutcome.REVIEW):
        return _result("X3", e4.outcome, "reason.x3.depends")
    if excused:
        return _result("X3", RuleOutcome.PASS, "reason.x3.as-reported")
    return _result("X3", RuleOutcome.PASS, "reason.x3.unused")


def application_rules(policy: Policy, facts: LineFacts) -> tuple[RuleResult, ...]:
    """The rules an application can be judged by before the goods come back (P1): E1 and
    X1 (customized), E2 (the window since delivery) and X2 (clearance). A FAIL among them
    refuses the application at once, citing the rule; E1 stays PENDING for the inspector
    when the order says nothing was customized."""
    return (_e1(policy, facts), _e2(policy, facts), _x1(facts), _x2(facts))
