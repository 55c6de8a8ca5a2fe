from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livenon_desk.domain.deadlines import (
    inspection_due,
    inspection_overdue,
    instructions_due,
    is_overdue,
    overdue_before,
    refund_due,
)
from livenon_desk.domain.enums import LabelType, ReasonCategory, ReturnStatus
from livenon_desk.domain.lifecycle import AWAITING_INSPECTION
from livenon_desk.domain.money import (
    cents_to_decimal,
    decimal_to_cents,
    format_money,
    round_money,
)
from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.refund import recommend_refund

POLICY = default_policies().latest
LA = ZoneInfo("America/Los_Angeles")


def test_p5_target_and_deadline_skip_the_holiday_and_weekend() -> None:
    received = datetime(2025, 11, 26, 10, 0, tzinfo=LA)
    due = inspection_due(POLICY, received)
    assert (due.target, due.deadline) == (date(2025, 12, 2), date(2025, 12, 4))
    assert not is_overdue(due, datetime(2025, 12, 4, 23, 0, tzinfo=LA), POLICY)
    assert is_overdue(due, datetime(2025, 12, 5, 0, 1, tzinfo=LA), POLICY)


def test_p5_counts_from_the_warehouse_day_of_receipt() -> None:
    # 02:00 UTC on Saturday is still Friday evening in Los Angeles.
    received = datetime(2026, 3, 14, 2, 0, tzinfo=UTC)
    assert inspection_due(POLICY, received).target == date(2026, 3, 18)


def test_p5_overdue_is_a_return_awaiting_inspection_received_before_the_boundary() -> None:
    now = datetime(2025, 12, 5, 9, 0, tzinfo=LA)
    boundary = overdue_before(POLICY, now)
    late = datetime(2025, 11, 26, 10, 0, tzinfo=LA)  # deadline 4 December
    on_time = datetime(2025, 11, 28, 10, 0, tzinfo=LA)
    waiting = {ReturnStatus.PARTIALLY_RECEIVED, ReturnStatus.RECEIVED, ReturnStatus.INSPECTING}
    assert waiting == AWAITING_INSPECTION
    for status in ReturnStatus:
        assert inspection_overdue(status, late, boundary) is (status in AWAITING_INSPECTION)
        assert not inspection_overdue(status, on_time, boundary)
        assert not inspection_overdue(status, None, boundary)
    # The boundary and the return's own deadline agree.
    assert is_overdue(inspection_due(POLICY, late), now, POLICY)
    assert not is_overdue(inspection_due(POLICY, on_time), now, POLICY)


def test_p2_and_p6() -> None:
    applied = datetime(2026, 7, 2, 9, 0, tzinfo=LA)  # Thursday; 3 July is a holiday
    due = instructions_due(POLICY, applied)
    assert (due.target, due.deadline) == (date(2026, 7, 6), date(2026, 7, 7))
    refund = refund_due(POLICY, datetime(2026, 7, 2, 9, 0, tzinfo=LA))
    assert (refund.target, refund.deadline) == (date(2026, 7, 3), date(2026, 7, 9))


def test_quality_returns_lose_nothing_t1() -> None:
    rec = recommend_refund(POLICY, unit_price=Decimal("1299.00"), quantity=2, currency="USD",
                           reason_category=ReasonCategory.QUALITY,
                           label_type=LabelType.PREPAID, label_cost=Decimal("150"),
                           cross_border=True)
    assert rec.deductions == ()
    assert rec.amount == rec.price_paid == Decimal("2598.00")
    assert rec.rule_ids == ("T1", "P6")
    assert not rec.notify_customer


def test_personal_prepaid_with_known_label_cost() -> None:
    rec = recommend_refund(POLICY, unit_price=Decimal("1000.00"), quantity=1, currency="USD",
                           reason_category=ReasonCategory.PERSONAL,
                           label_type=LabelType.PREPAID, label_cost=Decimal("149.995"),
                           cross_border=False)
    assert [(d.rule_id, d.amount) for d in rec.deductions] == [("P7", Decimal("150.00"))]
    assert rec.amount == Decimal("850.00")
    assert rec.notify_customer
    assert rec.explanation_en == "1,000.00 − 150.00 return shipping label (P7) = 850.00 USD"


@pytest.mark.parametrize(("cross_border", "expected"), [
    (False, Decimal("129.90")), (True, Decimal("259.80")),
])
def test_personal_prepaid_estimated(cross_border: bool, expected: Decimal) -> None:
    rec = recommend_refund(POLICY, unit_price=Decimal("1299.00"), quantity=1, currency="USD",
                           reason_category=ReasonCategory.PERSONAL,
                           label_type=LabelType.PREPAID, label_cost=None,
                           cross_border=cross_border)
    assert rec.deductions[0].rule_id == "T2"
    assert rec.deductions[0].amount == expected
    assert rec.amount == Decimal("1299.00") - expected


def test_label_cost_is_capped_at_forty_percent() -> None:
    rec = recommend_refund(POLICY, unit_price=Decimal("100.00"), quantity=1, currency="USD",
                           reason_category=ReasonCategory.PERSONAL,
                           label_type=LabelType.PREPAID, label_cost=Decimal("400.00"),
                           cross_border=True)
    assert rec.deductions[0].amount == Decimal("40.00")
    assert rec.amount == Decimal("60.00")


def test_own_courier_personal_return_is_not_deducted() -> None:
    rec = recommend_refund(POLICY, unit_price=Decimal("500.00"), quantity=1, currency="USD",
                           reason_category=ReasonCategory.PERSONAL,
                           label_type=LabelType.OWN_COURIER, label_cost=None,
                           cross_border=True)
    assert rec.deductions == ()
    assert rec.rule_ids == ("P7", "T2", "P6")


@given(cents=st.integers(min_value=0, max_value=10**9))
def test_cents_round_trip(cents: int) -> None:
    assert decimal_to_cents(cents_to_decimal(cents)) == cents


@given(amount=st.decimals(min_value=0, max_value=10**7, places=3))
def test_rounding_is_half_up_to_the_cent(amount: Decimal) -> None:
    rounded = round_money(amount)
    assert abs(rounded - amount) <= Decimal("0.005")
    assert rounded.as_tuple().exponent == -2


@given(price=st.integers(min_value=1, max_value=10**7), cost=st.integers(0, 10**7),
       quantity=st.integers(1, 5), cross=st.booleans(), known=st.booleans())
def test_refund_is_never_negative_nor_above_price(price: int, cost: int, quantity: int,
                                                  cross: bool, known: bool) -> None:
    rec = recommend_refund(POLICY, unit_price=cents_to_decimal(price), quantity=quantity,
                           currency="USD", reason_category=ReasonCategory.PERSONAL,
                           label_type=LabelType.PREPAID,
                           label_cost=cents_to_decimal(cost) if known else None,
                           cross_border=cross)
    assert Decimal(0) <= rec.amount <= rec.price_paid
    assert rec.amount + sum(d.amount for d in rec.deductions) == rec.price_paid


def test_format_money() -> None:
    assert format_money(Decimal("1234567.005")) == "1,234,567.01"
