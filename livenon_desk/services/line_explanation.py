"""Each returned line's eligibility, rule by rule, and its refund recommendation."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from livenon_desk.domain.eligibility import Evaluation, LineFacts, RuleResult, evaluate_line
from livenon_desk.domain.enums import Answer, Decision
from livenon_desk.domain.money import cents_to_decimal
from livenon_desk.domain.policy import Policy
from livenon_desk.models import Inspection, Order, OrderLine, Photo, ReturnLine, ReturnRequest
from livenon_desk.services.dto import LineView, RefundView, RuleView
from livenon_desk.services.refund_view import RefundInputs, refund_view

_REFUNDABLE = frozenset({Decision.ELIGIBLE})


def explain_lines(s: Session, policy: Policy, ret: ReturnRequest, order: Order) -> list[LineView]:
    """Explain every line of ``ret``: a finished inspection shows the decision it recorded
    (with the policy version it was made under); otherwise the policy is applied now.
    """
    rows = s.execute(
        select(ReturnLine, OrderLine)
        .join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
        .where(ReturnLine.return_id == ret.id)
        .order_by(OrderLine.line_no, ReturnLine.id)
    ).all()
    views = []
    for return_line, order_line in rows:
        inspection = latest_inspection(s, return_line.id)
        evaluation = evaluate_return_line(s, policy, ret, order, order_line, inspection)
        decision = evaluation.decision
        if inspection is not None and inspection.override_decision is not None:
            decision = inspection.override_decision
        refund = None
        if decision in _REFUNDABLE:
            refund = _refund_view(policy, ret, order, order_line, return_line.quantity)
        views.append(
            LineView(
                return_line_id=return_line.id,
                tag_code=return_line.tag_code,
                sku=order_line.sku,
                product_name_en=order_line.product_name_en,
                product_name_zh=order_line.product_name_zh,
                quantity=return_line.quantity,
                unit_price=cents_to_decimal(order_line.unit_price_cents),
                cartons_expected=return_line.cartons_expected,
                cartons_received=return_line.cartons_received,
                customized=order_line.customized,
                customization=order_line.customization,
                clearance=order_line.clearance,
                decision=decision,
                policy_version=evaluation.policy_version,
                rules=tuple(_rule_view(r) for r in evaluation.rules),
                refund=refund,
                inspection_id=inspection.id if inspection else None,
                inspected_at=inspection.finished_at if inspection else None,
                inspector=inspection.inspector if inspection else None,
                rule_decision=evaluation.decision,
                override_by=inspection.override_by if inspection else None,
                override_reason=inspection.override_reason if inspection else None,
            )
        )
    return views


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


def _rule_view(result: RuleResult) -> RuleView:
    return RuleView(result.rule_id, result.outcome, result.reason_en, result.reason_zh)


def _refund_view(
    policy: Policy, ret: ReturnRequest, order: Order, line: OrderLine, quantity: int
) -> RefundView:
    return refund_view(policy, refund_inputs(ret, order, line, quantity))


def refund_inputs(
    ret: ReturnRequest, order: Order, line: OrderLine, quantity: int
) -> RefundInputs:
    return RefundInputs(
        unit_price=cents_to_decimal(line.unit_price_cents),
        quantity=quantity,
        currency=order.currency,
        reason_category=ret.reason_category,
        label_type=ret.label_type,
        label_cost=(
            cents_to_decimal(ret.label_cost_cents) if ret.label_cost_cents is not None else None
        ),
        cross_border=order.cross_border,
    )
