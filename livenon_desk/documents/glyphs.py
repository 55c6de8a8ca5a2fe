"""Text made safe for the document font: characters it cannot draw become a visible box.

An emoji or a rare ideograph outside the font is not dropped silently (a name would lose
a letter without anyone noticing) and does not crash the document: it prints as ``□`` and
the replacement is logged.
"""

from __future__ import annotations

import logging
from xml.sax.saxutils import escape

from livenon_desk.documents.fonts import covered_code_points

log = logging.getLogger(__name__)

MISSING = "□"
# Joiners, variation selectors and skin-tone modifiers only shape a neighbour: drop them
# so that one emoji becomes one box, not three.
_SHAPING = frozenset(
    [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, *range(0xFE00, 0xFE10), *range(0x1F3FB, 0x1F400)]
)


def printable(text: str) -> str:
    """``text`` with every character the font lacks replaced by ``□``."""
    covered = covered_code_points()
    if all(ord(c) in covered for c in text):
        return text
    out: list[str] = []
    missing: list[str] = []
    for c in text:
        cp = ord(c)
        if cp in covered:
            out.append(c)
        elif c in "\n\t":
            out.append(" " if c == "\t" else c)
        elif cp in _SHAPING or cp < 0x20:
            continue
        else:
            out.append(MISSING)
            missing.append(f"U+{cp:04X}")
    if missing:
        log.warning("document font lacks %s; printed as %s", ", ".join(missing), MISSING)
    return "".join(out)


def markup(text: str | None) -> str:
    """Paragraph markup for plain ``text``: escaped, font-safe, line breaks kept."""
    if not text:
        return ""
    return escape(printable(text)).replace("\n", "<br/>")
