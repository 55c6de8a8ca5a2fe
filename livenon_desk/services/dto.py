"""Plain, frozen data that leaves the service layer; no ORM object crosses into the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from livenon_desk.domain.eligibility import RuleResult
from livenon_desk.domain.enums import (
    Channel,
    CodeKind,
    Decision,
    LabelType,
    ParcelCondition,
    PaymentMethod,
    ReasonCategory,
    ReasonCode,
    ReturnStatus,
)
from livenon_desk.domain.values import Address, Refund
from livenon_desk.services.unit_dto import UnitDetail
from livenon_desk.store.rows import ReturnFilter, ReturnRow, SortKey, pages_by_offset


@dataclass(frozen=True)
class LookupMatch:
    """A return found by a scanned code or typed text, and how it was found."""

    row: ReturnRow
    matched_by: CodeKind


@dataclass(frozen=True)
class LineView:
    """A returned line with its eligibility explained rule by rule."""

    return_line_id: int
    tag_code: str
    sku: str
    product_name_en: str
    product_name_zh: str | None
    quantity: int
    unit_price: Decimal
    cartons_expected: int
    cartons_received: int
    customized: bool
    customization: str | None
    clearance: bool
    decision: Decision
    policy_version: str
    rules: tuple[RuleResult, ...]
    refund: Refund | None
    inspection_id: int | None = None
    inspected_at: datetime | None = None
    inspector: str | None = None
    rule_decision: Decision | None = None  # what the rules decided, when overridden
    override_by: str | None = None
    override_reason: str | None = None
    # P6: refunded 1-7 days after the pass (the inspection, or the approved exception).
    passed_at: datetime | None = None
    refund_target: date | None = None
    refund_deadline: date | None = None
    refund_overdue: bool = False


@dataclass(frozen=True)
class ReturnDetail:
    """Everything the detail pane shows about one return."""

    return_id: int
    rma_number: str
    status: ReturnStatus
    reason_code: ReasonCode
    reason_category: ReasonCategory
    reason_text: str | None
    channel: Channel
    applied_at: datetime
    instructions_sent_at: datetime | None
    label_type: LabelType | None
    carrier: str | None
    tracking_number: str | None
    received_at: datetime | None
    returned_goods_marked: bool | None
    restricted: bool
    restricted_reason: str | None
    order_number: str
    placed_at: datetime
    delivered_at: datetime | None
    currency: str
    payment_method: PaymentMethod
    payment_display: str  # e.g. "Visa •••• 4242": never more than the last four digits
    cross_border: bool
    customer_name: str
    customer_email: str | None
    customer_phone: str | None
    customer_language: str
    shipping_address: Address | None
    inspection_target: date | None
    inspection_deadline: date | None
    inspection_overdue: bool
    lines: tuple[LineView, ...] = field(default_factory=tuple)
    parcel_condition: ParcelCondition | None = None
    invoice_enclosed: bool | None = None
    return_form_enclosed: bool | None = None
    received_by: str | None = None
    receipt_notes: str | None = None
    short_closed_reason: str | None = None
    short_closed_by: str | None = None
    # The refund of the refunded lines together: P7/T2 deducted once for the return.
    refund: Refund | None = None
    # P2: return instructions 1-2 business days after the application.
    instructions_target: date | None = None
    instructions_deadline: date | None = None
    instructions_overdue: bool = False
    # Issue 17: each received carton as a unit, with its grade, route, bin and moves.
    units: tuple[UnitDetail, ...] = ()

    @property
    def cartons_missing(self) -> bool:
        return any(line.cartons_received < line.cartons_expected for line in self.lines)


__all__ = [
    "Address", "CodeKind", "LineView", "LookupMatch", "Refund", "ReturnDetail",
    "ReturnFilter", "ReturnRow", "RuleResult", "SortKey", "pages_by_offset",
]
