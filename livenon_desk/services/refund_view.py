"""The refund recommendation (P6, P7, T1, T2) as the screens and papers show it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from livenon_desk.domain.enums import LabelType, ReasonCategory
from livenon_desk.domain.policy import Policy
from livenon_desk.domain.refund import (
    RefundLine,
    RefundRecommendation,
    ReturnRefund,
    recommend_return_refund,
)
from livenon_desk.services.dto import RefundView


@dataclass(frozen=True)
class RefundInputs:
    """What a line's refund depends on, copied out of the order and the return."""

    unit_price: Decimal
    quantity: int
    currency: str
    reason_category: ReasonCategory
    label_type: LabelType | None
    label_cost: Decimal | None
    cross_border: bool
    # The return's other refunded lines: one label, one deduction, shared with them.
    others: tuple[RefundLine, ...] = ()


_THIS_LINE = -1


def refund_view(policy: Policy, inputs: RefundInputs) -> RefundView:
    """This line's refund, its share of the return's deductions taken with the others'."""
    whole = recommend_return_refund(
        policy,
        [RefundLine(_THIS_LINE, inputs.unit_price, inputs.quantity), *inputs.others],
        currency=inputs.currency,
        reason_category=inputs.reason_category,
        label_type=inputs.label_type,
        label_cost=inputs.label_cost,
        cross_border=inputs.cross_border,
    )
    return line_refund_view(whole, _THIS_LINE)


def line_refund_view(whole: ReturnRefund, key: int) -> RefundView:
    """One line's part of the return's refund."""
    return _view(whole.line(key))


def return_refund_view(whole: ReturnRefund) -> RefundView:
    """The whole return's refund: its deductions taken once."""
    return RefundView(
        currency=whole.currency,
        price_paid=whole.price_paid,
        deductions=tuple((d.rule_id, d.label_en, d.label_zh, d.amount)
                         for d in whole.deductions),
        amount=whole.amount,
        notify_customer=whole.notify_customer,
        rule_ids=whole.rule_ids,
        explanation_en=whole.explanation_en,
        explanation_zh=whole.explanation_zh,
    )


def _view(rec: RefundRecommendation) -> RefundView:
    return RefundView(
        currency=rec.currency,
        price_paid=rec.price_paid,
        deductions=tuple((d.rule_id, d.label_en, d.label_zh, d.amount) for d in rec.deductions),
        amount=rec.amount,
        notify_customer=rec.notify_customer,
        rule_ids=rec.rule_ids,
        explanation_en=rec.explanation_en,
        explanation_zh=rec.explanation_zh,
        return_deductions=tuple((d.rule_id, d.label_en, d.label_zh, d.return_amount)
                                for d in rec.deductions if d.return_amount is not None),
    )
