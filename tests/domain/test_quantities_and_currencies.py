"""Issue 11, point 9: a return line claims what the order line has left, never none; money
rounds to the currency's own minor unit."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from livenon_desk.domain.eligibility import LineFacts, evaluate_line
from livenon_desk.domain.enums import Answer, Decision, LabelType, ReasonCategory, RuleOutcome
from livenon_desk.domain.money import (
    cents_to_decimal,
    decimal_to_cents,
    format_money,
    minor_digits,
    round_money,
)
from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.quantities import ClaimedQuantity, quantity_problem
from livenon_desk.domain.refund import recommend_refund
from livenon_desk.paths import policy_dir

POLICY = default_policies().latest
LA = ZoneInfo("America/Los_Angeles")
SIGN_OFF = datetime(2026, 6, 1, 15, 0, tzinfo=LA)
YES = {i.id: Answer.YES for i in POLICY.checklist_for(ReasonCategory.PERSONAL)}


def judge(claim: ClaimedQuantity) -> tuple[Decision, dict[str, RuleOutcome], str, str]:
    result = evaluate_line(POLICY, LineFacts(
        customized=False, customization=None, clearance=False, delivered_at=SIGN_OFF,
        applied_at=SIGN_OFF + timedelta(days=5), answers=YES,
        reason_category=ReasonCategory.PERSONAL, quantity=claim))
    p1 = next((r for r in result.rules if r.rule_id == "P1"), None)
    return (result.decision, {r.rule_id: r.outcome for r in result.rules},
            p1.reason_en if p1 else "", p1.reason_zh if p1 else "")


def test_a_claim_within_the_order_line_adds_nothing() -> None:
    decision, outcomes, _, _ = judge(ClaimedQuantity(claimed=1, ordered=2, returned_before=1))
    assert decision is Decision.ELIGIBLE
    assert "P1" not in outcomes


def test_more_than_the_order_line_has_left_is_review() -> None:
    decision, outcomes, en, zh = judge(ClaimedQuantity(claimed=2, ordered=2, returned_before=1))
    assert decision is Decision.NEEDS_REVIEW
    assert outcomes["P1"] is RuleOutcome.REVIEW
    assert en == ("The return claims 2 pieces, but the order line holds 2, 1 of them returned "
                  "before: at most 1 can come back, a supervisor must review.")
    assert "最多可退 1 件" in zh


@pytest.mark.parametrize("claimed", [0, -1])
def test_no_pieces_is_refused_not_read_as_one(claimed: int) -> None:
    decision, outcomes, en, zh = judge(ClaimedQuantity(claimed=claimed, ordered=1))
    assert decision is Decision.NEEDS_REVIEW
    assert outcomes["P1"] is RuleOutcome.REVIEW
    assert f"claims {claimed} pieces" in en and "至少一件" in zh
    assert quantity_problem(ClaimedQuantity(claimed=1, ordered=1)) is None


@pytest.mark.parametrize(("currency", "digits", "amount", "rounded", "text"), [
    ("USD", 2, Decimal("1299.005"), Decimal("1299.01"), "1,299.01"),
    ("JPY", 0, Decimal("129900.5"), Decimal("129901"), "129,901"),
    ("KWD", 3, Decimal("12.3455"), Decimal("12.346"), "12.346"),
])
def test_money_rounds_to_the_currencys_minor_unit(
    currency: str, digits: int, amount: Decimal, rounded: Decimal, text: str
) -> None:
    assert minor_digits(currency) == digits
    assert round_money(amount, currency) == rounded
    assert format_money(amount, currency) == text
    assert cents_to_decimal(decimal_to_cents(rounded, currency), currency) == rounded


def test_a_yen_refund_has_no_sen() -> None:
    rec = recommend_refund(POLICY, unit_price=Decimal("129900"), quantity=1, currency="JPY",
                           reason_category=ReasonCategory.PERSONAL,
                           label_type=LabelType.PREPAID, label_cost=None, cross_border=True)
    assert rec.deductions[0].amount == Decimal("25980")  # T2: 20 %, cross-border
    assert rec.amount == Decimal("103920")
    assert rec.explanation_en == ("129,900 − 25,980 return shipping, estimated at 20 % of the "
                                  "price (T2) = 103,920 JPY")


def test_a_dinar_refund_keeps_its_fils() -> None:
    rec = recommend_refund(POLICY, unit_price=Decimal("100.005"), quantity=3, currency="KWD",
                           reason_category=ReasonCategory.PERSONAL,
                           label_type=LabelType.PREPAID, label_cost=Decimal("12.3456"),
                           cross_border=False)
    assert rec.price_paid == Decimal("300.015")
    assert rec.deductions[0].amount == Decimal("12.346")
    assert rec.amount == Decimal("287.669")


def test_the_policy_names_no_rounding_step_of_its_own() -> None:
    for path in policy_dir().glob("*.toml"):
        assert "currency_rounding" not in path.read_text(encoding="utf-8"), path


def test_a_claim_beyond_what_is_left_names_the_earlier_returns_in_both_languages() -> None:
    problem = quantity_problem(ClaimedQuantity(claimed=3, ordered=3, returned_before=2))
    assert problem is not None and problem.id == "reason.p1.too-many-after"
    assert problem.text() == ("The return claims 3 pieces, but the order line holds 3, 2 of "
                              "them returned before: at most 1 can come back, a supervisor "
                              "must review.")
    assert problem.text("zh") == ("退货数量 3 件，但订单行共 3 件，其中 2 件已退：最多可退 1 件，"
                                  "需主管审核。")
