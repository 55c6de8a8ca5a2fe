"""The label printer's test label: what IT prints once when a station's printer is set up.

It shows at a glance what a real label needs: a frame a few dots inside the stock's edges
(the size and the position), bars of one, two and three dots (the darkness: thin bars
that print grey want more, bars that bleed together want less), a Code 128 and a QR code a
scanner must read, and the settings it was printed with.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.pdfgen.canvas import Canvas

from livenon_desk.documents.barcodes import dot, draw_code128, draw_qr
from livenon_desk.documents.data import CompanyDetails, Lang
from livenon_desk.documents.formatting import moment
from livenon_desk.documents.glyphs import printable
from livenon_desk.documents.label_stock import label_pages
from livenon_desk.documents.styles import LABEL_4X6
from livenon_desk.documents.texts import tr

PAD = 12.0
WIDTH, HEIGHT = LABEL_4X6


def test_code(dpi: int) -> str:
    """What the test label's barcodes hold."""
    return f"LIVENON-TEST-{dpi}"


def printer_test_label_pdf(printer: str, dpi: int, darkness: int, printed_at: datetime,
                           company: CompanyDetails, lang: Lang = "en") -> bytes:
    """One 4x6 inch page, its bars in whole dots at ``dpi``."""
    def draw(canvas: Canvas, _item: None, font: str) -> None:
        _draw(canvas, font, printer, dpi, darkness, printed_at, company, lang)

    return label_pages([None], f"Label printer test {dpi} dpi", company, draw)


def _draw(canvas: Canvas, font: str, printer: str, dpi: int, darkness: int,
          printed_at: datetime, company: CompanyDetails, lang: Lang) -> None:
    size = dot(dpi)
    # The frame: two dots wide, four dots inside the edges, each side on whole dots.
    across, down = round(WIDTH / size), round(HEIGHT / size)
    for side in ((4, 4, across - 8, 2), (4, down - 6, across - 8, 2),
                 (4, 4, 2, down - 8), (across - 6, 4, 2, down - 8)):
        left, bottom, wide, high = (dots * size for dots in side)
        canvas.rect(left, bottom, wide, high, stroke=0, fill=1)
    y = HEIGHT - PAD - 22
    canvas.setFont(font, 20)
    canvas.drawString(PAD, y, printable(tr("doc.test-label.title", lang)))
    canvas.setFont(font, 10)
    lines = [printer, tr("doc.test-label.settings", lang, dpi=str(dpi),
                         darkness=f"{darkness:+d}" if darkness else "0"),
             moment(printed_at, lang, company.time_zone),
             tr("doc.test-label.frame", lang)]
    for line in lines:
        y -= 16
        canvas.drawString(PAD, y, printable(line))
    # The darkness ladder: bars one, two and three dots wide, a bar's width apart.
    y -= 70
    canvas.setFont(font, 8)
    x = PAD
    for width in (1, 2, 3):
        canvas.drawString(x, y + 52, tr("doc.test-label.dots", lang, count=str(width)))
        left = round(x / size)
        for bar in range(12):
            canvas.rect((left + 2 * width * bar) * size, y, width * size, 48, stroke=0,
                        fill=1)
        x += 88
    code = test_code(dpi)
    draw_code128(canvas, code, PAD, PAD + 130, WIDTH - 2 * PAD, 70, dpi=dpi)
    canvas.setFont(font, 12)
    canvas.drawCentredString(WIDTH / 2, PAD + 114, code)
    draw_qr(canvas, code, WIDTH / 2 - 48, PAD + 6, 96)
