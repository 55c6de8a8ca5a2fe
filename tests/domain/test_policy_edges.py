"""Issue 11: N/A where allowed only, T1 damage that matches the report, E5's invoice, and
failed rules that say what was found, in English and Chinese."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from livenon_desk.domain.eligibility import Evaluation, LineFacts, RuleResult, evaluate_line
from livenon_desk.domain.enums import Answer, Decision, ReasonCategory, RuleOutcome
from livenon_desk.domain.inspection_completion import completion_problems
from livenon_desk.domain.policy import default_policies

POLICY = default_policies().latest
LA = ZoneInfo("America/Los_Angeles")
SIGN_OFF = datetime(2026, 6, 1, 15, 0, tzinfo=LA)
PERSONAL_YES = {i.id: Answer.YES for i in POLICY.checklist_for(ReasonCategory.PERSONAL)}
QUALITY_YES = {i.id: Answer.YES for i in POLICY.checklist_for(ReasonCategory.QUALITY)}


def judge(answers: dict[str, Answer], category: ReasonCategory = ReasonCategory.PERSONAL,
          photos: int = 1) -> Evaluation:
    return evaluate_line(POLICY, LineFacts(
        customized=False, customization=None, clearance=False, delivered_at=SIGN_OFF,
        applied_at=SIGN_OFF + timedelta(days=10), answers=answers, photo_count=photos,
        reason_category=category))


def rule(evaluation: Evaluation, rule_id: str) -> RuleResult:
    return next(r for r in evaluation.rules if r.rule_id == rule_id)


# --- 1: N/A only where the policy allows it ------------------------------------------------

def test_a_sheet_answered_na_throughout_is_never_eligible() -> None:
    result = judge({i.id: Answer.NOT_APPLICABLE for i in POLICY.checklist})
    assert result.decision is Decision.NEEDS_REVIEW
    for rule_id in ("E1", "E3", "E4", "E5", "X3"):
        assert rule(result, rule_id).outcome is RuleOutcome.REVIEW, rule_id
    assert "N/A" in rule(result, "E3").reason_en
    assert "不适用" in rule(result, "E3").reason_zh


def test_na_passes_where_the_policy_allows_it() -> None:
    assert POLICY.item("accessories").na_allowed  # type: ignore[union-attr]
    result = judge({**PERSONAL_YES, "accessories": Answer.NOT_APPLICABLE})
    assert rule(result, "E5").outcome is RuleOutcome.PASS
    assert "Not applicable: All accessories are present" in rule(result, "E5").reason_en
    assert "不适用：配件齐全" in rule(result, "E5").reason_zh


def test_na_elsewhere_is_review_and_keeps_the_form_from_finishing() -> None:
    answers = {**PERSONAL_YES, "unused": Answer.NOT_APPLICABLE}
    result = judge(answers)
    assert rule(result, "E4").outcome is RuleOutcome.REVIEW
    assert result.decision is Decision.NEEDS_REVIEW
    problems = completion_problems(POLICY, answers, "A", result,
                                   ReasonCategory.PERSONAL)
    assert any("N/A is not an answer" in p.text("en") and "不能回答“不适用”" in p.text("zh")
               for p in problems)


# --- 3: T1 quality returns come back with the damage they report ---------------------------

def test_the_quality_checklist_asks_whether_the_damage_matches_the_report() -> None:
    quality = {i.id for i in POLICY.checklist_for(ReasonCategory.QUALITY)}
    personal = {i.id for i in POLICY.checklist_for(ReasonCategory.PERSONAL)}
    assert quality - personal == {"damage_matches_report"}
    assert POLICY.item("damage_matches_report").photo_required_on_yes  # type: ignore[union-attr]


def test_damage_matching_the_report_passes_e4_and_x3() -> None:
    result = judge({**QUALITY_YES, "undamaged": Answer.NO}, ReasonCategory.QUALITY)
    assert result.decision is Decision.ELIGIBLE
    assert rule(result, "E4").outcome is RuleOutcome.PASS
    assert rule(result, "X3").outcome is RuleOutcome.PASS
    assert "as the customer reported (T1" in rule(result, "E4").reason_en
    assert "与客户所报一致（T1" in rule(result, "E4").reason_zh
    assert "not furniture the customer used or damaged" in rule(result, "X3").reason_en
    assert "并非客户使用或损坏的家具" in rule(result, "X3").reason_zh


def test_matching_damage_needs_a_photo() -> None:
    result = judge({**QUALITY_YES, "undamaged": Answer.NO}, ReasonCategory.QUALITY, photos=0)
    assert "damage_matches_report" in result.photos_missing


def test_damage_that_does_not_match_the_report_still_fails() -> None:
    answers = {**QUALITY_YES, "undamaged": Answer.NO, "damage_matches_report": Answer.NO}
    result = judge(answers, ReasonCategory.QUALITY)
    assert rule(result, "E4").outcome is RuleOutcome.FAIL
    assert rule(result, "X3").outcome is RuleOutcome.FAIL
    assert result.decision is Decision.NOT_ELIGIBLE


def test_use_still_fails_a_quality_return() -> None:
    answers = {**QUALITY_YES, "undamaged": Answer.NO, "unused": Answer.NO}
    result = judge(answers, ReasonCategory.QUALITY)
    assert rule(result, "E4").outcome is RuleOutcome.FAIL
    assert rule(result, "E4").reason_en.startswith("Shows signs of use")
    assert rule(result, "X3").outcome is RuleOutcome.FAIL


def test_a_personal_return_with_damage_fails_as_before() -> None:
    result = judge({**PERSONAL_YES, "undamaged": Answer.NO})
    assert rule(result, "E4").outcome is RuleOutcome.FAIL
    assert rule(result, "X3").outcome is RuleOutcome.FAIL


# --- 4: E5, the invoice -------------------------------------------------------------------

def test_a_missing_invoice_fails_e5_in_the_seeds_words() -> None:
    result = judge({**PERSONAL_YES, "invoice": Answer.NO})
    e5 = rule(result, "E5")
    assert e5.outcome is RuleOutcome.FAIL
    assert result.decision is Decision.NOT_ELIGIBLE
    assert "with original packaging, accessories, and invoice intact" in e5.reason_en
    assert "原包装、配件及发票齐全" in e5.reason_zh


def test_missing_packaging_stays_review_p3() -> None:
    result = judge({**PERSONAL_YES, "original_packaging": Answer.NO})
    assert rule(result, "E5").outcome is RuleOutcome.REVIEW
    assert "bubble wrap" in rule(result, "E5").reason_en


# --- 10: a failed rule says what was found ------------------------------------------------

@pytest.mark.parametrize(("item", "en", "zh"), [
    ("unused", "Shows signs of use.", "有使用痕迹。"),
    ("undamaged", "The item is damaged.", "商品有损坏。"),
    ("unassembled", "The item has been assembled.", "商品已组装。"),
    ("accessories", "Accessories are missing.", "配件缺失。"),
])
def test_a_failed_rule_reads_as_a_finding(item: str, en: str, zh: str) -> None:
    result = judge({**PERSONAL_YES, item: Answer.NO})
    found = rule(result, POLICY.item(item).rule)  # type: ignore[union-attr]
    assert (found.reason_en, found.reason_zh) == (en, zh)
    assert "Answered no" not in found.reason_en and " no " not in found.reason_en
    assert "检验结果为否" not in found.reason_zh
