"""The kinds of printed document, and a made document, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


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
    reference: str
    pdf: bytes

    @property
    def file_name(self) -> str:
        return f"{self.reference}-{self.kind.value}.pdf"

    @property
    def is_label_stock(self) -> bool:
        return self.kind.is_label_stock


@dataclass(frozen=True)
class FloorDocument:
    """A document of the warehouse floor, not of one return: an RTV shipment's, a lot's
    manifest or pallet label; ``name`` names it in its file's name."""

    name: str
    reference: str
    pdf: bytes
    is_label_stock: bool = False

    @property
    def file_name(self) -> str:
        return f"{self.reference}-{self.name}.pdf"


class Printable(Protocol):
    """What the print preview shows and prints: a return's document or a floor's."""

    @property
    def pdf(self) -> bytes: ...

    @property
    def file_name(self) -> str: ...

    @property
    def is_label_stock(self) -> bool: ...
