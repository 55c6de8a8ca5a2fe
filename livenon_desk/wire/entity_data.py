"""The data of the entities a page of changes carries (``Entity.data``): a customer, an
order with its lines and addresses, a return with its lines, an inspection (the OpenAPI
file's Customer, Order, Return and Inspection).

A desk reads them as it always has: a field that is absent, null or empty takes the value
the desk has always put in its place (no name is "", no currency is USD, no count of
cartons is 1), and a count of pieces that cannot be read is 0, never 1 (P1 shows the claim
for what it is). A field of the wrong type or a code the desk does not know fails
validation, and the desk refuses that record alone. Times stay text here: a date alone or
a time without an offset is read in the warehouse's zone, which is the desk's to know.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from livenon_desk.domain.enums import (
    Channel,
    Decision,
    Disposition,
    LabelType,
    ParcelCondition,
    PaymentMethod,
    ReasonCategory,
    ReasonCode,
    ReturnStatus,
)


def _or(default: Any) -> BeforeValidator:
    """Absent, null, empty or zero: ``default``."""
    return BeforeValidator(lambda value: value or default)


def _pieces(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _last4(value: Any) -> str | None:
    # Never more than the last four digits, whatever arrives.
    if isinstance(value, str) and len(value) == 4 and value.isdigit():
        return value
    return None


Blank = Annotated[str, _or("")]
Count = Annotated[int, _or(0)]
Flag = Annotated[bool, BeforeValidator(bool)]
Pieces = Annotated[int, BeforeValidator(_pieces)]
Moment = str | None  # ISO 8601: a date, or a time with or without an offset


class _Data(BaseModel):
    # The server may add fields; a desk reads the ones it knows.
    model_config = ConfigDict(extra="ignore")


class CustomerData(_Data):
    name: Blank = ""
    email: str | None = None
    phone: str | None = None
    language: Annotated[str, _or("en")] = "en"
    anonymized: Flag = False


class AddressData(_Data):
    recipient: Blank = ""
    line1: Blank = ""
    line2: str | None = None
    city: Blank = ""
    region: str | None = None
    postal_code: str | None = None
    country_code: Annotated[str, BeforeValidator(lambda v: (v or "US")[:2])] = "US"
    phone: str | None = None


class OrderLineData(_Data):
    line_no: Count = 0
    sku: Blank = ""
    product_name_en: Blank = ""
    product_name_zh: str | None = None
    quantity: Pieces = 0
    unit_price_cents: Count = 0
    cartons: Annotated[int, _or(1)] = 1
    customized: Flag = False
    customization: str | None = None
    clearance: Flag = False


class OrderData(_Data):
    customer_number: str | None = None
    placed_at: Moment = None
    delivered_at: Moment = None
    currency: Annotated[str, _or("USD")] = "USD"
    payment_method: Annotated[PaymentMethod, _or(PaymentMethod.CREDIT_CARD)] = (
        PaymentMethod.CREDIT_CARD)
    payment_brand: str | None = None
    payment_last4: Annotated[str | None, BeforeValidator(_last4)] = None
    cross_border: Flag = False
    subtotal_cents: Count = 0
    tax_cents: Count = 0
    shipping_cents: Count = 0
    total_cents: Count = 0
    billing_address: AddressData | None = None
    shipping_address: AddressData | None = None
    lines: Annotated[list[OrderLineData], _or([])] = []

    @property
    def subtotal(self) -> int:
        """The subtotal as sent, else the total (an order sent without its parts)."""
        return self.subtotal_cents or self.total_cents


class ReturnLineData(_Data):
    tag_code: str
    order_line_no: Annotated[int, _or(1)] = 1
    quantity: Pieces = 0
    cartons_expected: Annotated[int, _or(1)] = 1
    cartons_received: Count = 0


class ReturnData(_Data):
    order_number: str | None = None
    status: Annotated[ReturnStatus, _or(ReturnStatus.APPLIED)] = ReturnStatus.APPLIED
    reason_code: Annotated[ReasonCode, _or(ReasonCode.DEFECTIVE)] = ReasonCode.DEFECTIVE
    reason_category: Annotated[ReasonCategory, _or(ReasonCategory.QUALITY)] = (
        ReasonCategory.QUALITY)
    reason_text: str | None = None
    channel: Annotated[Channel, _or(Channel.WEB)] = Channel.WEB
    applied_at: Moment = None
    instructions_sent_at: Moment = None
    label_type: Annotated[LabelType | None, _or(None)] = None
    label_cost_cents: int | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    returned_goods_marked: bool | None = None
    received_at: Moment = None
    parcel_condition: Annotated[ParcelCondition | None, _or(None)] = None
    closed_at: Moment = None
    restricted: Flag = False
    restricted_reason: str | None = None
    # The desk's own findings at receipt, kept by the desk when the server leaves them out.
    invoice_enclosed: bool | None = None
    return_form_enclosed: bool | None = None
    received_by: str | None = None
    receipt_notes: str | None = None
    receipt_weight_grams: int | None = None
    short_closed_reason: str | None = None
    short_closed_by: str | None = None
    short_closed_at: Moment = None
    lines: Annotated[list[ReturnLineData], _or([])] = []


class Restriction(_Data):
    """What gets through at once even when the desk holds its own change of the return."""

    restricted: Flag = False
    restricted_reason: str | None = None


class InspectionData(_Data):
    tag_code: str | None = None
    inspector: Blank = ""
    started_at: Moment = None
    finished_at: Moment = None
    checklist: Annotated[dict[str, str], _or({})] = {}
    notes: str | None = None
    decision: Annotated[Decision | None, _or(None)] = None
    rule_results: Annotated[list[dict[str, Any]], _or([])] = []
    policy_version: str | None = None
    disposition: Annotated[Disposition | None, _or(None)] = None
    override_decision: Annotated[Decision | None, _or(None)] = None
    override_reason: str | None = None
    override_by: str | None = None
    override_at: Moment = None


def problems(error: ValidationError, limit: int = 3) -> str:
    """What failed, field by field ("lines.0.tag_code: Field required"), for a log line
    and the sync view; never the values themselves (they may be personal data)."""
    parts = [f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}"
             for e in error.errors(include_url=False, include_input=False)]
    more = len(parts) - limit
    return "; ".join(parts[:limit]) + (f" (and {more} more)" if more > 0 else "")
