"""Fitting text into a fixed box on a label: wrap, then shrink, never cut.

Labels are drawn straight onto the canvas (no flowables), so this module does what a
Paragraph would: break lines at spaces, or between any two characters when a word (or a
run of Chinese) is longer than the box, and make the type smaller until it fits. Text
that cannot fit even at the smallest size is an error, not a silent truncation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from livenon_desk.catalogue import Message
from livenon_desk.errors import KnownError


class TextDoesNotFitError(KnownError):
    """Text is too long for the box a label gives it, even in the smallest type."""


@dataclass(frozen=True)
class FittedText:
    lines: tuple[str, ...]
    size: float
    leading: float

    @property
    def height(self) -> float:
        return self.leading * len(self.lines)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for char in word:
            if current and stringWidth(current + char, font, size) > width:
                lines.append(current)
                current = char
            else:
                current += char
    if current:
        lines.append(current)
    return lines


def fit(
    paragraphs: Sequence[str], font: str, *, size: float, min_size: float, width: float,
    height: float, what: str = "field.text",
) -> FittedText:
    """The largest size from ``size`` down to ``min_size`` at which all ``paragraphs`` fit."""
    step = size
    while step >= min_size - 1e-9:
        lines = [line for p in paragraphs for line in wrap(p, font, step, width)]
        leading = step * 1.18
        if leading * len(lines) <= height:
            return FittedText(tuple(lines), step, leading)
        step -= 0.5
    raise TextDoesNotFitError(
        "error.label-text-too-long",
        what=Message.of(what),
        start=" / ".join(paragraphs)[:80],
    )
