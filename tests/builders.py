"""Small, explicit records for tests: one customer, order, lines and return at a time."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from livenon_desk.domain.enums import (
    Answer,
    Channel,
    LabelType,
    PaymentMethod,
    ReasonCode,
    ReturnStatus,
)
from livenon_desk.domain.policy import default_policies
from livenon_desk.models import (
    Address,
    Customer,
    Inspection,
    Order,
    OrderLine,
    ReturnLine,
    ReturnRequest,
)
from livenon_desk.services.inspection_dto import DraftInput, InspectionSheet
from livenon_desk.store.database import Store
from livenon_desk.store.search_index import index_returns

_seq = itertools.count(1)


def confirmed(sheet: InspectionSheet, answers: dict[str, Answer], notes: str = ""
              ) -> DraftInput:
    """The answers with the grade they propose, confirmed as an inspector does (issue 17)."""
    policy = default_policies().version(sheet.policy_version)
    proposal = policy.proposed_grade(answers, sheet.refund_inputs.reason_category)
    return DraftInput(answers, notes, proposal.grade)
NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


@dataclass
class LineSpec:
    sku: str = "LVN-SOF-0001"
    name_en: str = "Harlow 3-Seat Linen Sofa, Oatmeal"
    name_zh: str | None = "哈洛 三人位亚麻沙发 燕麦色"
    quantity: int = 1
    unit_price_cents: int = 129_900
    cartons: int = 2
    customized: bool = False
    customization: str | None = None
    clearance: bool = False


@dataclass
class ReturnSpec:
    customer_name: str = "Emily Carter"
    email: str | None = "emily.carter@example.com"
    phone: str | None = "+1 415-555-0134"
    language: str = "en"
    delivered_at: datetime | None = NOW - timedelta(days=20)
    applied_at: datetime = NOW - timedelta(days=10)
    received_at: datetime | None = None
    status: ReturnStatus = ReturnStatus.IN_TRANSIT
    reason: ReasonCode = ReasonCode.DEFECTIVE
    label_type: LabelType | None = LabelType.PREPAID
    label_cost_cents: int | None = None
    carrier: str | None = "UPS"
    tracking: str | None = None
    cross_border: bool = False
    payment_method: PaymentMethod = PaymentMethod.CREDIT_CARD
    payment_brand: str | None = "Visa"
    payment_last4: str | None = "4242"
    restricted: bool = False
    restricted_reason: str | None = None
    lines: list[LineSpec] = field(default_factory=lambda: [LineSpec()])
    checklist: dict[str, str] | None = None


@dataclass(frozen=True)
class Built:
    return_id: int
    rma_number: str
    order_number: str
    tracking_number: str | None
    tag_codes: tuple[str, ...]


def add_return(store: Store, spec: ReturnSpec | None = None, **overrides: Any) -> Built:
    """Insert one return with its customer, order and lines; ``overrides`` patch the spec."""
    spec = spec or ReturnSpec()
    for key, value in overrides.items():
        setattr(spec, key, value)
    n = next(_seq)
    rma = f"RMA-2026-{n:06d}"
    order_number = f"LVN20261001{n:05d}"
    tracking = spec.tracking if spec.tracking is not None else f"1ZTEST{n:012d}"
    with store.session() as s:
        customer = Customer(
            customer_number=f"C{n:07d}", name=spec.customer_name, email=spec.email,
            phone=spec.phone,
            phone_digits="".join(c for c in spec.phone or "" if c.isdigit()) or None,
            language=spec.language, updated_at=NOW,
        )
        s.add(customer)
        s.flush()
        address = Address(
            customer_id=customer.id, recipient=spec.customer_name, line1="100 Market St",
            line2=None, city="San Francisco", region="CA", postal_code="94105",
            country_code="US", phone=spec.phone,
        )
        s.add(address)
        s.flush()
        subtotal = sum(line.unit_price_cents * line.quantity for line in spec.lines)
        order = Order(
            order_number=order_number, customer_id=customer.id,
            placed_at=(spec.delivered_at or NOW) - timedelta(days=7),
            delivered_at=spec.delivered_at, currency="USD",
            payment_method=spec.payment_method, payment_brand=spec.payment_brand,
            payment_last4=spec.payment_last4, billing_address_id=address.id,
            shipping_address_id=address.id, cross_border=spec.cross_border,
            subtotal_cents=subtotal, tax_cents=0, shipping_cents=0, total_cents=subtotal,
            updated_at=NOW,
        )
        s.add(order)
        s.flush()
        ret = ReturnRequest(
            rma_number=rma, order_id=order.id, status=spec.status,
            reason_code=spec.reason, reason_category=spec.reason.category,
            channel=Channel.WEB, applied_at=spec.applied_at,
            instructions_sent_at=spec.applied_at + timedelta(days=1),
            label_type=spec.label_type, label_cost_cents=spec.label_cost_cents,
            carrier=spec.carrier, tracking_number=tracking, received_at=spec.received_at,
            restricted=spec.restricted, restricted_reason=spec.restricted_reason,
            updated_at=NOW,
        )
        s.add(ret)
        s.flush()
        tags = []
        for i, line_spec in enumerate(spec.lines, start=1):
            line = OrderLine(
                order_id=order.id, line_no=i, sku=line_spec.sku,
                product_name_en=line_spec.name_en, product_name_zh=line_spec.name_zh,
                quantity=line_spec.quantity, unit_price_cents=line_spec.unit_price_cents,
                cartons=line_spec.cartons, customized=line_spec.customized,
                customization=line_spec.customization, clearance=line_spec.clearance,
            )
            s.add(line)
            s.flush()
            tag = f"TAG-{n:06d}-{i}"
            tags.append(tag)
            return_line = ReturnLine(
                return_id=ret.id, order_line_id=line.id, quantity=line_spec.quantity,
                tag_code=tag, cartons_expected=line_spec.cartons,
                cartons_received=line_spec.cartons if spec.received_at else 0,
            )
            s.add(return_line)
            s.flush()
            if spec.checklist is not None:
                s.add(Inspection(
                    uuid=f"00000000-0000-4000-8000-{n:08d}{i:04d}", return_line_id=return_line.id,
                    inspector="mchen", started_at=NOW, checklist=dict(spec.checklist),
                    updated_at=NOW,
                ))
        built = Built(ret.id, rma, order_number, tracking, tuple(tags))
    with store.engine.begin() as connection:
        index_returns(connection, [built.return_id])
    return built


ALL_YES = {
    "not_customized": "yes", "unassembled": "yes", "undamaged": "yes", "unused": "yes",
    "original_packaging": "yes", "accessories": "yes", "invoice": "yes", "return_form": "yes",
    # Asked of quality returns only (T1), with a photo; ignored for personal ones.
    "damage_matches_report": "yes",
}
