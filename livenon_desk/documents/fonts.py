"""The one embedded font of every document: WenQuanYi Micro Hei (Latin and Chinese).

ReportLab's ``TTFont`` embeds (and subsets) TrueType-outline fonts, so Chinese text prints
and displays on a machine that has no Chinese font. The built-in CID fonts (STSong-Light)
are not embedded and would need the reader's own fonts; they are not used.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from livenon_desk.errors import KnownError
from livenon_desk.paths import RESOURCES_DIR

log = logging.getLogger(__name__)

FONT = "LivenonSans"
FONT_FILE = RESOURCES_DIR / "fonts" / "WenQuanYiMicroHei-subset.ttf"


class FontMissingError(KnownError):
    """The document font file is not where the desk expects it."""


@cache
def register_fonts(path: Path = FONT_FILE) -> str:
    """Register the document font once; returns its name for styles and canvases."""
    try:
        font = TTFont(FONT, str(path))
    except OSError as exc:
        raise FontMissingError("error.font-unreadable", path=path, exc=exc) from exc
    pdfmetrics.registerFont(font)
    # One weight only: <b> and <i> in markup fall back to the same face instead of failing.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)
    log.debug("registered %s from %s (%d glyphs)", FONT, path, len(font.face.charToGlyph))
    return FONT


@cache
def covered_code_points() -> frozenset[int]:
    """The code points the document font can draw."""
    font = pdfmetrics.getFont(register_fonts())
    if not isinstance(font, TTFont):
        raise TypeError(f"{FONT} is registered as {type(font).__name__}, not a TrueType font")
    return frozenset(font.face.charToGlyph)
