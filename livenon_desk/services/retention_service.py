"""Retention (privacy policy VI): the personal data of returns closed longer than the
configured period is removed from the workstation. Amounts, reasons, decisions and dates
stay, so that the statistics still add up."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.models import (
    Address,
    Communication,
    Customer,
    IncomingMail,
    IncomingMailPhoto,
    Inspection,
    Order,
    OutgoingMail,
    Photo,
    ReturnLine,
    ReturnRequest,
)
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from livenon_desk.store.search_index import index_returns

log = logging.getLogger(__name__)

ANONYMIZED = "Anonymized customer"
BLANK = "—"


@dataclass(frozen=True)
class PurgeReport:
    returns: int
    customers: int
    photos: int
    dry_run: bool
    # Incoming email applications emptied (P1): their bytes, words and photos.
    emails: int = 0


class RetentionService:
    def __init__(self, store: Store, photos: PhotoFiles, settings: DeskSettings,
                 clock: Clock = utc_now) -> None:
        self._store = store
        self._photos = photos
        self._settings = settings
        self._clock = clock

    def purge(self, actor: Actor, *, dry_run: bool = False) -> PurgeReport:
        """Remove what the retention rule says must go; ``dry_run`` only counts it."""
        actor.require(Action.ADMINISTER)
        now = self._clock()
        cutoff = now - timedelta(days=self._settings.closed_return_days)
        with self._store.session() as s:
            due = list(s.scalars(
                select(ReturnRequest.id)
                .where(ReturnRequest.status == ReturnStatus.CLOSED)
                .where(ReturnRequest.closed_at < cutoff)
                .where(ReturnRequest.purged_at.is_(None))))
            customers = _customers_fully_closed(s, due)
            photos = list(s.scalars(select(Photo).where(Photo.return_id.in_(due))))
            mails = _mails_due(s, due, cutoff)
            mail_photos = list(s.scalars(select(IncomingMailPhoto)
                                         .where(IncomingMailPhoto.mail_id.in_(mails))))
            report = PurgeReport(len(due), len(customers), len(photos) + len(mail_photos),
                                 dry_run, len(mails))
            if dry_run or not (due or mails):
                return report
            files = {p.file_name for p in photos} | {p.file_name for p in mail_photos}
            for photo in [*photos, *mail_photos]:
                s.delete(photo)
            if due:
                _blank_returns(s, due, now)
                _anonymize_customers(s, customers)
            _empty_mails(s, mails, now)
            s.flush()
            index_returns(s.connection(), due)
            still_used = set(s.scalars(select(Photo.file_name)
                                       .where(Photo.file_name.in_(files))))
            still_used |= set(s.scalars(select(IncomingMailPhoto.file_name)
                                        .where(IncomingMailPhoto.file_name.in_(files))))
            record_event(s, actor.username, AuditAction.PURGED, at=now,
                         entity_kind="retention",
                         after={"returns": report.returns, "customers": report.customers,
                                "photos": report.photos, "emails": report.emails,
                                "days": self._settings.closed_return_days})
        for name in files - still_used:
            self._photos.remove(name)
        log.info("retention: %d returns, %d customers, %d photos, %d emails purged",
                 report.returns, report.customers, report.photos, report.emails)
        return report


def _customers_fully_closed(s: Session, due: list[int]) -> list[int]:
    """Customers every one of whose returns is being purged now or was before."""
    if not due:
        return []
    candidates = set(s.scalars(
        select(Order.customer_id).join(ReturnRequest, ReturnRequest.order_id == Order.id)
        .where(ReturnRequest.id.in_(due))))
    due_set = set(due)
    keep = []
    for customer_id in candidates:
        rows = s.execute(
            select(ReturnRequest.id, ReturnRequest.purged_at)
            .join(Order, Order.id == ReturnRequest.order_id)
            .where(Order.customer_id == customer_id)).all()
        if all(rid in due_set or purged is not None for rid, purged in rows):
            keep.append(customer_id)
    return keep


def _mails_due(s: Session, purging: list[int], cutoff: datetime) -> list[int]:
    """Emails received before the cutoff, except those naming an order that still has a
    return the retention rule keeps: while a return lives, its application is evidence."""
    kept_orders = (select(Order.order_number)
                   .join(ReturnRequest, ReturnRequest.order_id == Order.id)
                   .where(ReturnRequest.purged_at.is_(None)))
    if purging:
        kept_orders = kept_orders.where(ReturnRequest.id.not_in(purging))
    return list(s.scalars(
        select(IncomingMail.id)
        .where(IncomingMail.purged_at.is_(None))
        .where(IncomingMail.received_at < cutoff)
        .where(or_(IncomingMail.order_number.is_(None),
                   IncomingMail.order_number.not_in(kept_orders)))))


def _empty_mails(s: Session, mails: list[int], now: datetime) -> None:
    # The key, the hash and the state stay: the message is not taken again, and the
    # audit trail's hash still names what was received.
    s.execute(update(IncomingMail).where(IncomingMail.id.in_(mails))
              .values(raw=None, sender=None, sender_name=None, subject=None,
                      body_text=None, product_name=None, reason_text=None, contact=None,
                      purged_at=now))
    # Their answers too (P2): the bytes and the address go, the hash and Message-ID stay.
    s.execute(update(OutgoingMail).where(OutgoingMail.application_id.in_(mails))
              .values(raw=None, recipient=None, subject=None, purged_at=now))


def _blank_returns(s: Session, due: list[int], now: object) -> None:
    s.execute(update(ReturnRequest).where(ReturnRequest.id.in_(due))
              .values(reason_text=None, receipt_notes=None, purged_at=now))
    lines = select(ReturnLine.id).where(ReturnLine.return_id.in_(due))
    s.execute(update(Inspection).where(Inspection.return_line_id.in_(lines))
              .values(notes=None))
    s.execute(update(Communication).where(Communication.return_id.in_(due))
              .values(subject=None, body="[removed under the retention rule]"))


def _anonymize_customers(s: Session, customer_ids: list[int]) -> None:
    if not customer_ids:
        return
    s.execute(update(Customer).where(Customer.id.in_(customer_ids))
              .values(name=ANONYMIZED, email=None, phone=None, phone_digits=None,
                      anonymized=True, version=Customer.version + 1))
    s.execute(update(Address).where(Address.customer_id.in_(customer_ids))
              .values(recipient=BLANK, line1=BLANK, line2=None, city=BLANK, region=None,
                      postal_code=None, phone=None))
    s.execute(update(Order).where(Order.customer_id.in_(customer_ids))
              .values(payment_last4=None))
    s.execute(update(Communication)
              .where(Communication.order_id.in_(
                  select(Order.id).where(Order.customer_id.in_(customer_ids))))
              .values(subject=None, body="[removed under the retention rule]"))
