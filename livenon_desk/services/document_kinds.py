"""The kinds of printed document, and a made document, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DocumentKind(StrEnum):
    RETURN_FORM = "return-form"
    INVOICE = "invoice"
    LABEL = "label"
    TAG = "tag"
    INSPECTION_REPORT = "inspection-report"
    CREDIT_NOTE = "credit-note"
    EVIDENCE = "evidence"

    @property
    def is_label_stock(self) -> bool:
        """4x6 inch stock for the label printer; the rest goes to the office printer."""
        return self in (DocumentKind.LABEL, DocumentKind.TAG)


@dataclass(frozen=True)
class Document:
    kind: DocumentKind
    reference: str  # the return's RMA, or "batch-N" for many returns
    pdf: bytes
    is_batch: bool = False

    @property
    def file_name(self) -> str:
        return f"{self.reference}-{self.kind.value}.pdf"


@dataclass(frozen=True)
class LabelJob:
    """Labels or tags the label printer has taken: how many, how many bytes, and where."""

    kind: DocumentKind
    reference: str
    labels: int
    bytes_sent: int
    printer: str
