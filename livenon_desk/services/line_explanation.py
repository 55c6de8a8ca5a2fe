"""Each returned line's eligibility, rule by rule, and its refund recommendation."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from livenon_desk.domain.eligibility import Evaluation, LineFacts, RuleResult, evaluate_line
from livenon_desk.domain.enums import Answer, Decision
from livenon_desk.domain.money import cents_to_decimal
from livenon_desk.domain.policy import Policy
from livenon_desk.domain.quantities import ClaimedQuantity
from livenon_desk.domain.refund import RefundLine, ReturnRefund, recommend_return_refund
from livenon_desk.domain.values import Refund
from livenon_desk.models import Inspection, Order, OrderLine, Photo, ReturnLine, ReturnRequest
from livenon_desk.services.dto import LineView
from livenon_desk.services.refund_view import (
    RefundInputs,
    line_refund_view,
    return_refund_view,
)

_REFUNDABLE = frozenset({Decision.ELIGIBLE})


def return_lines_with_order_lines(
    s: Session, ret: ReturnRequest
) -> list[tuple[ReturnLine, OrderLine]]:
    """The return's lines with the order lines they return, in the order's line order."""
    rows = s.execute(
        select(ReturnLine, OrderLine)
        .join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
        .where(ReturnLine.return_id == ret.id)
        .order_by(OrderLine.line_no, ReturnLine.id)
    ).all()
    return [(rl, ol) for rl, ol in rows]


def explain_lines(
    s: Session, policy: Policy, ret: ReturnRequest, order: Order
) -> tuple[list[LineView], Refund | None]:
    """Explain every line of ``ret``: a finished inspection shows the decision it recorded
    (with the policy version it was made under); otherwise the policy is applied now. The
    refunded lines share the return's one label deduction (P7/T2); the second value is
    their refund together, or None when no line is refunded.
    """
    rows = return_lines_with_order_lines(s, ret)
    judged = []
    for return_line, order_line in rows:
        inspection = latest_inspection(s, return_line.id)
        evaluation = evaluate_return_line(s, policy, ret, order, order_line, inspection,
                                          return_line)
        decision = evaluation.decision
        if inspection is not None and inspection.override_decision is not None:
            decision = inspection.override_decision
        judged.append((return_line, order_line, inspection, evaluation, decision))
    refunded = [(rl, ol) for rl, ol, _, _, decision in judged if decision in _REFUNDABLE]
    whole = return_refund(policy, ret, order, refunded)
    views = []
    for return_line, order_line, inspection, evaluation, decision in judged:
        refund = None
        if decision in _REFUNDABLE:
            refund = line_refund_view(whole, return_line.id)
        views.append(
            LineView(
                return_line_id=return_line.id,
                tag_code=return_line.tag_code,
                sku=order_line.sku,
                product_name_en=order_line.product_name_en,
                product_name_zh=order_line.product_name_zh,
                quantity=return_line.quantity,
                unit_price=cents_to_decimal(order_line.unit_price_cents, order.currency),
                cartons_expected=return_line.cartons_expected,
                cartons_received=return_line.cartons_received,
                customized=order_line.customized,
                customization=order_line.customization,
                clearance=order_line.clearance,
                decision=decision,
                policy_version=evaluation.policy_version,
                rules=evaluation.rules,
                refund=refund,
                inspection_id=inspection.id if inspection else None,
                inspected_at=inspection.finished_at if inspection else None,
                inspector=inspection.inspector if inspection else None,
                rule_decision=evaluation.decision,
                override_by=inspection.override_by if inspection else None,
                override_reason=inspection.override_reason if inspection else None,
                passed_at=passed_at(inspection, decision),
            )
        )
    return views, (return_refund_view(whole) if refunded else None)


def passed_at(inspection: Inspection | None, decision: Decision | None) -> datetime | None:
    """When the line passed (P6 counts from it): the approved exception, else the
    finished inspection."""
    if inspection is None or decision not in _REFUNDABLE or inspection.finished_at is None:
        return None
    if inspection.override_decision is not None:
        return inspection.override_at or inspection.updated_at
    return inspection.finished_at


def return_refund(
    policy: Policy, ret: ReturnRequest, order: Order,
    refunded: Sequence[tuple[ReturnLine, OrderLine]],
) -> ReturnRefund:
    """The refund of the return's ``refunded`` lines, each line's part keyed by its id."""
    inputs = refund_inputs(ret, order, None, 0)
    return recommend_return_refund(
        policy,
        [RefundLine(rl.id, cents_to_decimal(ol.unit_price_cents, order.currency), rl.quantity)
         for rl, ol in refunded],
        currency=inputs.currency, reason_category=inputs.reason_category,
        label_type=inputs.label_type, label_cost=inputs.label_cost,
        cross_border=inputs.cross_border)


def claimed_quantity(
    s: Session, ret: ReturnRequest, return_line: ReturnLine, order_line: OrderLine
) -> ClaimedQuantity:
    """The line's claim beside its order line and what earlier returns of it took (P1)."""
    before = s.scalar(
        select(func.coalesce(func.sum(ReturnLine.quantity), 0))
        .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
        .where(ReturnLine.order_line_id == order_line.id, ReturnRequest.id != ret.id,
               (ReturnRequest.applied_at < ret.applied_at)
               | ((ReturnRequest.applied_at == ret.applied_at)
                  & (ReturnRequest.id < ret.id)))) or 0
    return ClaimedQuantity(return_line.quantity, order_line.quantity, int(before))


def refund_record(s: Session, policy: Policy, ret: ReturnRequest) -> dict[str, Any]:
    """The return's refund recommendation as the audit trail and the central copy keep it:
    the deductions once for the return, each refunded line's part (P6, P7, T1, T2)."""
    order = s.get_one(Order, ret.order_id)
    rows = return_lines_with_order_lines(s, ret)
    refunded = [(rl, ol) for rl, ol in rows
                if (inspection := latest_inspection(s, rl.id)) is not None
                and inspection.finished_at is not None
                and (inspection.override_decision or inspection.decision) in _REFUNDABLE]
    whole = return_refund(policy, ret, order, refunded)
    return {
        "rma": ret.rma_number,
        "policy": policy.version,
        "currency": whole.currency,
        "price_paid": str(whole.price_paid),
        "deductions": [{"rule_id": d.rule_id, "amount": str(d.amount)}
                       for d in whole.deductions],
        "amount": str(whole.amount),
        "rule_ids": list(whole.rule_ids),
        "lines": [
            {"tag": rl.tag_code, "price_paid": str(rec.price_paid),
             "deduction": str(sum((d.amount for d in rec.deductions), Decimal(0))),
             "amount": str(rec.amount)}
            for rl, _ in refunded for rec in (whole.line(rl.id),)
        ],
    }


def refunded_elsewhere(
    s: Session, ret: ReturnRequest, order: Order, return_line_id: int
) -> tuple[RefundLine, ...]:
    """The return's other lines whose finished inspection (or a supervisor's exception)
    makes them refunded: they share the return's label deduction with this one."""
    rows = [(rl, ol) for rl, ol in return_lines_with_order_lines(s, ret)
            if rl.id != return_line_id]
    lines = []
    for rl, ol in rows:
        inspection = latest_inspection(s, rl.id)
        if inspection is None or inspection.finished_at is None:
            continue
        if (inspection.override_decision or inspection.decision) in _REFUNDABLE:
            lines.append(RefundLine(rl.id, cents_to_decimal(ol.unit_price_cents,
                                                            order.currency), rl.quantity))
    return tuple(lines)


def latest_inspection(s: Session, return_line_id: int) -> Inspection | None:
    return s.scalar(
        select(Inspection)
        .where(Inspection.return_line_id == return_line_id)
        .order_by(Inspection.started_at.desc(), Inspection.id.desc())
        .limit(1)
    )


def evaluate_return_line(
    s: Session,
    policy: Policy,
    ret: ReturnRequest,
    order: Order,
    order_line: OrderLine,
    inspection: Inspection | None,
    return_line: ReturnLine | None = None,
) -> Evaluation:
    if inspection is not None and inspection.finished_at is not None and inspection.decision:
        stored = _stored_evaluation(inspection)
        if stored is not None:
            return stored
    answers: dict[str, Answer] = {}
    photos = 0
    if inspection is not None:
        answers = {k: Answer(v) for k, v in inspection.checklist.items() if v in _ANSWER_VALUES}
        photos = s.scalar(
            select(func.count()).select_from(Photo).where(Photo.inspection_id == inspection.id)
        ) or 0
    facts = LineFacts(
        quantity=(claimed_quantity(s, ret, return_line, order_line)
                  if return_line is not None else None),
        reason_category=ret.reason_category,
        customized=order_line.customized,
        customization=order_line.customization,
        clearance=order_line.clearance,
        delivered_at=order.delivered_at,
        applied_at=ret.applied_at,
        answers=answers,
        photo_count=photos,
    )
    return evaluate_line(policy, facts)


_ANSWER_VALUES = frozenset(a.value for a in Answer)


def _stored_evaluation(inspection: Inspection) -> Evaluation | None:
    results: list[dict[str, Any]] = inspection.rule_results or []
    if not results or inspection.decision is None:
        return None
    return Evaluation(
        decision=inspection.decision,
        policy_version=inspection.policy_version or "",
        rules=tuple(RuleResult.from_dict(r) for r in results),
    )



def refund_inputs(
    ret: ReturnRequest, order: Order, line: OrderLine | None, quantity: int,
    others: tuple[RefundLine, ...] = (),
) -> RefundInputs:
    currency = order.currency
    return RefundInputs(
        unit_price=(cents_to_decimal(line.unit_price_cents, currency) if line is not None
                    else Decimal(0)),
        quantity=quantity,
        currency=currency,
        reason_category=ret.reason_category,
        label_type=ret.label_type,
        label_cost=(
            cents_to_decimal(ret.label_cost_cents, currency)
            if ret.label_cost_cents is not None else None
        ),
        cross_border=order.cross_border,
        others=others,
    )
