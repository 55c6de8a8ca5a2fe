"""Portability (privacy policy IV(5)): one customer's return data as documented JSON.

The format is ``livenon-desk.customer-export`` version 1, described in README.md. Money is
written as decimal strings, times as ISO 8601 in UTC; a payment card shows at most its
last four digits.
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from livenon_desk.catalogue import Localized
from livenon_desk.domain.money import cents_to_decimal
from livenon_desk.domain.payment_display import payment_display
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.errors import NotFoundError, RestrictedError
from livenon_desk.models import (
    Address,
    Communication,
    Customer,
    IncomingMail,
    IncomingMailPhoto,
    Inspection,
    Order,
    OrderLine,
    OutgoingMail,
    ReturnLine,
    ReturnRequest,
)
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.store.database import Store

FORMAT = "livenon-desk.customer-export"
VERSION = 1


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _money(cents: int) -> str:
    return str(cents_to_decimal(cents))


class ExportService:
    def __init__(self, store: Store, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def export_customer(self, actor: Actor, email: str) -> dict[str, Any]:
        """Everything the desk holds about the customer with this email; administrators only,
        and never while one of the customer's returns is restricted."""
        actor.require(Action.ADMINISTER)
        address = email.strip().lower()
        with self._store.session() as s:
            customer = s.scalar(select(Customer).where(func.lower(Customer.email) == address))
            if customer is None:
                raise NotFoundError("error.no-customer-with-email", address=address)
            orders = list(s.scalars(select(Order).where(Order.customer_id == customer.id)
                                    .order_by(Order.placed_at)))
            returns = list(s.scalars(
                select(ReturnRequest).where(ReturnRequest.order_id.in_([o.id for o in orders]))
                .order_by(ReturnRequest.applied_at)))
            restricted = [r.rma_number for r in returns if r.restricted]
            if restricted:
                raise RestrictedError("error.export-restricted",
                                      returns=Localized(", ".join(restricted),
                                                        "、".join(restricted)))
            now = self._clock()
            emails = [_email(s, m) for m in _emails(s, address, orders)]
            document = {
                "format": FORMAT,
                "version": VERSION,
                "exported_at": _time(now),
                "customer": {
                    "customer_number": customer.customer_number,
                    "name": customer.name,
                    "email": customer.email,
                    "phone": customer.phone,
                    "language": customer.language,
                    "addresses": [_address(a) for a in s.scalars(
                        select(Address).where(Address.customer_id == customer.id)
                        .order_by(Address.id))],
                },
                "orders": [_order(s, o) for o in orders],
                "returns": [_return(s, r) for r in returns],
                "emails": emails,
            }
            record_event(s, actor.username, AuditAction.EXPORTED, at=now,
                         entity_kind="customer", entity_key=customer.customer_number,
                         after={"orders": len(orders), "returns": len(returns),
                                "emails": len(emails)})
            return document


def _emails(s: Session, address: str, orders: list[Order]) -> list[IncomingMail]:
    """The email applications the customer sent, or that name one of their orders."""
    return list(s.scalars(
        select(IncomingMail)
        .where(or_(func.lower(IncomingMail.sender) == address,
                   IncomingMail.order_number.in_([o.order_number for o in orders])))
        .order_by(IncomingMail.received_at, IncomingMail.id)))


def _email(s: Session, m: IncomingMail) -> dict[str, Any]:
    photos = s.scalars(select(IncomingMailPhoto).where(IncomingMailPhoto.mail_id == m.id)
                       .order_by(IncomingMailPhoto.id))
    return {
        "message_key": m.message_key, "sha256": m.sha256, "received_at": _time(m.received_at),
        "sent_at": _time(m.sent_at), "sender": m.sender, "subject": m.subject,
        "text": m.body_text, "order_number": m.order_number, "product": m.product_name,
        "reason_text": m.reason_text, "contact": m.contact, "state": m.state.value,
        "photos": [{"name": p.original_name, "media_type": p.media_type, "sha256": p.sha256}
                   for p in photos],
        # The message byte for byte, as it arrived; None once the retention rule emptied it.
        "raw_base64": base64.b64encode(m.raw).decode("ascii") if m.raw is not None else None,
        # The desk's answer (P2), byte for byte as sent; None while unanswered.
        "answer": _answer(s.scalar(select(OutgoingMail).where(
            OutgoingMail.application_id == m.id))),
    }


def _answer(a: OutgoingMail | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"message_id": a.message_id, "kind": a.kind, "rma_number": a.rma_number,
            "language": a.language, "sha256": a.sha256, "created_at": _time(a.created_at),
            "sent_at": _time(a.sent_at),
            "raw_base64": base64.b64encode(a.raw).decode("ascii") if a.raw is not None
            else None}


def _address(a: Address) -> dict[str, Any]:
    return {"recipient": a.recipient, "line1": a.line1, "line2": a.line2, "city": a.city,
            "region": a.region, "postal_code": a.postal_code, "country_code": a.country_code,
            "phone": a.phone}


def _order(s: Session, o: Order) -> dict[str, Any]:
    lines = s.scalars(select(OrderLine).where(OrderLine.order_id == o.id)
                      .order_by(OrderLine.line_no))
    return {
        "order_number": o.order_number,
        "placed_at": _time(o.placed_at),
        "delivered_at": _time(o.delivered_at),
        "currency": o.currency,
        "payment": payment_display(o.payment_method, o.payment_brand, o.payment_last4),
        "subtotal": _money(o.subtotal_cents),
        "tax": _money(o.tax_cents),
        "shipping": _money(o.shipping_cents),
        "total": _money(o.total_cents),
        "lines": [{"line_no": ln.line_no, "sku": ln.sku, "product": ln.product_name_en,
                   "product_zh": ln.product_name_zh, "quantity": ln.quantity,
                   "unit_price": _money(ln.unit_price_cents), "customized": ln.customized,
                   "clearance": ln.clearance} for ln in lines],
    }


def _return(s: Session, r: ReturnRequest) -> dict[str, Any]:
    lines = []
    for line in s.scalars(select(ReturnLine).where(ReturnLine.return_id == r.id)
                          .order_by(ReturnLine.id)):
        order_line = s.get_one(OrderLine, line.order_line_id)
        inspections = s.scalars(select(Inspection).where(Inspection.return_line_id == line.id)
                                .where(Inspection.finished_at.is_not(None))
                                .order_by(Inspection.finished_at))
        lines.append({
            "sku": order_line.sku, "quantity": line.quantity,
            "inspections": [{
                "finished_at": _time(i.finished_at),
                "decision": i.decision.value if i.decision else None,
                "rules": i.rule_results, "policy_version": i.policy_version,
                "disposition": i.disposition.value if i.disposition else None,
                "exception_approved": i.override_decision is not None,
                "exception_reason": i.override_reason,
            } for i in inspections],
        })
    communications = s.scalars(select(Communication).where(Communication.return_id == r.id)
                               .order_by(Communication.occurred_at))
    return {
        "rma_number": r.rma_number,
        "status": r.status.value,
        "reason": r.reason_code.value,
        "reason_text": r.reason_text,
        "applied_at": _time(r.applied_at),
        "received_at": _time(r.received_at),
        "closed_at": _time(r.closed_at),
        "lines": lines,
        "communications": [{"at": _time(c.occurred_at), "channel": c.channel.value,
                            "direction": c.direction.value, "subject": c.subject,
                            "body": c.body} for c in communications],
    }
