"""The refund recommendation of a return's eligible lines: P6, with P7/T2 deductions and T1.

One label, one deduction: a return's shipping label (its cost, or its estimate) is deducted
once per return, spread over the refunded lines in proportion to their price, the cents
given out by largest remainder so that the lines' parts add up to the return's deduction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from livenon_desk.catalogue import Localized, Message
from livenon_desk.domain.enums import LabelType, ReasonCategory
from livenon_desk.domain.money import (
    format_money,
    from_minor_units,
    round_money,
    to_minor_units,
)
from livenon_desk.domain.policy import Policy


@dataclass(frozen=True)
class Deduction:
    """A deduction as it falls on one line (``amount``), out of ``return_amount`` for the
    whole return when the return has more than one refunded line."""

    rule_id: str
    label: Message
    amount: Decimal
    return_amount: Decimal | None = None
    # What the return's deduction was worked out from, so that the customer can be told in
    # plain words (P7): the label's actual cost, or the share of the price it is estimated
    # at (T2); ``cap_rate`` when the policy's cap cut it down.
    label_cost: Decimal | None = None
    estimate_rate: Decimal | None = None

    @property
    def label_en(self) -> str:
        return self.label.text("en")

    @property
    def label_zh(self) -> str:
        return self.label.text("zh")
    cap_rate: Decimal | None = None


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


@dataclass(frozen=True)
class RefundLine:
    """One refunded line: its key (the caller's own id) and what it cost."""

    key: int
    unit_price: Decimal
    quantity: int


@dataclass(frozen=True)
class ReturnRefund:
    """The refund of a whole return: the return's deductions once, and each line's part."""

    currency: str
    price_paid: Decimal
    deductions: tuple[Deduction, ...]
    amount: Decimal
    notify_customer: bool
    rule_ids: tuple[str, ...]
    lines: tuple[tuple[int, RefundRecommendation], ...]
    explanation_en: str
    explanation_zh: str

    def line(self, key: int) -> RefundRecommendation:
        return next(rec for k, rec in self.lines if k == key)


def recommend_return_refund(
    policy: Policy,
    lines: Sequence[RefundLine],
    *,
    currency: str,
    reason_category: ReasonCategory,
    label_type: LabelType | None,
    label_cost: Decimal | None,
    cross_border: bool,
) -> ReturnRefund:
    """The refund of a return's refunded ``lines``. T1: quality returns lose nothing.
    P7/T2: a personal-reason return on Livenon's pre-paid label pays the label once (its
    cost, or an estimated share of the refunded total), capped at the policy's share of
    that total, spread over the lines by price; the customer is told.
    """
    prices = [round_money(ln.unit_price * ln.quantity, currency) for ln in lines]
    total = sum(prices, Decimal(0))
    rules = policy.refund
    deductions: list[Deduction] = []
    notify = False
    if reason_category is ReasonCategory.QUALITY:
        rule_ids: tuple[str, ...] = ("T1", "P6")
    else:
        rule_ids = ("P7", "T2", "P6")
        if lines and label_type is LabelType.PREPAID and rules.personal_deduct_prepaid_label:
            deductions.append(_label_deduction(policy, total, label_cost, cross_border,
                                               currency))
            notify = rules.notify_customer
    shares = [_spread(d.amount, prices, currency) for d in deductions]
    line_recs = []
    for n, (line, price) in enumerate(zip(lines, prices, strict=True)):
        parts = tuple(
            replace(d, amount=share[n], return_amount=d.amount if len(lines) > 1 else None)
            for d, share in zip(deductions, shares, strict=True))
        line_recs.append((line.key, _recommendation(price, parts, currency, notify, rule_ids)))
    whole = _recommendation(total, tuple(deductions), currency, notify, rule_ids)
    return ReturnRefund(
        currency=currency, price_paid=total, deductions=tuple(deductions),
        amount=whole.amount, notify_customer=notify, rule_ids=rule_ids,
        lines=tuple(line_recs), explanation_en=whole.explanation_en,
        explanation_zh=whole.explanation_zh)


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
    """The refund of a return with one refunded line (P6, P7, T1, T2)."""
    whole = recommend_return_refund(
        policy, [RefundLine(0, unit_price, quantity)], currency=currency,
        reason_category=reason_category, label_type=label_type, label_cost=label_cost,
        cross_border=cross_border)
    return whole.line(0)


def _recommendation(
    price: Decimal, deductions: tuple[Deduction, ...], currency: str, notify: bool,
    rule_ids: tuple[str, ...],
) -> RefundRecommendation:
    deducted = sum((d.amount for d in deductions), Decimal(0))
    amount = max(round_money(Decimal(0), currency), round_money(price - deducted, currency))

    def money(value: Decimal) -> str:
        return format_money(value, currency)

    steps = [
        Message.of("sum.step", amount=money(d.amount), label=d.label, rule=d.rule_id)
        if d.return_amount is None else
        Message.of("sum.step-share", amount=money(d.amount), label=d.label,
                   rule=d.rule_id, whole=money(d.return_amount))
        for d in deductions]
    worked = Message.of("sum.worked-out", price=money(price),
                        steps=Localized.join(steps, "", ""), amount=money(amount),
                        currency=currency)
    return RefundRecommendation(
        currency=currency,
        price_paid=price,
        deductions=deductions,
        amount=amount,
        notify_customer=notify,
        rule_ids=rule_ids,
        explanation_en=worked.text("en"),
        explanation_zh=worked.text("zh"),
    )


def _spread(amount: Decimal, prices: Sequence[Decimal], currency: str) -> list[Decimal]:
    """``amount`` shared by ``prices`` in proportion, in the currency's minor units, the
    leftover units going to the largest remainders (ties to the earlier line): the parts
    add up to ``amount`` exactly."""
    units = to_minor_units(amount, currency)
    weights = [to_minor_units(p, currency) for p in prices]
    whole = sum(weights)
    if whole == 0:
        # Nothing paid, nothing to share: the first line carries it (and refunds nothing).
        return [from_minor_units(units if n == 0 else 0, currency)
                for n in range(len(prices))]
    floors = [units * w // whole for w in weights]
    remainders = [units * w % whole for w in weights]
    left = units - sum(floors)
    for n in sorted(range(len(prices)), key=lambda i: (-remainders[i], i))[:left]:
        floors[n] += 1
    return [from_minor_units(f, currency) for f in floors]


def _label_deduction(
    policy: Policy, total: Decimal, label_cost: Decimal | None, cross_border: bool,
    currency: str,
) -> Deduction:
    rules = policy.refund
    cap = round_money(total * rules.max_rate, currency)
    if label_cost is not None:
        cost = round_money(label_cost, currency)
        amount = min(cost, cap, total)
        return Deduction("P7", Message.of("shipping.label-cost"), amount,
                         label_cost=cost, cap_rate=rules.max_rate if amount < cost else None)
    rate = rules.estimated_rate_cross_border if cross_border else rules.estimated_rate_domestic
    estimate = round_money(total * rate, currency)
    amount = min(estimate, cap, total)
    percent = f"{rate * 100:.0f} %"
    return Deduction("T2", Message.of("shipping.label-estimate", percent=percent), amount,
                     estimate_rate=rate,
                     cap_rate=rules.max_rate if amount < estimate else None)
