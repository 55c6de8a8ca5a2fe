"""Code 128 and QR codes, drawn by ReportLab, sized for a scanner to read them.

A Code 128 module (the narrowest bar) is a whole number of printer dots, so a thermal
printer prints every bar exactly as wide as drawn: at 203 dpi a dot is 72/203 pt, and a
module of 0.785 pt (2.21 dots) would print some bars 2 dots wide and others 3. Modules
are kept between ``MIN_BAR`` and ``MAX_BAR`` points. The quiet zone, ten modules of white
on each side, is space beside the bars, not more bars: the modules are sized so that the
bars and both quiet zones fit the width given, and on label stock the bars start on a
whole dot.
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache

import segno
from reportlab.graphics.barcode.code128 import Code128
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from livenon_desk.errors import KnownError

MIN_BAR = 0.7  # points: 2 dots at 203 dpi, 3 at 300
MAX_BAR = 1.6
QUIET_MODULES = 10
OFFICE_DPI = 300  # office printers print at 300 or 600 dpi: whole dots at both


class BarcodeTooLongError(KnownError):
    """A code has too many characters for the space the document gives its barcode."""


def dot(dpi: int) -> float:
    """One printer dot, in points."""
    return 72 / dpi


def modules(value: str) -> int:
    """The width of the Code 128 of ``value`` in modules, bars only (no quiet zone)."""
    first, span = bars(value)[-1]
    return first + span


def module_dots(value: str, width: float, dpi: int) -> int:
    """The module width in whole dots that fits the bars, both quiet zones and one dot to
    place them on the dot grid into ``width`` points."""
    size = dot(dpi)
    fits = math.floor((width - size) / (modules(value) + 2 * QUIET_MODULES) / size)
    most = min(fits, math.floor(MAX_BAR / size + 1e-9))
    if most < math.ceil(MIN_BAR / size - 1e-9):
        raise BarcodeTooLongError("error.barcode-too-long", code=value)
    return most


def code128(value: str, width: float, height: float, dpi: int = OFFICE_DPI) -> Code128:
    """A Code 128 of ``value`` at most ``width`` wide, quiet zones included, its modules
    whole dots at ``dpi``."""
    bar = module_dots(value, width, dpi) * dot(dpi)
    quiet = QUIET_MODULES * bar
    return Code128(value, barWidth=bar, barHeight=height, humanReadable=0,
                   lquiet=quiet, rquiet=quiet)


@lru_cache(maxsize=4096)
def bars(value: str) -> tuple[tuple[int, int], ...]:
    """The Code 128 of ``value`` as bars: (first module, width in modules) for each."""
    probe = Code128(value, barWidth=1.0, quiet=0, humanReadable=0)
    probe.width  # noqa: B018 - computing the width encodes the value into ``decomposed``
    found = []
    at = 0
    for element in probe.decomposed:
        span = ord(element.lower()) - ord("a") + 1
        if element.isupper():
            found.append((at, span))
        at += span
    return tuple(found)


def draw_code128(
    canvas: Canvas, value: str, x: float, y: float, width: float, height: float,
    *, dpi: int, centered: bool = True,
) -> float:
    """Draw the Code 128 in the box from ``x`` to ``x + width`` (quiet zones inside it),
    its bars from ``y`` up, each bar's edges on whole dots of the page at ``dpi``; returns
    the width of the bars."""
    size = dot(dpi)
    step = module_dots(value, width, dpi)
    pattern = bars(value)
    total = modules(value) * step  # in dots
    quiet = QUIET_MODULES * step
    ideal = (x / size + (width / size - total) / 2) if centered else x / size + quiet
    lowest = math.ceil(x / size + quiet - 1e-9)
    highest = math.floor((x + width) / size - quiet - total + 1e-9)
    left = min(max(round(ideal), lowest), highest)
    # Drawn in units of one dot, so every edge is a whole number in the file: a point
    # value would be written rounded and could land a hair past a dot, which a renderer
    # may round up into one more dot. The unit is a hair under a dot for the same reason.
    canvas.saveState()
    canvas.translate(0, y)
    canvas.scale(math.floor(size * 1e6) / 1e6, 1)
    path = canvas.beginPath()
    for first, span in pattern:
        path.rect(left + first * step, 0, span * step, height)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    return total * size


QR_QUIET_MODULES = 4


@lru_cache(maxsize=4096)
def qr_runs(value: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The QR code of ``value`` (error correction M at least), encoded once: its size in
    modules and its dark runs as (row from the top, first column, length).

    Encoding is most of a label's time (every mask pattern is tried and scored), and
    ReportLab's widget encodes twice, once to measure and once to draw; the cache also
    spares a return's other cartons, whose labels carry the same RMA."""
    matrix = segno.make_qr(value, error="m").matrix
    runs = []
    for row, cells in enumerate(matrix):
        column = 0
        for dark, group in itertools.groupby(cells):
            length = sum(1 for _ in group)
            if dark:
                runs.append((row, column, length))
            column += length
    return len(matrix), tuple(runs)


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """The QR code of ``value``, with its four-module quiet zone, ``size`` square, its
    lower left at (x, y): one filled path of the dark runs."""
    count, runs = qr_runs(value)
    box = size / (count + 2 * QR_QUIET_MODULES)
    canvas.saveState()
    canvas.translate(x + QR_QUIET_MODULES * box, y + QR_QUIET_MODULES * box)
    canvas.scale(box, box)
    path = canvas.beginPath()
    for row, column, length in runs:
        path.rect(column, count - 1 - row, length, 1)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class QrFlowable(Flowable):
    """A QR code for a Platypus story or table cell, ``size`` square."""

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.value = value
        self.width = self.height = size

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_qr(self.canv, self.value, 0, 0, self.width)


def qr(value: str, size: float) -> Flowable:
    """A QR code (error correction M, with its four-module quiet zone) ``size`` square."""
    return QrFlowable(value, size)
