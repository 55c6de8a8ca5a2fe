"""Printing: each document made from the database, in the customer's language or the one
asked for; labels and tags for many returns at once, with progress and cancel."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from livenon_desk.documents import data as doc
from livenon_desk.documents.company import load_company, user_company_file
from livenon_desk.documents.credit_note import credit_note_pdf
from livenon_desk.documents.evidence_package import evidence_package_pdf
from livenon_desk.documents.inspection_report import inspection_reports_pdf
from livenon_desk.documents.invoice import invoice_pdf
from livenon_desk.documents.item_tag import item_tags_pdf
from livenon_desk.documents.language import document_language
from livenon_desk.documents.printer_limits import LABEL_DPI
from livenon_desk.documents.printer_test_label import printer_test_label_pdf, test_code
from livenon_desk.documents.return_form import return_form_pdf
from livenon_desk.documents.return_label import return_labels_pdf
from livenon_desk.domain.enums import Decision, ReturnStatus
from livenon_desk.domain.policy import PolicySet
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.errors import KnownError, NotFoundError, ValidationError
from livenon_desk.models import ReturnRequest
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.document_kinds import Document, DocumentKind
from livenon_desk.services.document_records import ReturnRecords
from livenon_desk.services.guards import refuse_if_restricted
from livenon_desk.services.label_printer import LabelPrinter
from livenon_desk.store.database import Store
from livenon_desk.store.lookup import normalize_code
from livenon_desk.store.photo_files import PhotoFiles

log = logging.getLogger(__name__)

Lang = doc.Lang
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
BATCH_LIMIT = 2000


class PrintCancelledError(KnownError):
    """The user stopped a batch before it was made."""


class DocumentService:
    def __init__(self, store: Store, policies: PolicySet, photos: PhotoFiles,
                 clock: Clock = utc_now, label_dpi: int = LABEL_DPI) -> None:
        self._store = store
        self._policies = policies
        self._photos = photos
        self._clock = clock
        self._label_dpi = label_dpi  # the label printer's, for barcodes in whole dots

    def company(self) -> doc.CompanyDetails:
        return company_details()

    def render(self, actor: Actor, kind: DocumentKind, rma: str,
               lang: Lang | None = None) -> Document:
        """One document for one return; refused for a restricted return."""
        actor.require(Action.PRINT)
        code = normalize_code(rma)
        company = self.company()
        with self._store.session() as s:
            records, language = self._records(s, code, lang)
            pdf = self._make(kind, records, company, language, actor.name)
            record_event(s, actor.username, AuditAction.PRINTED, at=self._clock(),
                         entity_kind="return", entity_key=code,
                         after={"document": kind.value, "language": language})
        return Document(kind, code, pdf)

    def made_in(self, s: Session, ret: ReturnRequest, kind: DocumentKind, lang: Lang,
                prepared_by: str) -> bytes:
        """One document of a return, inside the caller's unit of work (the answer to an
        email application attaches the return form and label of the return it has just
        created, in the same transaction). The caller checks the role and audits."""
        refuse_if_restricted(ret)
        records = ReturnRecords(s, ret, self._policies, self._photos)
        return self._make(kind, records, self.company(), lang, prepared_by)

    def send_to_label_printer(self, actor: Actor, kind: DocumentKind, rma: str,
                              printer: LabelPrinter, lang: Lang | None = None) -> LabelJob:
        """One return's labels or tags (one per carton) sent to the label printer as one
        job; audited as printed only once the printer has taken the whole job."""
        actor.require(Action.PRINT)
        _require_label_stock(kind)
        code = normalize_code(rma)
        company = self.company()
        with self._store.read_session() as s:
            records, language = self._records(s, code, lang)
            pdf, count = _label_stock_pdf(kind, records.labels() if kind is DocumentKind.LABEL
                                          else records.tags(), company, language, printer.dpi)
        sent = printer.print_pages(pdf)  # no session is open while the printer is asked
        with self._store.session() as s:
            record_event(s, actor.username, AuditAction.PRINTED, at=self._clock(),
                         entity_kind="return", entity_key=code,
                         after={"document": kind.value, "language": language,
                                "printer": str(printer.address), "labels": count})
        return LabelJob(kind, code, count, sent, str(printer.address))

    def _records(self, s: Session, code: str, lang: Lang | None) -> tuple[ReturnRecords, Lang]:
        """The return ``code`` to print (refused if restricted), in ``lang`` or else its
        customer's language."""
        ret = s.scalar(select(ReturnRequest).where(ReturnRequest.rma_number == code))
        if ret is None:
            raise NotFoundError("error.no-return-with-rma", code=code)
        refuse_if_restricted(ret)
        records = ReturnRecords(s, ret, self._policies, self._photos)
        return records, document_language(records.customer(), lang)

    def _make(self, kind: DocumentKind, records: ReturnRecords, company: doc.CompanyDetails,
              lang: Lang, prepared_by: str) -> bytes:
        ret = records.ret
        if kind is DocumentKind.RETURN_FORM:
            return return_form_pdf(records.return_info(), company, lang)
        if kind is DocumentKind.INVOICE:
            order = records.order_info()
            return invoice_pdf(doc.InvoiceInfo(f"INV-{order.order_number}", order.placed_at,
                                               order), company, lang)
        if kind is DocumentKind.LABEL:
            return return_labels_pdf(records.labels(), company, lang, self._label_dpi)
        if kind is DocumentKind.TAG:
            return item_tags_pdf(records.tags(), company, lang, self._label_dpi)
        if kind is DocumentKind.INSPECTION_REPORT:
            inspections = records.inspections()
            if not inspections:
                raise ValidationError(
                    "error.no-finished-inspection",
                    rma_number=ret.rma_number,
                )
            return inspection_reports_pdf(inspections, company, lang)
        if kind is DocumentKind.CREDIT_NOTE:
            return self._credit_note(records, company, lang)
        return evidence_package_pdf(doc.EvidenceCase(
            order=records.order_info(), ret=records.return_info(),
            timeline=records.timeline(), receipt=records.receipt(),
            inspections=tuple(records.inspections()),
            communications=records.communications(), prepared_by=prepared_by,
            prepared_at=self._clock(), emails=records.emails()), company, lang)

    def _credit_note(self, records: ReturnRecords, company: doc.CompanyDetails,
                     lang: Lang) -> bytes:
        refundable = [r for r in records.inspections()
                      if r.final_decision is Decision.ELIGIBLE and r.refund is not None]
        if not refundable:
            raise ValidationError(
                "error.no-refund-approved",
                rma_number=records.ret.rma_number,
            )
        # One label, one deduction: the return's refund, its deductions taken once.
        refund = records.whole_refund()
        approved_by = next((r.override.by for r in refundable if r.override), None)
        # The first print issues the note; a reprint keeps that date and says it is a copy.
        now = self._clock()
        issued = records.ret.credit_note_issued_at
        reprint = issued is not None
        if issued is None:
            records.ret.credit_note_issued_at = issued = now
        note = doc.CreditNoteInfo(
            credit_note_number=f"CN-{records.ret.rma_number}", issued_at=issued,
            copy_printed_at=now if reprint else None,
            rma_number=records.ret.rma_number, order_number=records.order.order_number,
            customer=records.customer(), reason_code=records.ret.reason_code,
            lines=tuple(r.line for r in refundable), refund=refund,
            payment=records.payment(), approved_by=approved_by)
        return credit_note_pdf(note, company, lang)

    def batch(self, actor: Actor, kind: DocumentKind, rmas: Sequence[str],
              lang: Lang = "en", progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> Document:
        """Labels or tags for many returns in one PDF; restricted returns are left out."""
        _check_batch(actor, kind, rmas)
        with self._store.session() as s:
            pdf, _, skipped = self._batch_pages(s, kind, rmas, lang, self._label_dpi,
                                                progress, cancelled)
            reference = self._record_batch(s, actor, kind, rmas, skipped)
        return Document(kind, reference, pdf)

    def send_batch_to_label_printer(
        self, actor: Actor, kind: DocumentKind, rmas: Sequence[str], printer: LabelPrinter,
        lang: Lang = "en", progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> LabelJob:
        """Labels or tags for many returns (one per carton) sent to the label printer as
        one job; restricted returns are left out; audited as printed only once sent."""
        _check_batch(actor, kind, rmas)
        with self._store.read_session() as s:
            pdf, count, skipped = self._batch_pages(s, kind, rmas, lang, printer.dpi,
                                                    progress, cancelled)
        sent = printer.print_pages(pdf)  # no session is open while the printer is asked
        with self._store.session() as s:
            reference = self._record_batch(s, actor, kind, rmas, skipped,
                                           printer=str(printer.address), labels=count)
        return LabelJob(kind, reference, count, sent, str(printer.address))

    def _record_batch(self, s: Session, actor: Actor, kind: DocumentKind,
                      rmas: Sequence[str], skipped: list[str], **sent: object) -> str:
        """The batch in the audit trail (with where it was sent, if it was); its name."""
        printed = len(rmas) - len(skipped)
        record_event(s, actor.username, AuditAction.PRINTED, at=self._clock(),
                     entity_kind="batch", entity_key=kind.value,
                     after={"returns": printed, "skipped": skipped[:50], **sent})
        return f"batch-{printed}"

    def _batch_pages(self, s: Session, kind: DocumentKind, rmas: Sequence[str], lang: Lang,
                     dpi: int, progress: Progress | None, cancelled: Cancelled | None,
                     ) -> tuple[bytes, int, list[str]]:
        """The labels or tags of every printable return among ``rmas``, one a page with
        bars in whole dots at ``dpi``; how many; and the returns left out (unknown or
        restricted)."""
        labels: list[doc.LabelInfo] = []
        tags: list[doc.ItemTagInfo] = []
        skipped: list[str] = []
        for index, rma in enumerate(rmas, start=1):
            if cancelled is not None and cancelled():
                raise PrintCancelledError("error.printing-cancelled")
            ret = s.scalar(select(ReturnRequest)
                           .where(ReturnRequest.rma_number == normalize_code(rma)))
            if ret is None or ret.restricted:
                skipped.append(rma)
                continue
            records = ReturnRecords(s, ret, self._policies, self._photos)
            if kind is DocumentKind.LABEL:
                labels.extend(records.labels())
            else:
                tags.extend(records.tags())
            if progress is not None:
                progress(index, len(rmas))
        if not labels and not tags:
            raise ValidationError("error.nothing-printable")
        pdf, count = _label_stock_pdf(kind, labels or tags, self.company(), lang, dpi)
        return pdf, count, skipped

    def rmas_with_status(self, status: ReturnStatus, limit: int = BATCH_LIMIT) -> list[str]:
        with self._store.read_session() as s:
            return list(s.scalars(select(ReturnRequest.rma_number)
                                  .where(ReturnRequest.status == status)
                                  .order_by(ReturnRequest.rma_number).limit(limit)))


def company_details() -> doc.CompanyDetails:
    """The company on the papers: resources/company.toml, or the user's own override."""
    override = user_company_file()
    return load_company(override=override if override.exists() else None)


def send_test_label(printer: LabelPrinter, clock: Clock = utc_now,
                    lang: Lang = "en") -> LabelJob:
    """The label printer's test label (frame, darkness ladder, a Code 128 and a QR code)
    sent as one job. It needs no database and belongs to no return: nothing is audited."""
    pdf = printer_test_label_pdf(str(printer.address), printer.dpi, printer.darkness,
                                 clock(), company_details(), lang)
    sent = printer.print_pages(pdf)
    return LabelJob(DocumentKind.LABEL, test_code(printer.dpi), 1, sent, str(printer.address))


@dataclass(frozen=True)
class LabelJob:
    """Labels or tags the label printer has taken: how many, how many bytes, and where."""

    kind: DocumentKind
    reference: str
    labels: int
    bytes_sent: int
    printer: str


def _require_label_stock(kind: DocumentKind) -> None:
    if not kind.is_label_stock:
        raise ValueError(f"{kind} is not printed on label stock")


def _check_batch(actor: Actor, kind: DocumentKind, rmas: Sequence[str]) -> None:
    actor.require(Action.PRINT)
    _require_label_stock(kind)
    if len(rmas) > BATCH_LIMIT:
        raise ValidationError("error.batch-too-large", count=len(rmas), limit=BATCH_LIMIT)


def _label_stock_pdf(kind: DocumentKind, items: Sequence[doc.LabelInfo] | Sequence[
        doc.ItemTagInfo], company: doc.CompanyDetails, lang: Lang, dpi: int,
                     ) -> tuple[bytes, int]:
    """The labels or tags, one a page, their bars in whole dots at ``dpi``; and how many."""
    if kind is DocumentKind.LABEL:
        labels = [i for i in items if isinstance(i, doc.LabelInfo)]
        return return_labels_pdf(labels, company, lang, dpi), len(labels)
    tags = [i for i in items if isinstance(i, doc.ItemTagInfo)]
    return item_tags_pdf(tags, company, lang, dpi), len(tags)
