"""The frame of every office document: letterhead, footer and "page X of Y"."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, PageTemplate, Paragraph
from reportlab.platypus import Frame as PdfFrame

from livenon_desk.documents.data import CompanyDetails, Lang
from livenon_desk.documents.fonts import register_fonts
from livenon_desk.documents.glyphs import printable
from livenon_desk.documents.styles import (
    BRAND,
    FOOTER_HEIGHT,
    HEADER_HEIGHT,
    MARGIN,
    MUTED,
    PAPERS,
    RULE,
)
from livenon_desk.documents.texts import tr

HEADING_ROOM = 80.0  # points: a heading and about three table rows


@dataclass(frozen=True)
class Frame:
    company: CompanyDetails
    lang: Lang
    title_key: str
    reference: str

    @property
    def title(self) -> str:
        return tr(self.title_key, self.lang)


def build_pdf(frame: Frame, story: list[Flowable], *, pagesize: tuple[float, float] | None = None,
              subject: str | None = None) -> bytes:
    """Lay ``story`` out on the company's paper inside the letterhead; returns the PDF."""
    register_fonts()
    buffer = io.BytesIO()
    size = pagesize or PAPERS[frame.company.paper]
    doc = BaseDocTemplate(
        buffer, pagesize=size,
        leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_HEIGHT, bottomMargin=MARGIN + FOOTER_HEIGHT,
        title=f"{tr(frame.title_key, 'en')} {frame.reference}",
        author=frame.company.legal_name, subject=subject or frame.reference,
        creator=frame.company.name,
        # Else every page names Helvetica, a font the PDF does not embed.
        initialFontName=register_fonts(),
    )
    body = PdfFrame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height,
                    leftPadding=0, rightPadding=0, topPadding=8, bottomPadding=0)

    def on_page(canvas: Canvas, _doc: Any) -> None:
        _letterhead(canvas, frame, size)

    doc.addPageTemplates([PageTemplate("page", [body], onPage=on_page)])
    doc.build(_no_orphan_headings(story), canvasmaker=_numbered_canvas(frame))
    return buffer.getvalue()


def _no_orphan_headings(story: list[Flowable]) -> list[Flowable]:
    """A heading starts a new page unless a few lines of its section fit under it; unlike
    keep-with-next, a long table under it still flows from where it starts."""
    out: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, Paragraph) and flowable.style.name == "heading":
            out.append(CondPageBreak(HEADING_ROOM))
        out.append(flowable)
    return out


def content_width(company: CompanyDetails) -> float:
    return PAPERS[company.paper][0] - 2 * MARGIN


def _letterhead(canvas: Canvas, frame: Frame, size: tuple[float, float]) -> None:
    font = register_fonts()
    company = frame.company
    width, height = size
    top = height - MARGIN
    canvas.saveState()
    canvas.setFillColor(BRAND)
    canvas.setFont(font, 20)
    canvas.drawString(MARGIN, top - 18, printable(company.name.upper()))
    canvas.setFillColor(MUTED)
    canvas.setFont(font, 7.5)
    address = company.address
    lines = [
        printable(", ".join(address.lines()[1:] if address.recipient == company.legal_name
                            else address.lines())),
        printable(f"{company.phone}  ·  {company.email}  ·  {company.website}"),
    ]
    for i, line in enumerate(lines):
        canvas.drawString(MARGIN, top - 32 - i * 10, line)
    right = width - MARGIN
    canvas.setFillColor(BRAND)
    canvas.setFont(font, 15)
    canvas.drawRightString(right, top - 16, printable(frame.title))
    canvas.setFillColor(MUTED)
    canvas.setFont(font, 8.5)
    sub = frame.reference
    if frame.lang == "zh":
        sub = f"{tr(frame.title_key, 'en')}  ·  {sub}"
    canvas.drawRightString(right, top - 30, printable(sub))
    canvas.setStrokeColor(BRAND)
    canvas.setLineWidth(1.2)
    rule_y = top - HEADER_HEIGHT + 4
    canvas.line(MARGIN, rule_y, right, rule_y)
    canvas.restoreState()


def _numbered_canvas(frame: Frame) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each can say "of Y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _footer(self, frame, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _footer(canvas: Canvas, frame: Frame, page: int, pages: int) -> None:
    font = register_fonts()
    width = float(canvas._pagesize[0])  # type: ignore[attr-defined]
    company = frame.company
    y = MARGIN
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, y + 14, width - MARGIN, y + 14)
    canvas.setFillColor(MUTED)
    canvas.setFont(font, 7.5)
    left = (f"{company.legal_name}  ·  {tr('doc.tax-id', frame.lang)} {company.tax_id}"
            f"  ·  {frame.reference}")
    canvas.drawString(MARGIN, y + 3, printable(left))
    canvas.drawRightString(width - MARGIN, y + 3,
                           tr("doc.page-of", frame.lang, page=str(page), pages=str(pages)))
    canvas.restoreState()
