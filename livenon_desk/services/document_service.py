"""Printing: each document made from the database, in the customer's language or the one
asked for; labels and tags for many returns at once, with progress and cancel."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from sqlalchemy import select

from livenon_desk.documents import data as doc
from livenon_desk.documents.company import load_company, user_company_file
from livenon_desk.documents.credit_note import credit_note_pdf
from livenon_desk.documents.evidence_package import evidence_package_pdf
from livenon_desk.documents.inspection_report import inspection_reports_pdf
from livenon_desk.documents.invoice import invoice_pdf
from livenon_desk.documents.item_tag import item_tags_pdf
from livenon_desk.documents.label_stock import LABEL_DPI
from livenon_desk.documents.language import document_language
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
        override = user_company_file()
        return load_company(override=override if override.exists() else None)

    def render(self, actor: Actor, kind: DocumentKind, rma: str,
               lang: Lang | None = None) -> Document:
        """One document for one return; refused for a restricted return."""
        actor.require(Action.PRINT)
        code = normalize_code(rma)
        company = self.company()
        with self._store.session() as s:
            ret = s.scalar(select(ReturnRequest).where(ReturnRequest.rma_number == code))
            if ret is None:
                raise NotFoundError("error.no-return-with-rma", code=code)
            refuse_if_restricted(ret)
            records = ReturnRecords(s, ret, self._policies, self._photos)
            language = document_language(records.customer(), lang)
            pdf = self._make(kind, records, company, language, actor.name)
            record_event(s, actor.username, AuditAction.PRINTED, at=self._clock(),
                         entity_kind="return", entity_key=ret.rma_number,
                         after={"document": kind.value, "language": language})
        return Document(kind, code, pdf)

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
            prepared_at=self._clock()), company, lang)

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
        actor.require(Action.PRINT)
        if kind not in (DocumentKind.LABEL, DocumentKind.TAG):
            raise ValueError(f"{kind} is not printed in batches")
        if len(rmas) > BATCH_LIMIT:
            raise ValidationError(
                "error.batch-too-large",
                count=len(rmas),
                limit=BATCH_LIMIT,
            )
        company = self.company()
        labels: list[doc.LabelInfo] = []
        tags: list[doc.ItemTagInfo] = []
        skipped: list[str] = []
        with self._store.session() as s:
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
            pdf = (return_labels_pdf(labels, company, lang, self._label_dpi)
                   if kind is DocumentKind.LABEL
                   else item_tags_pdf(tags, company, lang, self._label_dpi))
            record_event(s, actor.username, AuditAction.PRINTED, at=self._clock(),
                         entity_kind="batch", entity_key=kind.value,
                         after={"returns": len(rmas) - len(skipped), "skipped": skipped[:50]})
        return Document(kind, f"batch-{len(rmas) - len(skipped)}", pdf)

    def rmas_with_status(self, status: ReturnStatus, limit: int = BATCH_LIMIT) -> list[str]:
        with self._store.read_session() as s:
            return list(s.scalars(select(ReturnRequest.rma_number)
                                  .where(ReturnRequest.status == status)
                                  .order_by(ReturnRequest.rma_number).limit(limit)))
