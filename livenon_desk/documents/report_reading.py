"""Reading a printed inspection report back: the QR codes on its pages, from the report's
PDF or from a scan of the paper saved as PDF."""

from __future__ import annotations

import logging

import pypdfium2 as pdfium
import zxingcpp

from livenon_desk.documents.content_hash import ReportReference, parse_payload
from livenon_desk.errors import KnownError

log = logging.getLogger(__name__)

READ_DPI = 200
MAX_PAGES = 200
QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


class UnreadablePdfError(KnownError):
    """The file is not a PDF that can be opened."""


def report_references(pdf: bytes, name: str) -> list[ReportReference]:
    """Every inspection report QR code on the pages, in page order, each once."""
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        log.info("%s cannot be opened as a PDF: %s", name, exc)
        raise UnreadablePdfError("error.pdf-unreadable", name=name, exc=exc) from exc
    found: list[ReportReference] = []
    try:
        for index in range(min(len(document), MAX_PAGES)):
            page = document[index]
            image = page.render(scale=READ_DPI / 72, grayscale=True).to_pil()
            page.close()
            for result in zxingcpp.read_barcodes(image, formats=QR_ONLY):
                reference = parse_payload(result.text)
                if reference is not None and reference not in found:
                    found.append(reference)
    finally:
        document.close()
    return found
