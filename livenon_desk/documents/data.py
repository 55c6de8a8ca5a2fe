"""What the documents are made from: plain frozen data, filled in by the service layer.

The documents sit below the services, so they define their own inputs; the closed
vocabularies (reasons, decisions, outcomes, dispositions), the refund's deductions and the
value objects the screens share (address, photo, override, refund) are the domain's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from livenon_desk.domain.eligibility import RuleResult
from livenon_desk.domain.enums import (
    Answer,
    Channel,
    CommunicationChannel,
    Decision,
    Direction,
    Disposition,
    LabelType,
    ParcelCondition,
    PaymentMethod,
    ReasonCategory,
    ReasonCode,
    ReturnStatus,
)
from livenon_desk.domain.mail_text import MessageEvidence
from livenon_desk.domain.refund import Deduction
from livenon_desk.domain.units import unit_code
from livenon_desk.domain.values import Address, Override, PhotoRef, Refund

Lang = Literal["en", "zh"]

__all__ = [
    "Address",
    "ChecklistAnswer",
    "CommunicationRecord",
    "CompanyDetails",
    "CreditNoteInfo",
    "Deduction",
    "EvidenceCase",
    "InspectionRecord",
    "InvoiceInfo",
    "ItemTagInfo",
    "LabelInfo",
    "Lang",
    "OrderInfo",
    "OrderLine",
    "Override",
    "Party",
    "Payment",
    "PhotoRef",
    "ReceiptRecord",
    "Refund",
    "ReturnInfo",
    "ReturnLine",
    "RuleResult",
    "TimelineEvent",
]


@dataclass(frozen=True)
class Party:
    """A customer (or any person on a document): name and how to reach them."""

    name: str
    email: str | None = None
    phone: str | None = None
    address: Address | None = None
    language: str = "en"


@dataclass(frozen=True)
class CompanyDetails:
    """Livenon's own details, from ``resources/company.toml`` or the user's override."""

    name: str
    legal_name: str
    website: str
    email: str
    phone: str
    tax_id: str
    address: Address
    return_address: Address
    paper: Literal["letter", "a4"] = "letter"
    time_zone: str = "America/Los_Angeles"


@dataclass(frozen=True)
class Payment:
    """How the order was paid: never more than the last four digits (privacy rule)."""

    method: PaymentMethod
    brand: str | None = None
    last4: str | None = None


@dataclass(frozen=True)
class OrderLine:
    line_no: int
    sku: str
    product_name_en: str
    product_name_zh: str | None
    quantity: int
    unit_price: Decimal

    @property
    def amount(self) -> Decimal:
        return self.unit_price * self.quantity


@dataclass(frozen=True)
class OrderInfo:
    """The order as the central API holds it; totals are printed as held, not recomputed."""

    order_number: str
    placed_at: datetime
    currency: str
    customer: Party
    billing_address: Address | None
    shipping_address: Address | None
    lines: tuple[OrderLine, ...]
    subtotal: Decimal
    tax: Decimal
    shipping: Decimal
    total: Decimal
    payment: Payment
    delivered_at: datetime | None = None
    cross_border: bool = False


@dataclass(frozen=True)
class ReturnLine:
    tag_code: str
    sku: str
    product_name_en: str
    product_name_zh: str | None
    quantity: int
    unit_price: Decimal
    cartons: int = 1


@dataclass(frozen=True)
class ReturnInfo:
    """One return (RMA): what was applied for, and how it travels back (P1-P4, T3)."""

    rma_number: str
    order_number: str
    applied_at: datetime
    status: ReturnStatus
    reason_code: ReasonCode
    reason_text: str | None
    channel: Channel
    customer: Party
    lines: tuple[ReturnLine, ...]
    currency: str = "USD"
    label_type: LabelType | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    cross_border: bool = False

    @property
    def reason_category(self) -> ReasonCategory:
        return self.reason_code.category


@dataclass(frozen=True)
class ChecklistAnswer:
    item_id: str
    rule_id: str
    question_en: str
    question_zh: str
    answer: Answer


@dataclass(frozen=True)
class InspectionRecord:
    """One returned line's inspection: answers, the decision rule by rule, the refund."""

    inspection_id: str
    rma_number: str
    order_number: str
    line: ReturnLine
    inspector: str
    started_at: datetime
    finished_at: datetime | None
    answers: tuple[ChecklistAnswer, ...]
    decision: Decision
    policy_version: str
    rules: tuple[RuleResult, ...]
    override: Override | None = None
    refund: Refund | None = None
    disposition: Disposition | None = None
    notes: str | None = None
    photos: tuple[PhotoRef, ...] = ()
    # The return's deadlines: P2 instructions and P5 inspection (target, deadline).
    instructions_due: tuple[date, date] | None = None
    inspection_due: tuple[date, date] | None = None

    @property
    def final_decision(self) -> Decision:
        return self.override.decision if self.override else self.decision


@dataclass(frozen=True)
class ReceiptRecord:
    received_at: datetime
    received_by: str
    carrier: str | None
    tracking_number: str | None
    parcel_condition: ParcelCondition
    cartons_received: int
    cartons_expected: int
    returned_goods_marked: bool | None = None
    notes: str | None = None
    photos: tuple[PhotoRef, ...] = ()


@dataclass(frozen=True)
class CommunicationRecord:
    """T4: a message exchanged with the customer, kept as evidence."""

    occurred_at: datetime
    channel: CommunicationChannel
    direction: Direction
    subject: str | None
    body: str


@dataclass(frozen=True)
class EmailRecord:
    """T4: an email kept byte for byte (an application received, an answer sent): its
    SHA-256 and size name the bytes; the evidence shows its headers, its text and its
    attachments by name and hash."""

    direction: Direction
    at: datetime
    sha256: str
    size: int
    evidence: MessageEvidence


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    status: ReturnStatus
    note: str | None = None


@dataclass(frozen=True)
class InvoiceInfo:
    """A copy of the order invoice."""

    invoice_number: str
    issued_at: datetime
    order: OrderInfo


@dataclass(frozen=True)
class LabelInfo:
    """A 4x6 inch return label: the parcel goes from the customer to the warehouse (P4, T3).

    Carrier and tracking number are the return's own, or ``None`` when none is on file: the
    label then leaves them blank for the carrier, never a guess.
    """

    rma_number: str
    order_number: str
    sender: Address
    carrier: str | None
    tracking_number: str | None
    cross_border: bool
    service: str | None = None
    weight_kg: Decimal | None = None
    parcel_index: int = 1
    parcel_count: int = 1
    ship_date: date | None = None


@dataclass(frozen=True)
class ItemTagInfo:
    """The tag on one carton of a returned line: every carton has its own, with the line's
    tag code (the code receiving scans) and its place among the line's cartons."""

    rma_number: str
    tag_code: str
    sku: str
    product_name_en: str
    product_name_zh: str | None
    disposition: Disposition | None
    bin_location: str | None
    inspected_by: str | None
    inspected_at: datetime | None
    decision: Decision | None = None
    carton_index: int = 1
    carton_count: int = 1

    @property
    def unit_code(self) -> str:
        """The carton's licence plate (LPN), which every step after receipt scans."""
        return unit_code(self.tag_code, self.carton_index)


@dataclass(frozen=True)
class CreditNoteInfo:
    """The refund approved after inspection (P6), with its deductions (P7, T2)."""

    credit_note_number: str
    issued_at: datetime
    rma_number: str
    order_number: str
    customer: Party
    reason_code: ReasonCode
    lines: tuple[ReturnLine, ...]
    refund: Refund
    payment: Payment
    approved_by: str | None = None
    # Set on a reprint: when this copy was printed (``issued_at`` stays the first issue).
    copy_printed_at: datetime | None = None


@dataclass(frozen=True)
class EvidenceCase:
    """T4: everything on file about one return, for a dispute or a carrier claim."""

    order: OrderInfo
    ret: ReturnInfo
    timeline: tuple[TimelineEvent, ...]
    receipt: ReceiptRecord | None
    inspections: tuple[InspectionRecord, ...]
    communications: tuple[CommunicationRecord, ...]
    prepared_by: str
    prepared_at: datetime
    purpose: str | None = None
    extra_photos: tuple[PhotoRef, ...] = field(default_factory=tuple)
    emails: tuple[EmailRecord, ...] = ()
