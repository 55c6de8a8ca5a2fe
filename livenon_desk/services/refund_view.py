"""The refund recommendation (P6, P7, T1, T2) as the screens and papers show it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from livenon_desk.domain.enums import LabelType, ReasonCategory
from livenon_desk.domain.policy import Policy
from livenon_desk.domain.refund import (
    RefundLine,
    ReturnRefund,
    recommend_return_refund,
)
from livenon_desk.domain.values import Refund


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


def refund_view(policy: Policy, inputs: RefundInputs) -> Refund:
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


def line_refund_view(whole: ReturnRefund, key: int) -> Refund:
    """One line's part of the return's refund."""
    return Refund.of(whole.line(key))


def return_refund_view(whole: ReturnRefund) -> Refund:
    """The whole return's refund: its deductions taken once."""
    return Refund.of(whole)
