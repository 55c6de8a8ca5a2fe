"""Reading one return from the database into the plain inputs of the printed documents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from livenon_desk.catalogue import Localized
from livenon_desk.documents import data as doc
from livenon_desk.domain.deadlines import inspection_due, instructions_due, refund_due
from livenon_desk.domain.eligibility import RuleResult
from livenon_desk.domain.enums import Answer, Decision, Direction, ReturnStatus
from livenon_desk.domain.mail_text import message_evidence
from livenon_desk.domain.money import cents_to_decimal
from livenon_desk.domain.policy import Policy, PolicySet
from livenon_desk.domain.refund import ReturnRefund
from livenon_desk.models import (
    Address,
    Communication,
    Customer,
    IncomingMail,
    Inspection,
    Order,
    OrderLine,
    OutgoingMail,
    Photo,
    ReturnLine,
    ReturnRequest,
    Unit,
)
from livenon_desk.services.line_explanation import (
    evaluate_return_line,
    passed_at,
    return_lines_with_order_lines,
    return_refund,
)
from livenon_desk.services.value_rows import address_of, override_of, photo_of
from livenon_desk.store.photo_files import PhotoFiles


class ReturnRecords:
    """Everything on file about one return, read in one session, as document inputs."""

    def __init__(self, s: Session, ret: ReturnRequest, policies: PolicySet,
                 photos: PhotoFiles) -> None:
        self.s = s
        self.ret = ret
        self.order = s.get_one(Order, ret.order_id)
        self.customer_row = s.get_one(Customer, self.order.customer_id)
        self.photos = photos
        self.policy: Policy = policies.for_application(ret.applied_at)
        self._return_refund: ReturnRefund | None = None
        self.pairs = return_lines_with_order_lines(s, ret)

    # --- parts --------------------------------------------------------------------------

    def address(self, address_id: int | None) -> doc.Address | None:
        return address_of(self.s.get(Address, address_id) if address_id else None)

    def customer(self) -> doc.Party:
        c = self.customer_row
        return doc.Party(c.name, c.email, c.phone,
                         self.address(self.order.shipping_address_id), c.language)

    def payment(self) -> doc.Payment:
        o = self.order
        return doc.Payment(o.payment_method, o.payment_brand, o.payment_last4)

    def return_lines(self) -> tuple[doc.ReturnLine, ...]:
        return tuple(
            doc.ReturnLine(rl.tag_code, ol.sku, ol.product_name_en, ol.product_name_zh,
                           rl.quantity, cents_to_decimal(ol.unit_price_cents, self.order.currency),
                           rl.cartons_expected)
            for rl, ol in self.pairs)

    def photo_refs(self, rows: list[Photo]) -> tuple[doc.PhotoRef, ...]:
        return tuple(photo_of(p, self.photos) for p in rows)

    # --- documents ----------------------------------------------------------------------

    def order_info(self) -> doc.OrderInfo:
        o = self.order
        lines = self.s.scalars(select(OrderLine).where(OrderLine.order_id == o.id)
                               .order_by(OrderLine.line_no))
        def money(minor_units: int) -> Decimal:
            return cents_to_decimal(minor_units, o.currency)

        return doc.OrderInfo(
            order_number=o.order_number, placed_at=o.placed_at, currency=o.currency,
            customer=self.customer(), billing_address=self.address(o.billing_address_id),
            shipping_address=self.address(o.shipping_address_id),
            lines=tuple(doc.OrderLine(ln.line_no, ln.sku, ln.product_name_en,
                                      ln.product_name_zh, ln.quantity,
                                      money(ln.unit_price_cents)) for ln in lines),
            subtotal=money(o.subtotal_cents), tax=money(o.tax_cents),
            shipping=money(o.shipping_cents), total=money(o.total_cents),
            payment=self.payment(), delivered_at=o.delivered_at, cross_border=o.cross_border)

    def return_info(self) -> doc.ReturnInfo:
        r = self.ret
        return doc.ReturnInfo(
            rma_number=r.rma_number, order_number=self.order.order_number,
            applied_at=r.applied_at, status=r.status, reason_code=r.reason_code,
            reason_text=r.reason_text, channel=r.channel, customer=self.customer(),
            lines=self.return_lines(), currency=self.order.currency, label_type=r.label_type,
            carrier=r.carrier, tracking_number=r.tracking_number,
            cross_border=self.order.cross_border)

    def label(self) -> doc.LabelInfo:
        sender = self.address(self.order.shipping_address_id) or doc.Address(
            self.customer_row.name)
        cartons = sum(rl.cartons_expected for rl, _ in self.pairs) or 1
        return doc.LabelInfo(
            rma_number=self.ret.rma_number, order_number=self.order.order_number,
            sender=sender, carrier=self.ret.carrier or None,
            tracking_number=self.ret.tracking_number or None,
            cross_border=self.order.cross_border, parcel_count=cartons)

    def labels(self) -> list[doc.LabelInfo]:
        """One label per carton ("2 / 3"): a carton travels as a parcel of its own."""
        label = self.label()
        return [replace(label, parcel_index=index)
                for index in range(1, label.parcel_count + 1)]

    def tags(self) -> list[doc.ItemTagInfo]:
        """One tag per carton of each line, each with its licence plate; a carton that is a
        graded unit shows the unit's own disposition and bin (a supervisor may have sent it
        elsewhere than its line's inspection)."""
        tags: list[doc.ItemTagInfo] = []
        units = {(u.return_line_id, u.carton_index): u for u in self.s.scalars(
            select(Unit).where(Unit.return_line_id.in_([rl.id for rl, _ in self.pairs])))}
        for rl, ol in self.pairs:
            inspection = self.finished(rl.id)
            tag = doc.ItemTagInfo(
                rma_number=self.ret.rma_number, tag_code=rl.tag_code, sku=ol.sku,
                product_name_en=ol.product_name_en, product_name_zh=ol.product_name_zh,
                disposition=inspection.disposition if inspection else None,
                bin_location=None,
                inspected_by=inspection.inspector if inspection else None,
                inspected_at=inspection.finished_at if inspection else None,
                decision=_final(inspection) if inspection else None)
            cartons = max(1, rl.cartons_expected)
            for index in range(1, cartons + 1):
                unit = units.get((rl.id, index))
                if unit is not None and unit.grade is not None:
                    tags.append(replace(tag, carton_index=index, carton_count=cartons,
                                        disposition=unit.disposition,
                                        bin_location=unit.bin_code))
                else:
                    tags.append(replace(tag, carton_index=index, carton_count=cartons))
        return tags

    def finished(self, return_line_id: int) -> Inspection | None:
        return self.s.scalar(
            select(Inspection).where(Inspection.return_line_id == return_line_id)
            .where(Inspection.finished_at.is_not(None))
            .order_by(Inspection.finished_at.desc()).limit(1))

    def inspections(self) -> list[doc.InspectionRecord]:
        records = []
        lines = dict(zip([rl.id for rl, _ in self.pairs], self.return_lines(), strict=True))
        for rl, ol in self.pairs:
            inspection = self.finished(rl.id)
            if inspection is None:
                continue
            evaluation = evaluate_return_line(self.s, self.policy, self.ret, self.order, ol,
                                              inspection, rl)
            answers = tuple(
                doc.ChecklistAnswer(item.id, item.rule, item.question_en, item.question_zh,
                                    Answer(inspection.checklist.get(item.id, "unanswered")))
                for item in self.policy.checklist)
            override = override_of(inspection)
            photos = list(self.s.scalars(select(Photo).where(
                Photo.inspection_id == inspection.id).order_by(Photo.id)))
            records.append(doc.InspectionRecord(
                inspection_id=inspection.uuid, rma_number=self.ret.rma_number,
                order_number=self.order.order_number, line=lines[rl.id],
                inspector=inspection.inspector, started_at=inspection.started_at,
                finished_at=inspection.finished_at, answers=answers,
                decision=inspection.decision or evaluation.decision,
                policy_version=evaluation.policy_version,
                rules=tuple(RuleResult(r.rule_id, r.outcome, Localized(r.reason_en, r.reason_zh))
                            for r in evaluation.rules),
                override=override, refund=self.refund(ol, rl) if _final(inspection)
                is Decision.ELIGIBLE else None,
                disposition=inspection.disposition, notes=inspection.notes,
                photos=self.photo_refs(photos), **self._deadlines()))
        return records

    def _deadlines(self) -> dict[str, tuple[date, date] | None]:
        """The return's P2 and P5 target and deadline, as the report states them."""
        instructions = instructions_due(self.policy, self.ret.applied_at)
        received = self.ret.received_at
        inspection = inspection_due(self.policy, received) if received else None
        return {"instructions_due": (instructions.target, instructions.deadline),
                "inspection_due": (inspection.target, inspection.deadline)
                if inspection else None}

    def refund(self, order_line: OrderLine, line: ReturnLine) -> doc.Refund:
        """The line's part of the return's refund (one label, one deduction, P7/T2)."""
        del order_line  # the line's price is in the return's refund already
        return self._due(doc.Refund.of(self.return_refund().line(line.id)), [line.id])

    def return_refund(self) -> ReturnRefund:
        """The refund of every line whose finished inspection (or exception) passed it."""
        if self._return_refund is None:
            refunded = [(rl, ol) for rl, ol in self.pairs
                        if (inspection := self.finished(rl.id)) is not None
                        and _final(inspection) is Decision.ELIGIBLE]
            self._return_refund = return_refund(self.policy, self.ret, self.order, refunded)
        return self._return_refund

    def whole_refund(self) -> doc.Refund:
        """The return's refund as the credit note states it: the deductions taken once."""
        return self._due(doc.Refund.of(self.return_refund()), [rl.id for rl, _ in self.pairs])

    def _due(self, info: doc.Refund, line_ids: list[int]) -> doc.Refund:
        """P6: refunded 1-7 days after the pass; for several lines, the first one passed
        sets the dates, so paying by them is on time for every line."""
        passes = [moment for line_id in line_ids
                  if (inspection := self.finished(line_id)) is not None
                  and (moment := passed_at(inspection, _final(inspection))) is not None]
        if not passes:
            return info
        due = refund_due(self.policy, min(passes))
        return replace(info, due_from=due.target, due_by=due.deadline)

    def receipt(self) -> doc.ReceiptRecord | None:
        r = self.ret
        if r.received_at is None or r.parcel_condition is None:
            return None
        photos = list(self.s.scalars(select(Photo).where(Photo.return_id == r.id)
                                     .where(Photo.inspection_id.is_(None)).order_by(Photo.id)))
        return doc.ReceiptRecord(
            received_at=r.received_at, received_by=r.received_by or "",
            carrier=r.carrier, tracking_number=r.tracking_number,
            parcel_condition=r.parcel_condition,
            cartons_received=sum(rl.cartons_received for rl, _ in self.pairs),
            cartons_expected=sum(rl.cartons_expected for rl, _ in self.pairs),
            returned_goods_marked=r.returned_goods_marked, notes=r.receipt_notes,
            photos=self.photo_refs(photos))

    def timeline(self) -> tuple[doc.TimelineEvent, ...]:
        r = self.ret
        steps: list[tuple[datetime | None, ReturnStatus]] = [
            (r.applied_at, ReturnStatus.APPLIED),
            (r.instructions_sent_at, ReturnStatus.INSTRUCTIONS_SENT),
            (r.received_at, ReturnStatus.RECEIVED),
        ]
        for rl, _ in self.pairs:
            inspection = self.finished(rl.id)
            if inspection is not None:
                steps.append((inspection.finished_at, ReturnStatus.INSPECTED))
        steps.append((r.closed_at, ReturnStatus.CLOSED))
        return tuple(doc.TimelineEvent(at, status) for at, status in steps if at is not None)

    def emails(self) -> tuple[doc.EmailRecord, ...]:
        """T4: the email applications naming this return's order, and the answers this
        return's RMA (or those applications) were given, oldest first; purged bytes are
        left out (their hash stays in the audit trail)."""
        applications = list(self.s.scalars(select(IncomingMail).where(
            IncomingMail.order_number == self.order.order_number,
            IncomingMail.raw.is_not(None))))
        answers = list(self.s.scalars(select(OutgoingMail).where(
            (OutgoingMail.rma_number == self.ret.rma_number)
            | OutgoingMail.application_id.in_([m.id for m in applications]),
            OutgoingMail.raw.is_not(None))))
        records = [doc.EmailRecord(Direction.INBOUND, m.sent_at or m.received_at, m.sha256,
                                   m.size, message_evidence(m.raw or b""))
                   for m in applications]
        records += [doc.EmailRecord(Direction.OUTBOUND, a.sent_at or a.created_at, a.sha256,
                                    a.size, message_evidence(a.raw or b""))
                    for a in answers]
        return tuple(sorted(records, key=lambda r: r.at))

    def communications(self) -> tuple[doc.CommunicationRecord, ...]:
        rows = self.s.scalars(select(Communication).where(
            (Communication.return_id == self.ret.id)
            | (Communication.order_id == self.order.id)).order_by(Communication.occurred_at))
        return tuple(doc.CommunicationRecord(c.occurred_at, c.channel, c.direction, c.subject,
                                             c.body) for c in rows)


def _final(inspection: Inspection) -> Decision | None:
    return inspection.override_decision or inspection.decision
