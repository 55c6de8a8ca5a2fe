"""Eligibility of one returned line, rule by rule (E1-E5, X1-X3), under one policy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

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
    rule_id: str
    outcome: RuleOutcome
    reason_en: str
    reason_zh: str

    def to_dict(self) -> dict[str, str]:
        return {"rule_id": self.rule_id, "outcome": self.outcome.value,
                "reason_en": self.reason_en, "reason_zh": self.reason_zh}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleResult:
        return cls(str(data["rule_id"]), RuleOutcome(data["outcome"]),
                   str(data["reason_en"]), str(data["reason_zh"]))


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
        what = f" ({facts.customization})" if facts.customization else ""
        return RuleResult("E1", RuleOutcome.FAIL, f"The order line is customized{what}.",
                          f"订单行为定制商品{what}。")
    result = _checklist_rule(policy, "E1", facts)
    if result.outcome is RuleOutcome.PENDING:
        return RuleResult("E1", RuleOutcome.PENDING,
                          "The order line is not customized; the inspector is to confirm.",
                          "订单行非定制商品；待检验员确认。")
    if result.outcome is RuleOutcome.PASS:
        return RuleResult("E1", RuleOutcome.PASS, "Not customized (order line and inspection).",
                          "非定制商品（订单与检验一致）。")
    return result


def _e2(policy: Policy, facts: LineFacts) -> RuleResult:
    window = policy.e2_window_days
    if facts.delivered_at is None:
        return RuleResult("E2", RuleOutcome.REVIEW,
                          "No carrier sign-off date on file: a supervisor must review.",
                          "没有承运商签收日期：需主管审核。")
    try:
        delivered = policy.local_date(facts.delivered_at)
        applied = policy.local_date(facts.applied_at)
    except ValueError:
        return RuleResult("E2", RuleOutcome.REVIEW,
                          "A date has no time zone, so the day count is unknown: review.",
                          "日期缺少时区，无法计算天数：需主管审核。")
    days = (applied - delivered).days
    if days < 0:
        return RuleResult(
            "E2", RuleOutcome.REVIEW,
            f"Applied {applied} before the sign-off {delivered}: the dates disagree, review.",
            f"申请日期 {applied} 早于签收日期 {delivered}：日期不一致，需审核。")
    if days <= window:
        return RuleResult("E2", RuleOutcome.PASS,
                          f"Applied on day {days} of {window} after sign-off ({delivered}).",
                          f"在签收（{delivered}）后第 {days} 天申请，未超过 {window} 天。")
    return RuleResult("E2", RuleOutcome.FAIL,
                      f"Applied on day {days} after sign-off ({delivered}): "
                      f"past the {window}-day window.",
                      f"在签收（{delivered}）后第 {days} 天申请，超过 {window} 天期限。")


def _p1_quantity(facts: LineFacts) -> RuleResult | None:
    """P1: the application claims what comes back; a line claiming none, or more than the
    order line holds less earlier returns, is REVIEW (and so refunds nothing on its own)."""
    if facts.quantity is None:
        return None
    problem = quantity_problem(facts.quantity)
    if problem is None:
        return None
    return RuleResult("P1", RuleOutcome.REVIEW, *problem)


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
    return RuleResult(
        "E2", RuleOutcome.REVIEW,
        f"Applied for on {applied}, before the first return policy took effect ({since}): "
        "no policy decides this return, a supervisor must review.",
        f"申请日期 {applied} 早于首个退货政策生效日（{since}）：没有适用的退货政策，需主管审核。")


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
        en = [i.found_en for i in failed]
        zh = [i.found_zh for i in failed]
        if stray_na:
            en.append("answered N/A where the policy allows no N/A, a supervisor must review: "
                      + "; ".join(i.question_en for i in stray_na))
            zh.append("政策不允许此项回答“不适用”，需主管审核：" + "；".join(
                i.question_zh for i in stray_na))
        return RuleResult(rule_id, max(outcomes, key=lambda o: _SEVERITY[o]),
                          _sentence("; ".join(en)), "；".join(zh) + "。")
    open_items = [i for i in items if _answer(facts, i) is Answer.UNANSWERED]
    if open_items:
        return RuleResult(
            rule_id, RuleOutcome.PENDING,
            "Awaiting inspection: " + "; ".join(i.question_en for i in open_items) + ".",
            "待检验：" + "；".join(i.question_zh for i in open_items) + "。")
    checked = [i for i in items if _answer(facts, i) is Answer.YES]
    not_applicable = [i for i in items if _answer(facts, i) is Answer.NOT_APPLICABLE]
    text_en = "Checked: " + "; ".join(i.question_en for i in checked) + "."
    text_zh = "已检验：" + "；".join(i.question_zh for i in checked) + "。"
    if not_applicable:
        text_en += " Not applicable: " + "; ".join(i.question_en for i in not_applicable) + "."
        text_zh += "不适用：" + "；".join(i.question_zh for i in not_applicable) + "。"
    for item in (i for i in excused if i.rule == rule_id):
        text_en += (f" {item.found_en}, as the customer reported (T1: a quality return is "
                    "accepted with the damage or defect it reports).")
        text_zh += f"{item.found_zh}，与客户所报一致（T1：质量问题退货按所报损坏或缺陷受理）。"
    return RuleResult(rule_id, RuleOutcome.PASS, text_en, text_zh)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _x1(facts: LineFacts) -> RuleResult:
    if facts.customized:
        return RuleResult("X1", RuleOutcome.FAIL, "Customized items are never returnable.",
                          "定制商品不可退货。")
    return RuleResult("X1", RuleOutcome.PASS, "Not a customized item.", "非定制商品。")


def _x2(facts: LineFacts) -> RuleResult:
    if facts.clearance:
        return RuleResult("X2", RuleOutcome.FAIL, "Clearance products are never returnable.",
                          "清仓商品不可退货。")
    return RuleResult("X2", RuleOutcome.PASS, "Not a clearance product.", "非清仓商品。")


def _x3(e4: RuleResult, excused: tuple[ChecklistItem, ...]) -> RuleResult:
    if e4.outcome is RuleOutcome.FAIL:
        return RuleResult("X3", RuleOutcome.FAIL,
                          "Used or damaged furniture is not returnable (E4 finding).",
                          "已使用或损坏的家具不可退货（依据 E4 检验）。")
    if e4.outcome in (RuleOutcome.PENDING, RuleOutcome.REVIEW):
        return RuleResult("X3", e4.outcome, "Depends on the E4 finding.", "取决于 E4 检验结果。")
    if excused:
        return RuleResult(
            "X3", RuleOutcome.PASS,
            "The damage matches what the customer reported: not furniture the customer used "
            "or damaged (T1, E4).",
            "损坏与客户所报一致：并非客户使用或损坏的家具（T1，E4）。")
    return RuleResult("X3", RuleOutcome.PASS, "Neither used nor damaged (E4).",
                      "未使用且无损坏（E4）。")
