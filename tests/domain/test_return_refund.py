"""One label, one deduction: the return's label is deducted once, shared by price (P7, T2)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from livenon_desk.domain.enums import LabelType, ReasonCategory
from livenon_desk.domain.money import from_minor_units, round_money
from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.refund import RefundLine, ReturnRefund, recommend_return_refund

POLICY = default_policies().latest


def personal(lines: list[RefundLine], label_cost: Decimal | None, currency: str = "USD",
             cross_border: bool = False) -> ReturnRefund:
    return recommend_return_refund(
        POLICY, lines, currency=currency, reason_category=ReasonCategory.PERSONAL,
        label_type=LabelType.PREPAID, label_cost=label_cost, cross_border=cross_border)


def test_a_label_is_deducted_once_for_a_return_of_two_lines() -> None:
    whole = personal([RefundLine(1, Decimal("600.00"), 1), RefundLine(2, Decimal("400.00"), 1)],
                     Decimal("150.00"))
    assert [(d.rule_id, d.amount) for d in whole.deductions] == [("P7", Decimal("150.00"))]
    assert whole.price_paid == Decimal("1000.00")
    assert whole.amount == Decimal("850.00")
    first, second = whole.line(1), whole.line(2)
    assert [d.amount for d in first.deductions] == [Decimal("90.00")]
    assert [d.amount for d in second.deductions] == [Decimal("60.00")]
    assert (first.amount, second.amount) == (Decimal("510.00"), Decimal("340.00"))
    assert first.deductions[0].return_amount == Decimal("150.00")
    assert first.explanation_en == (
        "600.00 − 90.00 return shipping label (P7, this line's share by price of 150.00 for "
        "the return) = 510.00 USD")
    assert "整单 150.00 按价格分摊到本行的部分" in first.explanation_zh
    assert whole.explanation_en == "1,000.00 − 150.00 return shipping label (P7) = 850.00 USD"


def test_the_cents_are_shared_by_largest_remainder() -> None:
    # 100.00 over three equal lines: 33.34 + 33.33 + 33.33, the odd cent to the first.
    lines = [RefundLine(n, Decimal("500.00"), 1) for n in (1, 2, 3)]
    whole = personal(lines, Decimal("100.00"))
    parts = [whole.line(n).deductions[0].amount for n in (1, 2, 3)]
    assert parts == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert sum(parts) == Decimal("100.00")


def test_the_cap_applies_to_the_return_total_not_to_each_line() -> None:
    # 40 % of 100 + 100 is 80: a 90.00 label costs the return 80.00, not 40.00 twice.
    whole = personal([RefundLine(1, Decimal("100.00"), 1), RefundLine(2, Decimal("100.00"), 1)],
                     Decimal("90.00"))
    assert whole.deductions[0].amount == Decimal("80.00")
    # A cheap line beside a dear one carries its share by price, not the per-line cap.
    whole = personal([RefundLine(1, Decimal("10.00"), 1), RefundLine(2, Decimal("990.00"), 1)],
                     Decimal("150.00"))
    assert [whole.line(n).deductions[0].amount for n in (1, 2)] == [
        Decimal("1.50"), Decimal("148.50")]


def test_an_unknown_cost_is_estimated_once_for_the_return() -> None:
    whole = personal([RefundLine(1, Decimal("600.00"), 1), RefundLine(2, Decimal("400.00"), 1)],
                     None, cross_border=True)
    assert [(d.rule_id, d.amount) for d in whole.deductions] == [("T2", Decimal("200.00"))]
    assert whole.line(1).deductions[0].amount + whole.line(2).deductions[0].amount == Decimal(
        "200.00")


def test_quality_returns_share_nothing() -> None:
    whole = recommend_return_refund(
        POLICY, [RefundLine(1, Decimal("600.00"), 1), RefundLine(2, Decimal("400.00"), 1)],
        currency="USD", reason_category=ReasonCategory.QUALITY, label_type=LabelType.PREPAID,
        label_cost=Decimal("150.00"), cross_border=False)
    assert whole.deductions == ()
    assert whole.amount == Decimal("1000.00")


@given(
    prices=st.lists(st.integers(min_value=0, max_value=10**8), min_size=1, max_size=6),
    cost=st.integers(min_value=0, max_value=10**7),
    known=st.booleans(),
    currency=st.sampled_from(["USD", "JPY", "KWD"]),
)
def test_the_parts_add_up_to_the_return_and_never_above_the_label(
    prices: list[int], cost: int, known: bool, currency: str
) -> None:
    lines = [RefundLine(n, from_minor_units(p, currency), 1) for n, p in enumerate(prices)]
    label = from_minor_units(cost, currency) if known else None
    whole = personal(lines, label, currency)
    (deduction,) = whole.deductions
    if label is not None:
        assert deduction.amount <= label
    assert deduction.amount <= round_money(whole.price_paid * POLICY.refund.max_rate, currency)
    parts = [whole.line(n).deductions[0].amount for n in range(len(prices))]
    assert sum(parts) == deduction.amount
    assert all(Decimal(0) <= whole.line(n).amount <= whole.line(n).price_paid
               for n in range(len(prices)))
    assert sum(whole.line(n).amount for n in range(len(prices))) == whole.amount
