"""The 4x6 inch return label for a thermal printer (P4, T3).

From the customer to the returns warehouse; carrier and tracking number; the RMA as
Code 128 and QR; "RETURNED GOODS" in large type on a cross-border parcel (T3), so that no
second duty is charged. Drawn straight on the canvas: a label has a fixed layout, and a
label printer prints hundreds a day.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from livenon_desk.documents.barcodes import draw_code128, draw_qr
from livenon_desk.documents.data import Address, CompanyDetails, LabelInfo, Lang
from livenon_desk.documents.formatting import day
from livenon_desk.documents.glyphs import printable
from livenon_desk.documents.label_stock import label_pages
from livenon_desk.documents.printer_limits import LABEL_DPI
from livenon_desk.documents.romanization import romanize, romanize_name
from livenon_desk.documents.styles import LABEL_4X6
from livenon_desk.documents.text_fit import fit
from livenon_desk.documents.texts import tr
from livenon_desk.domain.countries import country_name

PAD = 12.0
TRACKING_BAND = 36.0
BARCODE_ROW_TOP = PAD + 124  # the order line above the bars and QR, with a little air
WIDTH, HEIGHT = LABEL_4X6


def return_label_pdf(label: LabelInfo, company: CompanyDetails, lang: Lang = "en",
                     dpi: int = LABEL_DPI) -> bytes:
    """One 4x6 inch page (288 x 432 points, portrait)."""
    return return_labels_pdf([label], company, lang, dpi)


def return_labels_pdf(labels: Sequence[LabelInfo], company: CompanyDetails, lang: Lang = "en",
                      dpi: int = LABEL_DPI) -> bytes:
    """One label a page, for a batch sent to the label printer; barcodes in whole dots of
    its resolution, ``dpi``."""
    title = (f"Return labels {labels[0].rma_number}" if len(labels) == 1
             else f"Return labels ({len(labels)})")
    return label_pages(labels, title, company,
                       lambda canvas, label, font: draw_label(canvas, label, company, lang,
                                                              font, dpi))


def draw_label(canvas: Canvas, label: LabelInfo, company: CompanyDetails, lang: Lang,
               font: str, dpi: int = LABEL_DPI) -> None:
    inner = WIDTH - 2 * PAD
    y = HEIGHT - PAD
    canvas.setFillColor(colors.black)
    canvas.setStrokeColor(colors.black)

    # Carrier and service, parcel count and weight.
    if label.carrier:  # else blank: the carrier's own label goes there
        canvas.setFont(font, 26)
        canvas.drawString(PAD, y - 24, printable(label.carrier.upper()))
    canvas.setFont(font, 8.5)
    if label.service:
        canvas.drawString(PAD, y - 37, printable(label.service))
    canvas.setFont(font, 18)
    canvas.drawRightString(WIDTH - PAD, y - 20, f"{label.parcel_index} / {label.parcel_count}")
    canvas.setFont(font, 8)
    right = [tr("doc.parcel", lang)]
    if label.weight_kg is not None:
        right.append(f"{label.weight_kg} kg")
    canvas.drawRightString(WIDTH - PAD, y - 33, "  ".join(right))
    y -= 44
    canvas.setLineWidth(1.5)
    canvas.line(PAD, y, WIDTH - PAD, y)

    if label.cross_border:
        y = _returned_goods(canvas, font, lang, y)

    # A Chinese address is written twice, in characters and in pinyin: a little more room,
    # taken from the return address, which still keeps large type.
    from_height = 80 if label.sender.in_chinese() else 62
    y = _address_block(canvas, font, _titles("doc.from", lang), _carrier_lines(label.sender), y,
                       size=9, min_size=6, height=from_height, what="field.sender-address")
    canvas.setLineWidth(0.8)
    canvas.line(PAD, y, WIDTH - PAD, y)
    to_lines = _carrier_lines(company.return_address)
    to_lines.insert(1, label.rma_number)
    # The return address takes the room down to the tracking band, which sits right on
    # the barcode row: no empty band above the bars, with or without the T3 marking.
    to_height = y - TRACKING_BAND - BARCODE_ROW_TOP
    y = _address_block(canvas, font, _titles("doc.to", lang), to_lines, y,
                       size=14, min_size=8, height=to_height, what="field.return-address")
    canvas.setLineWidth(1.5)
    canvas.line(PAD, y, WIDTH - PAD, y)

    # Tracking number, large enough to read across the dock.
    canvas.setFont(font, 7)
    canvas.drawString(PAD, y - 10, printable(" ".join(_titles("doc.tracking", lang))))
    if label.tracking_number:  # else left blank for the carrier, never the RMA
        tracking = fit([label.tracking_number], font, size=15, min_size=9, width=inner,
                       height=20, what="field.tracking-number")
        canvas.setFont(font, tracking.size)
        canvas.drawString(PAD, y - 10 - tracking.leading, printable(tracking.lines[0]))
    y -= TRACKING_BAND
    canvas.setLineWidth(0.8)
    canvas.line(PAD, y, WIDTH - PAD, y)

    # The RMA: Code 128 on the left, QR on the right, the number in words under the bars.
    qr_size = 96.0
    bottom = PAD
    draw_qr(canvas, label.rma_number, WIDTH - PAD - qr_size + 6, bottom - 2, qr_size)
    bars_width = inner - qr_size
    draw_code128(canvas, label.rma_number, PAD, bottom + 24, bars_width, 62, dpi=dpi)
    canvas.setFont(font, 13)
    canvas.drawCentredString(PAD + bars_width / 2, bottom + 7, label.rma_number)
    canvas.setFont(font, 7.5)
    details = [f"{tr('doc.order', lang)} {label.order_number}"]
    if label.ship_date:
        details.append(f"{tr('doc.ship-date', lang)} {day(label.ship_date, lang)}")
    canvas.drawString(PAD, bottom + 100, printable("   ".join(details)))


def _returned_goods(canvas: Canvas, font: str, lang: Lang, y: float) -> float:
    """T3: a black band with the marking in white, the full width of the label."""
    band = 34.0
    canvas.rect(PAD, y - band - 4, WIDTH - 2 * PAD, band, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    text = tr("doc.returned-goods", "en")
    if lang == "zh":
        text = f"{text}  {tr('doc.returned-goods', 'zh')}"
    size = 22.0
    while canvas.stringWidth(text, font, size) > WIDTH - 2 * PAD - 12:
        size -= 1
    canvas.setFont(font, size)
    canvas.drawCentredString(WIDTH / 2, y - 4 - band / 2 - size * 0.36, text)
    canvas.setFillColor(colors.black)
    return y - band - 8


def _carrier_lines(address: Address) -> list[str]:
    """The address with its country in full, in the carrier's capitals; a Chinese address
    in Chinese order, then the whole of it again in pinyin for the carrier, whose systems
    read Latin letters only: person, street, city and province, postal code and country.
    """
    country = country_name(address.country_code, "en").upper() if address.country_code \
        else None
    lines = address.lines(country)
    if address.in_chinese():
        street = ", ".join(romanize(p) for p in (address.line1, address.line2) if p)
        place = ", ".join(romanize(p) for p in (address.city, address.region) if p)
        latin = [romanize_name(address.recipient),
                 romanize(address.company) if address.company else None,
                 street,
                 " ".join(p for p in (f"{place}," if place else None, address.postal_code,
                                      country or "CHINA") if p)]
        lines.extend(line for line in latin if line)
    return lines


def _titles(key: str, lang: Lang) -> list[str]:
    """The carrier reads English: a Chinese label keeps the English word above its own."""
    return [tr(key, "en")] if lang == "en" else [tr(key, "en"), tr(key, "zh")]


def _address_block(
    canvas: Canvas, font: str, titles: list[str], lines: list[str], y: float, *,
    size: float, min_size: float, height: float, what: str,
) -> float:
    """A titled address, shrunk to fit ``height``; returns the y below it."""
    canvas.setFont(font, 7)
    for i, title in enumerate(titles):
        canvas.drawString(PAD, y - 10 - 9 * i, printable(title))
    indent = 28.0
    text = fit([printable(line) for line in lines], font, size=size, min_size=min_size,
               width=WIDTH - 2 * PAD - indent, height=height - 14, what=what)
    canvas.setFont(font, text.size)
    line_y = y - 8 - text.size
    for line in text.lines:
        canvas.drawString(PAD + indent, line_y, line)
        line_y -= text.leading
    return y - height
