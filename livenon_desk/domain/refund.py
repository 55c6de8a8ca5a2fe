"""The refund recommendation of an eligible line: P6, with P7/T2 deductions and T1."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from livenon_desk.domain.enums import LabelType, ReasonCategory
from livenon_desk.domain.money import format_money, round_money
from livenon_desk.domain.policy import Policy


@dataclass(frozen=True)
class Deduction:
    rule_id: str
    label_en: str
    label_zh: str
    amount: Decimal


@dataclass(frozen=True)
class RefundRecommendation:
    currency: str
    price_paid: Decimal
    deductions: tuple[Deduction, ...]
    amount: Decimal
    notify_customer: bool
    rule_ids: tuple[str, ...]
    explanation_en: str
    explanation_zh: str


def recommend_refund(
    policy: Policy,
    *,
    unit_price: Decimal,
    quantity: int,
    currency: str,
    reason_category: ReasonCategory,
    label_type: LabelType | None,
    label_cost: Decimal | None,
    cross_border: bool,
) -> RefundRecommendation:
    """Price paid less what the policy deducts. T1: quality returns lose nothing. P7/T2:
    a personal-reason return on Livenon's pre-paid label pays the label (its cost, or an
    estimated share of the price), capped, and the customer is told.
    """
    price = round_money(unit_price * quantity)
    rules = policy.refund
    deductions: list[Deduction] = []
    notify = False
    if reason_category is ReasonCategory.QUALITY:
        rule_ids: tuple[str, ...] = ("T1", "P6")
    else:
        rule_ids = ("P7", "T2", "P6")
        if label_type is LabelType.PREPAID and rules.personal_deduct_prepaid_label:
            deductions.append(_label_deduction(policy, price, label_cost, cross_border))
            notify = rules.notify_customer
    amount = max(Decimal("0.00"), round_money(price - sum((d.amount for d in deductions),
                                                          Decimal(0))))
    steps_en = "".join(f" − {format_money(d.amount)} {d.label_en} ({d.rule_id})"
                       for d in deductions)
    steps_zh = "".join(f" − {format_money(d.amount)} {d.label_zh}({d.rule_id})"
                       for d in deductions)
    return RefundRecommendation(
        currency=currency,
        price_paid=price,
        deductions=tuple(deductions),
        amount=amount,
        notify_customer=notify,
        rule_ids=rule_ids,
        explanation_en=f"{format_money(price)}{steps_en} = {format_money(amount)} {currency}",
        explanation_zh=f"{format_money(price)}{steps_zh} = {format_money(amount)} {currency}",
    )


def _label_deduction(
    policy: Policy, price: Decimal, label_cost: Decimal | None, cross_border: bool
) -> Deduction:
    rules = policy.refund
    cap = round_money(price * rules.max_rate)
    if label_cost is not None:
        amount = min(round_money(label_cost), cap, price)
        return Deduction("P7", "return shipping label", "退货运费（预付标签）", amount)
    rate = rules.estimated_rate_cross_border if cross_border else rules.estimated_rate_domestic
    amount = min(round_money(price * rate), cap, price)
    percent = f"{rate * 100:.0f} %"
    return Deduction("T2", f"return shipping, estimated at {percent} of the price",
                     f"退货运费，按商品价格的 {percent} 估算", amount)
