"""Checking a printed inspection report against the record: the hash in the report's QR
code against the hash of the inspection as the database holds it, made the same way as
when the report was printed."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from livenon_desk.documents.content_hash import ReportReference, inspection_hash
from livenon_desk.documents.report_reading import report_references
from livenon_desk.domain.policy import PolicySet
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.errors import KnownError
from livenon_desk.models import Inspection, ReturnLine, ReturnRequest
from livenon_desk.services.document_records import ReturnRecords
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles

log = logging.getLogger(__name__)


class CheckOutcome(StrEnum):
    MATCHES = "matches"
    DIFFERS = "differs"  # the record, or the paper, changed since it was printed
    UNKNOWN = "unknown"  # no such finished inspection of that return in this database


@dataclass(frozen=True)
class ReportCheck:
    reference: ReportReference
    outcome: CheckOutcome
    record_hash: str | None = None


class NoReportCodeError(KnownError):
    """The file holds no inspection report QR code."""


class ReportVerifier:
    def __init__(self, store: Store, policies: PolicySet, photos: PhotoFiles) -> None:
        self._store = store
        self._policies = policies
        self._photos = photos

    def verify(self, actor: Actor, pdf: bytes, name: str) -> list[ReportCheck]:
        """One check per inspection whose report QR code is on the pages."""
        actor.require(Action.PRINT)
        references = report_references(pdf, name)
        if not references:
            raise NoReportCodeError("error.no-report-code", name=name)
        return [self._check(reference) for reference in references]

    def _check(self, reference: ReportReference) -> ReportCheck:
        with self._store.read_session() as s:
            row = s.execute(
                select(Inspection, ReturnRequest)
                .join(ReturnLine, ReturnLine.id == Inspection.return_line_id)
                .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
                .where(Inspection.uuid == reference.inspection_id)).first()
            if row is None or row[1].rma_number != reference.rma_number:
                return ReportCheck(reference, CheckOutcome.UNKNOWN)
            records = ReturnRecords(s, row[1], self._policies, self._photos)
            record = next((r for r in records.inspections()
                           if r.inspection_id == reference.inspection_id), None)
        if record is None:
            return ReportCheck(reference, CheckOutcome.UNKNOWN)
        digest = inspection_hash(record)
        outcome = (CheckOutcome.MATCHES if digest == reference.content_hash
                   else CheckOutcome.DIFFERS)
        log.info("report of inspection %s: %s", reference.inspection_id, outcome.value)
        return ReportCheck(reference, outcome, digest)
