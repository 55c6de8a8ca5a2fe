from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livenon_desk.catalogue import Message
from livenon_desk.domain.eligibility import (
    Evaluation,
    LineFacts,
    RuleResult,
    evaluate_line,
)
from livenon_desk.domain.enums import Answer, Decision, RuleOutcome
from livenon_desk.domain.policy import default_policies

POLICY = default_policies().latest
LA = ZoneInfo("America/Los_Angeles")
ALL_YES = {item.id: Answer.YES for item in POLICY.checklist}
SIGN_OFF = datetime(2026, 6, 1, 15, 0, tzinfo=LA)


def facts(**overrides: object) -> LineFacts:
    values: dict[str, object] = {
        "customized": False, "customization": None, "clearance": False,
        "delivered_at": SIGN_OFF, "applied_at": SIGN_OFF + timedelta(days=10),
        "answers": ALL_YES, "photo_count": 0,
    }
    values.update(overrides)
    return LineFacts(**values)  # type: ignore[arg-type]


def rule(evaluation: Evaluation, rule_id: str) -> RuleResult:
    return next(r for r in evaluation.rules if r.rule_id == rule_id)


def test_a_clean_line_is_eligible_and_names_every_rule() -> None:
    result = evaluate_line(POLICY, facts())
    assert result.decision is Decision.ELIGIBLE
    assert result.policy_version == "2025.1"
    assert [r.rule_id for r in result.rules] == ["E1", "E2", "E3", "E4", "E5", "X1", "X2", "X3"]
    assert all(r.reason_en and r.reason_zh for r in result.rules)
    assert result.deciding_rule_ids == ("E1", "E2", "E3", "E4", "E5", "X1", "X2", "X3")


@pytest.mark.parametrize(("days", "outcome"), [
    (0, RuleOutcome.PASS), (29, RuleOutcome.PASS), (30, RuleOutcome.PASS),
    (31, RuleOutcome.FAIL), (90, RuleOutcome.FAIL),
])
def test_e2_day_thirty_is_in_day_thirty_one_is_out(days: int, outcome: RuleOutcome) -> None:
    result = evaluate_line(POLICY, facts(applied_at=SIGN_OFF + timedelta(days=days)))
    assert rule(result, "E2").outcome is outcome
    assert f"day {days}" in rule(result, "E2").reason_en


def test_e2_counts_warehouse_days_not_utc_days() -> None:
    # Signed off 23:30 in Los Angeles on 1 June = 06:30 UTC on 2 June.
    late_evening = datetime(2026, 6, 1, 23, 30, tzinfo=LA)
    applied = datetime(2026, 7, 1, 9, 0, tzinfo=LA)  # day 30 in LA, day 29 in UTC
    result = evaluate_line(POLICY, facts(delivered_at=late_evening.astimezone(UTC),
                                         applied_at=applied.astimezone(UTC)))
    assert rule(result, "E2").outcome is RuleOutcome.PASS
    assert "day 30" in rule(result, "E2").reason_en
    # Applied 00:30 LA on 2 July = day 31, though in UTC it is still "30 days and 1 hour".
    after_midnight = datetime(2026, 7, 2, 0, 30, tzinfo=LA)
    result = evaluate_line(POLICY, facts(delivered_at=late_evening,
                                         applied_at=after_midnight.astimezone(UTC)))
    assert rule(result, "E2").outcome is RuleOutcome.FAIL


def test_e2_across_the_daylight_saving_change() -> None:
    signed = datetime(2026, 10, 10, 12, 0, tzinfo=LA)  # PDT
    applied = datetime(2026, 11, 9, 23, 59, tzinfo=LA)  # PST, day 30
    result = evaluate_line(POLICY, facts(delivered_at=signed, applied_at=applied))
    assert rule(result, "E2").outcome is RuleOutcome.PASS


def test_missing_sign_off_never_passes() -> None:
    result = evaluate_line(POLICY, facts(delivered_at=None))
    assert rule(result, "E2").outcome is RuleOutcome.REVIEW
    assert result.decision is Decision.NEEDS_REVIEW
    assert result.deciding_rule_ids == ("E2",)


def test_a_time_without_zone_never_passes() -> None:
    result = evaluate_line(POLICY, facts(delivered_at=datetime(2026, 6, 1, 12, 0)))
    assert rule(result, "E2").outcome is RuleOutcome.REVIEW


def test_applied_before_delivery_needs_review() -> None:
    result = evaluate_line(POLICY, facts(applied_at=SIGN_OFF - timedelta(days=2)))
    assert rule(result, "E2").outcome is RuleOutcome.REVIEW


def test_customized_fails_e1_and_x1() -> None:
    result = evaluate_line(POLICY, facts(customized=True, customization="engraving: 'J & M'"))
    assert rule(result, "E1").outcome is RuleOutcome.FAIL
    assert "engraving" in rule(result, "E1").reason_en
    assert rule(result, "X1").outcome is RuleOutcome.FAIL
    assert result.decision is Decision.NOT_ELIGIBLE


def test_clearance_fails_x2() -> None:
    result = evaluate_line(POLICY, facts(clearance=True))
    assert rule(result, "X2").outcome is RuleOutcome.FAIL
    assert result.decision is Decision.NOT_ELIGIBLE
    assert result.deciding_rule_ids == ("X2",)


@pytest.mark.parametrize(("item", "rule_id", "outcome"), [
    ("not_customized", "E1", RuleOutcome.FAIL),
    ("unassembled", "E3", RuleOutcome.FAIL),
    ("undamaged", "E4", RuleOutcome.FAIL),
    ("unused", "E4", RuleOutcome.FAIL),
    ("original_packaging", "E5", RuleOutcome.REVIEW),
    ("accessories", "E5", RuleOutcome.FAIL),
    ("invoice", "E5", RuleOutcome.FAIL),
    ("return_form", "E5", RuleOutcome.REVIEW),
])
def test_each_checklist_no(item: str, rule_id: str, outcome: RuleOutcome) -> None:
    result = evaluate_line(POLICY, facts(answers={**ALL_YES, item: Answer.NO}))
    assert rule(result, rule_id).outcome is outcome
    expected = Decision.NOT_ELIGIBLE if outcome is RuleOutcome.FAIL else Decision.NEEDS_REVIEW
    assert result.decision is expected


def test_damage_fails_x3_and_asks_for_photos() -> None:
    result = evaluate_line(POLICY, facts(answers={**ALL_YES, "undamaged": Answer.NO}))
    assert rule(result, "X3").outcome is RuleOutcome.FAIL
    assert result.photos_missing == ("undamaged",)
    with_photo = evaluate_line(POLICY, facts(answers={**ALL_YES, "undamaged": Answer.NO},
                                             photo_count=1))
    assert with_photo.photos_missing == ()


def test_not_applicable_counts_as_pass() -> None:
    result = evaluate_line(POLICY, facts(answers={**ALL_YES, "accessories": Answer.NOT_APPLICABLE}))
    assert rule(result, "E5").outcome is RuleOutcome.PASS


def test_unanswered_items_leave_the_line_pending() -> None:
    result = evaluate_line(POLICY, facts(answers={}))
    assert result.decision is Decision.PENDING
    assert {rule(result, r).outcome for r in ("E1", "E3", "E4", "E5", "X3")} == {
        RuleOutcome.PENDING}


def test_fail_beats_review_beats_pending() -> None:
    answers = {"original_packaging": Answer.NO}  # review, the rest unanswered
    assert evaluate_line(POLICY, facts(answers=answers)).decision is Decision.NEEDS_REVIEW
    answers = {"original_packaging": Answer.NO, "accessories": Answer.NO}
    result = evaluate_line(POLICY, facts(answers=answers))
    assert rule(result, "E5").outcome is RuleOutcome.FAIL
    assert result.decision is Decision.NOT_ELIGIBLE


def test_rule_results_round_trip_as_json_data() -> None:
    """A fresh result names its reason by message id; stored, it keeps its words in both
    languages, and reads back with the same words."""
    for result in evaluate_line(POLICY, facts(clearance=True)).rules:
        stored = RuleResult.from_dict(result.to_dict())
        assert (stored.rule_id, stored.outcome) == (result.rule_id, result.outcome)
        assert (stored.reason_en, stored.reason_zh) == (result.reason_en, result.reason_zh)
        assert stored.to_dict() == result.to_dict()


@given(
    # From 2 January: an application on 31 December 2024 (LA) predates the policy.
    signed=st.datetimes(min_value=datetime(2025, 1, 2), max_value=datetime(2027, 12, 1),
                        timezones=st.just(UTC)),
    days=st.integers(min_value=0, max_value=60),
    minutes=st.integers(min_value=0, max_value=24 * 60 - 1),
)
def test_e2_agrees_with_warehouse_calendar_days(signed: datetime, days: int, minutes: int) -> None:
    local_sign = signed.astimezone(LA)
    applied_local = datetime.combine(local_sign.date() + timedelta(days=days),
                                     datetime.min.time(), LA) + timedelta(minutes=minutes)
    result = evaluate_line(POLICY, facts(delivered_at=signed, applied_at=applied_local))
    counted = (applied_local.astimezone(LA).date() - local_sign.date()).days
    expected = RuleOutcome.PASS if counted <= 30 else RuleOutcome.FAIL
    assert rule(result, "E2").outcome is expected


def test_a_return_applied_before_the_first_policy_is_review_with_that_reason() -> None:
    applied = datetime(2024, 7, 18, 10, 0, tzinfo=LA)
    result = evaluate_line(POLICY, facts(delivered_at=applied - timedelta(days=5),
                                         applied_at=applied, clearance=True))
    assert result.decision is Decision.NEEDS_REVIEW
    e2 = rule(result, "E2")
    assert e2.outcome is RuleOutcome.REVIEW
    assert "2024-07-18" in e2.reason_en and "2025-01-01" in e2.reason_en
    assert "before the first return policy" in e2.reason_en
    assert "2024-07-18" in e2.reason_zh and "没有适用的退货政策" in e2.reason_zh
    # The other rules still show what the first policy would say, as guidance.
    assert rule(result, "X2").outcome is RuleOutcome.FAIL


def test_the_first_policy_day_is_judged_by_that_policy() -> None:
    applied = datetime(2025, 1, 1, 0, 30, tzinfo=LA)
    result = evaluate_line(POLICY, facts(delivered_at=applied - timedelta(days=3),
                                         applied_at=applied))
    assert result.decision is Decision.ELIGIBLE


def test_a_reason_is_a_message_id_the_caller_puts_into_its_language() -> None:
    clearance = rule(evaluate_line(POLICY, facts(clearance=True)), "X2")
    assert clearance.reason == Message.of("reason.x2.clearance")
    assert clearance.reason.text("en") == "Clearance products are never returnable."
    assert clearance.reason.text("zh_CN") == clearance.reason_zh == "清仓商品不可退货。"
