"""Pages of 4x6 inch label stock: one item a page, for the label printer."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import TypeVar

from reportlab.pdfgen.canvas import Canvas

from livenon_desk.documents.data import CompanyDetails
from livenon_desk.documents.fonts import register_fonts
from livenon_desk.documents.styles import LABEL_4X6

T = TypeVar("T")



def label_pages(items: Sequence[T], title: str, company: CompanyDetails,
                draw: Callable[[Canvas, T, str], None]) -> bytes:
    """A PDF with ``draw(canvas, item, font)`` on a page of its own for each item."""
    font = register_fonts()
    buffer = io.BytesIO()
    # The stubs type initialFontName as a number; ReportLab takes the font's name.
    canvas = Canvas(buffer, pagesize=LABEL_4X6, initialFontName=font)  # type: ignore[arg-type]
    canvas.setTitle(title)
    canvas.setAuthor(company.legal_name)
    for item in items:
        draw(canvas, item, font)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
