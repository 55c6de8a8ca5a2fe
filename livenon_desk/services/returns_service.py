"""Looking returns up and explaining them: the read side the desk and the CLI share."""

from __future__ import annotations

import logging
from array import array
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from livenon_desk.domain.deadlines import (
    REFUND_OPEN,
    inspection_due,
    inspection_overdue,
    instructions_due,
    is_overdue,
    overdue_before,
    refund_due,
)
from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.domain.lifecycle import AWAITING_INSPECTION
from livenon_desk.domain.payment_display import payment_display
from livenon_desk.domain.policy import Policy, PolicySet
from livenon_desk.errors import NotFoundError
from livenon_desk.models import Address, Customer, Order, ReturnRequest
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.dto import (
    CodeKind,
    LineView,
    LookupMatch,
    ReturnDetail,
    ReturnFilter,
    ReturnRow,
    SortKey,
)
from livenon_desk.services.line_explanation import explain_lines
from livenon_desk.services.unit_service import units_of_return
from livenon_desk.services.value_rows import address_of
from livenon_desk.store.database import Store
from livenon_desk.store.lookup import find_by_code, find_by_prefix, normalize_code
from livenon_desk.store.returns_list import (
    count_returns,
    ordered_ids,
    page_returns,
    rows_by_ids,
)
from livenon_desk.store.search_index import search_returns

log = logging.getLogger(__name__)


class ReturnsService:
    """Lookup, list and explanation of returns; each call is one short read session."""

    def __init__(self, store: Store, policies: PolicySet, clock: Clock = utc_now) -> None:
        self._store = store
        self._policies = policies
        self._clock = clock

    def lookup(self, query: str, limit: int = 50) -> list[LookupMatch]:
        """Exact codes first (RMA, order, tracking, tag), then code prefixes, then text."""
        if not normalize_code(query):
            return []
        with self._store.read_session() as s:
            exact = find_by_code(s, query)
            if exact:
                return self._matches(s, exact[:limit])
            found = find_by_prefix(s, query, limit)
            seen = {rid for rid, _ in found}
            if len(found) < limit:
                for rid in search_returns(s, query, limit):
                    if rid not in seen:
                        found.append((rid, CodeKind.TEXT))
                        seen.add(rid)
            return self._matches(s, found[:limit])

    def _matches(self, s: Session, hits: Sequence[tuple[int, CodeKind]]) -> list[LookupMatch]:
        kinds = dict(hits)
        rows = self._flagged(rows_by_ids(s, [rid for rid, _ in hits]))
        return [LookupMatch(row=row, matched_by=kinds[row.return_id]) for row in rows]

    def _flagged(self, rows: list[ReturnRow]) -> list[ReturnRow]:
        """P5: each row says whether it is past its inspection deadline today, by the
        latest policy, as the work queue's overdue list counts it."""
        boundary = overdue_before(self._policies.latest, self._clock())
        return [replace(row, overdue=True)
                if inspection_overdue(row.status, row.received_at, boundary) else row
                for row in rows]

    def count(self, flt: ReturnFilter) -> int:
        with self._store.read_session() as s:
            return count_returns(s, flt)

    def page(
        self, flt: ReturnFilter, sort: SortKey, descending: bool, offset: int, limit: int
    ) -> list[ReturnRow]:
        with self._store.read_session() as s:
            rows = page_returns(s, flt, sort, descending, offset, limit)
        return self._flagged(rows)

    def ordered_ids(self, flt: ReturnFilter, sort: SortKey, descending: bool) -> array[int]:
        with self._store.read_session() as s:
            return ordered_ids(s, flt, sort, descending)

    def rows(self, ids: Sequence[int]) -> list[ReturnRow]:
        with self._store.read_session() as s:
            rows = rows_by_ids(s, ids)
        return self._flagged(rows)

    def policy_for(self, ret: ReturnRequest) -> Policy:
        """The policy in effect on the day the return was applied for."""
        return self._policies.for_application(ret.applied_at)

    def detail_by_rma(self, rma: str) -> ReturnDetail:
        code = normalize_code(rma)
        with self._store.read_session() as s:
            return_id = s.scalar(select(ReturnRequest.id).where(ReturnRequest.rma_number == code))
        if return_id is None:
            raise NotFoundError("error.no-return-with-rma", code=code)
        return self.detail(return_id)

    def detail(self, return_id: int) -> ReturnDetail:
        """The return with its order, customer, P5 dates and each line explained (E1-X3, P6)."""
        with self._store.read_session() as s:
            ret = s.get(ReturnRequest, return_id)
            if ret is None:
                raise NotFoundError("error.return-gone", return_id=return_id)
            order = s.get_one(Order, ret.order_id)
            customer = s.get_one(Customer, order.customer_id)
            address = (
                s.get(Address, order.shipping_address_id) if order.shipping_address_id else None
            )
            policy = self.policy_for(ret)
            lines, refund = explain_lines(s, policy, ret, order)
            units = units_of_return(s, self._policies, ret.id)
        now = self._clock()
        due = inspection_due(policy, ret.received_at) if ret.received_at else None
        instructions = instructions_due(policy, ret.applied_at)
        refund_open = ret.status in REFUND_OPEN
        return ReturnDetail(
            return_id=ret.id,
            rma_number=ret.rma_number,
            status=ret.status,
            reason_code=ret.reason_code,
            reason_category=ret.reason_category,
            reason_text=ret.reason_text,
            channel=ret.channel,
            applied_at=ret.applied_at,
            instructions_sent_at=ret.instructions_sent_at,
            label_type=ret.label_type,
            carrier=ret.carrier,
            tracking_number=ret.tracking_number,
            received_at=ret.received_at,
            returned_goods_marked=ret.returned_goods_marked,
            restricted=ret.restricted,
            restricted_reason=ret.restricted_reason,
            order_number=order.order_number,
            placed_at=order.placed_at,
            delivered_at=order.delivered_at,
            currency=order.currency,
            payment_method=order.payment_method,
            payment_display=payment_display(
                order.payment_method, order.payment_brand, order.payment_last4
            ),
            cross_border=order.cross_border,
            customer_name=customer.name,
            customer_email=customer.email,
            customer_phone=customer.phone,
            customer_language=customer.language,
            shipping_address=address_of(address),
            inspection_target=due.target if due else None,
            inspection_deadline=due.deadline if due else None,
            inspection_overdue=bool(
                due and ret.status in AWAITING_INSPECTION and is_overdue(due, now, policy)
            ),
            lines=tuple(_with_refund_due(line, policy, now, refund_open) for line in lines),
            parcel_condition=ret.parcel_condition,
            invoice_enclosed=ret.invoice_enclosed,
            return_form_enclosed=ret.return_form_enclosed,
            received_by=ret.received_by,
            receipt_notes=ret.receipt_notes,
            receipt_weight_grams=ret.receipt_weight_grams,
            short_closed_reason=ret.short_closed_reason,
            short_closed_by=ret.short_closed_by,
            refund=refund,
            units=units,
            instructions_target=instructions.target,
            instructions_deadline=instructions.deadline,
            instructions_overdue=(ret.status is ReturnStatus.APPLIED
                                  and ret.instructions_sent_at is None
                                  and is_overdue(instructions, now, policy)),
        )


def _with_refund_due(line: LineView, policy: Policy, now: datetime,
                     refund_open: bool) -> LineView:
    """P6: a passed line is refunded 1-7 days after its pass; overdue while unpaid."""
    if line.passed_at is None:
        return line
    due = refund_due(policy, line.passed_at)
    return replace(line, refund_target=due.target, refund_deadline=due.deadline,
                   refund_overdue=refund_open and is_overdue(due, now, policy))

