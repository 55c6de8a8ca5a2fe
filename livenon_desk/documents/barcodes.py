"""Code 128 and QR codes, drawn by ReportLab, sized for a scanner to read them.

The narrowest Code 128 bar is kept between ``MIN_BAR`` and ``MAX_BAR`` points (a 203 dpi
thermal printer's dot is 0.35 pt, so at least two dots), with ten modules of quiet zone on
each side.
"""

from __future__ import annotations

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from livenon_desk.documents.fonts import register_fonts
from livenon_desk.errors import KnownError

MIN_BAR = 0.7  # points
MAX_BAR = 1.6


class BarcodeTooLongError(KnownError):
    """A code has too many characters for the space the document gives its barcode."""


def code128(value: str, width: float, height: float) -> Code128:
    """A Code 128 of ``value`` at most ``width`` wide (quiet zones included)."""
    probe = Code128(value, barWidth=1.0, barHeight=height, humanReadable=0)
    bar = min(MAX_BAR, width / probe.width)
    if bar < MIN_BAR:
        raise BarcodeTooLongError(
            f"The code {value!r} is too long for a readable barcode here.",
            f"编码 {value!r} 太长，无法在此处打印可读的条形码。",
        )
    return Code128(value, barWidth=bar, barHeight=height, humanReadable=0)


def draw_code128(
    canvas: Canvas, value: str, x: float, y: float, width: float, height: float,
    *, centered: bool = True,
) -> float:
    """Draw the Code 128 with its lower left at (x, y); returns the width it took."""
    barcode = code128(value, width, height)
    left = x + (width - barcode.width) / 2 if centered else x
    barcode.drawOn(canvas, left, y)
    return float(barcode.width)


def qr(value: str, size: float) -> Drawing:
    """A QR code (error correction M, with its four-module quiet zone) ``size`` square."""
    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    # The drawing's own font, so the PDF does not name Helvetica, which it does not embed.
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0],
                      initialFontName=register_fonts())
    drawing.add(widget)
    return drawing


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    qr(value, size).drawOn(canvas, x, y)
