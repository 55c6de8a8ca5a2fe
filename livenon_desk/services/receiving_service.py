"""Receiving parcels: the arrival, its cartons counted in, short closes, unexpected parcels."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.domain.lifecycle import status_label, transition
from livenon_desk.domain.policy import PolicySet, default_policies
from livenon_desk.domain.receiving import (
    BY_HAND_REASON_MIN,
    RECEIVABLE,
    CartonCount,
    count_one_more,
    counted_by_hand,
    status_after_receipt,
)
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.domain.units import split_unit_code
from livenon_desk.domain.weighing import MAX_GRAMS, kilograms_text
from livenon_desk.errors import NotFoundError, ValidationError
from livenon_desk.models import Order, Photo, ReturnLine, ReturnRequest, UnexpectedParcel, Unit
from livenon_desk.services import outbox
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.guards import load_return, refuse_if_restricted, require_text
from livenon_desk.services.receiving_dto import (
    CartonScan,
    ReceiptInput,
    ReceiptResult,
    UnexpectedParcelInput,
)
from livenon_desk.services.unit_service import add_received_units
from livenon_desk.services.weight_check_service import weigh_parcel_of_one
from livenon_desk.store.database import Store
from livenon_desk.store.lookup import normalize_code
from livenon_desk.store.photo_files import PhotoFiles

log = logging.getLogger(__name__)

CLOCK_SKEW = timedelta(minutes=5)


class ReceivingService:
    def __init__(self, store: Store, photos: PhotoFiles, clock: Clock = utc_now, *,
                 policies: PolicySet | None = None) -> None:
        self._store = store
        self._photos = photos
        self._clock = clock
        self._policies = default_policies() if policies is None else policies

    def receive(self, actor: Actor, return_id: int, receipt: ReceiptInput) -> ReceiptResult:
        """Record the parcel's arrival; this starts the P5 inspection clock. Cartons claimed
        beyond those scanned need the person's reason and are audited as counted by hand.
        A weighed parcel of one carton checks that unit's weight at once (issue 17's
        weight check, ``weigh_parcel_of_one``)."""
        actor.require(Action.RECEIVE)
        self._check_receipt(receipt)
        by_hand = counted_by_hand(receipt.cartons, receipt.scanned)
        reason = require_text(
            receipt.by_hand_reason, "field.by-hand-reason", BY_HAND_REASON_MIN) if by_hand else None
        stored = [self._photos.add(p) for p in receipt.photos]
        with self._store.session() as s:
            ret = load_return(s, return_id)
            refuse_if_restricted(ret)
            if ret.status not in RECEIVABLE or ret.received_at is not None:
                raise ValidationError(
                    "error.receive-again",
                    rma_number=ret.rma_number,
                    status=status_label(ret.status),
                )
            order = s.get_one(Order, ret.order_id)
            if order.cross_border and receipt.returned_goods_marked is None:
                raise ValidationError("error.returned-goods-unanswered")
            before = ret.status
            lines = _lines(s, ret.id)
            counts = []
            units: list[Unit] = []
            for line in lines:
                counted = receipt.cartons.get(line.id, 0)
                if not 0 <= counted <= line.cartons_expected:
                    raise ValidationError(
                        "error.carton-count-wrong",
                        tag_code=line.tag_code,
                        cartons_expected=line.cartons_expected,
                        counted=counted,
                    )
                line.cartons_received = counted
                units += add_received_units(s, line, receipt.received_at, self._clock())
                counts.append(CartonCount(line.tag_code, line.cartons_expected, counted))
            new_status = status_after_receipt(counts)
            ret.status = transition(ret.status, new_status)
            ret.received_at = receipt.received_at
            ret.received_by = actor.username
            ret.carrier = receipt.carrier.strip()
            ret.tracking_number = normalize_code(receipt.tracking_number) or None
            ret.parcel_condition = receipt.parcel_condition
            ret.invoice_enclosed = receipt.invoice_enclosed
            ret.return_form_enclosed = receipt.return_form_enclosed
            ret.returned_goods_marked = (
                receipt.returned_goods_marked if order.cross_border else None
            )
            ret.receipt_notes = receipt.notes.strip() or None
            ret.receipt_weight_grams = receipt.weight_grams
            _touch(ret, self._clock())
            for photo in stored:
                s.add(Photo(sha256=photo.sha256, return_id=ret.id, file_name=photo.file_name,
                            media_type=photo.media_type, taken_at=receipt.received_at,
                            caption="receipt"))
            record_event(s, actor.username, AuditAction.RECEIVED, at=ret.updated_at,
                         entity_kind="return", entity_key=ret.rma_number,
                         before={"status": before.value}, after={"status": ret.status.value})
            if by_hand:
                tags = {line.id: line.tag_code for line in lines}
                record_event(
                    s, actor.username, AuditAction.CARTONS_COUNTED_BY_HAND,
                    at=ret.updated_at, entity_kind="return", entity_key=ret.rma_number,
                    after={tags[line_id]: {"scanned": receipt.scanned.get(line_id, 0),
                                           "counted": receipt.cartons[line_id]}
                           for line_id in by_hand if line_id in tags},
                    detail=reason)
                log.info("%s: %d cartons counted by hand", ret.rma_number,
                         sum(by_hand.values()))
            checked = None
            if receipt.weight_grams is not None:
                checked = weigh_parcel_of_one(s, self._policies, actor, units,
                                              receipt.weight_grams, self._clock())
            outbox.queue_receipt(s, ret, self._clock())
            log.info("received %s: %s", ret.rma_number, new_status.value)
            return ReceiptResult(ret.id, ret.rma_number, ret.status, tuple(counts),
                                 weight_check=checked)

    def count_carton(self, actor: Actor, tag_code: str) -> CartonScan:
        """One more carton of the line whose tag (its tag code or a carton's LPN) was
        scanned."""
        actor.require(Action.RECEIVE)
        code = normalize_code(tag_code)
        with self._store.session() as s:
            line = s.scalar(select(ReturnLine).where(ReturnLine.tag_code == code))
            unit = split_unit_code(code) if line is None else None
            if unit is not None:
                # A carton's licence plate (LPN) names its line's tag code.
                line = s.scalar(select(ReturnLine).where(ReturnLine.tag_code == unit[0]))
            if line is None:
                raise NotFoundError("error.no-item-with-tag", code=code)
            ret = load_return(s, line.return_id)
            refuse_if_restricted(ret)
            count = CartonCount(line.tag_code, line.cartons_expected, line.cartons_received)
            if ret.status is not ReturnStatus.PARTIALLY_RECEIVED:
                if ret.received_at is not None:
                    count_one_more(count)
                raise ValidationError(
                    "error.count-not-partial",
                    rma_number=ret.rma_number,
                    status=status_label(ret.status),
                )
            count = count_one_more(count)
            line.cartons_received = count.received
            add_received_units(s, line, self._clock(), self._clock())
            counts = [CartonCount(ln.tag_code, ln.cartons_expected, ln.cartons_received)
                      for ln in _lines(s, ret.id)]
            target = status_after_receipt(counts)
            if target is not ret.status:
                ret.status = transition(ret.status, target)
            _touch(ret, self._clock())
            record_event(s, actor.username, AuditAction.CARTON_COUNTED, at=ret.updated_at,
                         entity_kind="return", entity_key=ret.rma_number,
                         after={"tag": count.tag_code, "cartons": count.received,
                                "status": ret.status.value})
            outbox.queue_receipt(s, ret, self._clock())
            return CartonScan(ret.id, ret.rma_number, count, ret.status)

    def close_short(self, actor: Actor, return_id: int, reason: str) -> ReturnStatus:
        """A supervisor accepts a receipt with cartons still missing, for a written reason."""
        actor.require(Action.CLOSE_SHORT)
        text = require_text(reason, "field.close-short-reason")
        with self._store.session() as s:
            ret = load_return(s, return_id)
            refuse_if_restricted(ret)
            if ret.status is not ReturnStatus.PARTIALLY_RECEIVED:
                raise ValidationError(
                    "error.no-cartons-missing",
                    rma_number=ret.rma_number,
                )
            ret.status = transition(ret.status, ReturnStatus.RECEIVED)
            ret.short_closed_reason = text
            ret.short_closed_by = actor.username
            ret.short_closed_at = self._clock()
            _touch(ret, ret.short_closed_at)
            record_event(s, actor.username, AuditAction.CLOSED_SHORT, at=ret.updated_at,
                         entity_kind="return", entity_key=ret.rma_number,
                         before={"status": ReturnStatus.PARTIALLY_RECEIVED.value},
                         after={"status": ret.status.value}, detail=text)
            return ret.status

    def record_unexpected(self, actor: Actor, parcel: UnexpectedParcelInput) -> int:
        """Log a parcel with no return on file, so that it can be matched later."""
        actor.require(Action.RECEIVE)
        self._check_time(parcel.received_at)
        with self._store.session() as s:
            row = UnexpectedParcel(
                scanned_code=normalize_code(parcel.scanned_code) or None,
                carrier=parcel.carrier.strip() or None,
                tracking_number=normalize_code(parcel.tracking_number) or None,
                parcel_condition=parcel.parcel_condition,
                received_at=parcel.received_at,
                received_by=actor.username,
                sender=parcel.sender.strip() or None,
                notes=parcel.notes.strip() or None,
            )
            s.add(row)
            s.flush()
            record_event(s, actor.username, AuditAction.UNEXPECTED_PARCEL, at=self._clock(),
                         entity_kind="parcel", entity_key=str(row.id))
            return row.id

    def _check_receipt(self, receipt: ReceiptInput) -> None:
        self._check_time(receipt.received_at)
        require_text(receipt.carrier, "field.carrier")
        grams = receipt.weight_grams
        if grams is not None and not 0 < grams <= MAX_GRAMS:
            raise ValidationError("error.receipt-weight-out-of-range",
                                  text=kilograms_text(grams), most=MAX_GRAMS // 1000)

    def _check_time(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("received_at must carry a time zone")
        if moment > self._clock() + CLOCK_SKEW:
            raise ValidationError("error.arrival-in-future")


def _lines(s: Session, return_id: int) -> list[ReturnLine]:
    return list(s.scalars(
        select(ReturnLine).where(ReturnLine.return_id == return_id).order_by(ReturnLine.id)))


def _touch(ret: ReturnRequest, now: datetime) -> None:
    ret.version += 1
    ret.updated_at = now
