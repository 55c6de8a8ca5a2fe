"""Page sizes, margins, colours and paragraph styles shared by every document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm
from reportlab.platypus import TableStyle

from livenon_desk.documents.fonts import register_fonts

LABEL_4X6 = (4 * inch, 6 * inch)  # portrait, as a thermal label printer feeds it
PAPERS = {"letter": LETTER, "a4": A4}
MARGIN = 16 * mm
HEADER_HEIGHT = 22 * mm
FOOTER_HEIGHT = 12 * mm

INK = colors.HexColor("#1D2430")
BRAND = colors.HexColor("#1F4E5F")
MUTED_HEX = "#5F6B7A"
MUTED = colors.HexColor(MUTED_HEX)
RULE = colors.HexColor("#C9D1DA")
SHADE = colors.HexColor("#EEF2F5")
PASS = colors.HexColor("#2E7D32")
FAIL = colors.HexColor("#B3261E")
REVIEW = colors.HexColor("#A15C00")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    bullet: ParagraphStyle
    checkbox: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    key: ParagraphStyle
    value: ParagraphStyle
    total: ParagraphStyle
    mono: ParagraphStyle
    centered: ParagraphStyle
    copy: ParagraphStyle


@cache
def styles() -> Styles:
    font = register_fonts()

    def style(name: str, size: float, **kw: object) -> ParagraphStyle:
        kw.setdefault("leading", size * 1.32)
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=font, fontSize=size, **kw)  # type: ignore[arg-type]

    return Styles(
        body=style("body", 9.5, spaceAfter=3),
        bullet=style("bullet", 9.5, spaceAfter=3, leftIndent=11, bulletIndent=0,
                     bulletFontName=font),
        checkbox=style("checkbox", 9.5, spaceAfter=3, leftIndent=15, bulletIndent=0,
                       bulletFontName=font, bulletFontSize=12),
        small=style("small", 8),
        muted=style("muted", 7.5, textColor=MUTED),
        title=style("title", 20, textColor=BRAND, leading=24),
        heading=style("heading", 11.5, textColor=BRAND, spaceBefore=9, spaceAfter=4),
        cell=style("cell", 8.5),
        cell_right=style("cell_right", 8.5, alignment=TA_RIGHT),
        cell_head=style("cell_head", 8, textColor=colors.white),
        cell_head_right=style("cell_head_right", 8, textColor=colors.white,
                              alignment=TA_RIGHT),
        key=style("key", 8, textColor=MUTED),
        value=style("value", 9.5),
        total=style("total", 11, alignment=TA_RIGHT, textColor=BRAND),
        mono=style("mono", 7.5, textColor=MUTED),
        centered=style("centered", 8, alignment=TA_CENTER, textColor=MUTED),
        copy=style("copy", 10, alignment=TA_CENTER, textColor=FAIL, borderColor=FAIL,
                   borderWidth=1, borderPadding=4, spaceBefore=4, spaceAfter=4),
    )


def table_style(commands: Sequence[Any]) -> TableStyle:
    """A table style whose plain-text cells use the embedded font, not Helvetica."""
    return TableStyle([("FONT", (0, 0), (-1, -1), register_fonts()), *commands])
