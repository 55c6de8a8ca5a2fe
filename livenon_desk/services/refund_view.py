"""The refund recommendation (P6, P7, T1, T2) as the screens and papers show it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from livenon_desk.domain.enums import LabelType, ReasonCategory
from livenon_desk.domain.policy import Policy
from livenon_desk.domain.refund import recommend_refund
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


def refund_view(policy: Policy, inputs: RefundInputs) -> RefundView:
    rec = recommend_refund(
        policy,
        unit_price=inputs.unit_price,
        quantity=inputs.quantity,
        currency=inputs.currency,
        reason_category=inputs.reason_category,
        label_type=inputs.label_type,
        label_cost=inputs.label_cost,
        cross_border=inputs.cross_border,
    )
    return RefundView(
        currency=rec.currency,
        price_paid=rec.price_paid,
        deductions=tuple((d.rule_id, d.label_en, d.label_zh, d.amount) for d in rec.deductions),
        amount=rec.amount,
        notify_customer=rec.notify_customer,
        rule_ids=rec.rule_ids,
        explanation_en=rec.explanation_en,
        explanation_zh=rec.explanation_zh,
    )
