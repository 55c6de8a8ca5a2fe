"""The tag on a returned piece on the warehouse floor: what it is, where it goes, who said so.

Printed on the label printer's 4x6 inch stock, one tag per carton ("2 / 3"). The carton's
licence plate (LPN: its line's tag code and its carton number) is Code 128 and QR:
receiving counts the carton in by scanning it, which also finds the return, and every
later step scans it; the SKU is Code 128 too, and a scan of it finds the product. The
disposition is the largest word on the tag, since it decides where a forklift takes the
piece.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from livenon_desk.documents.barcodes import draw_code128, draw_qr
from livenon_desk.documents.data import CompanyDetails, ItemTagInfo, Lang
from livenon_desk.documents.formatting import moment
from livenon_desk.documents.glyphs import printable
from livenon_desk.documents.label_stock import label_pages
from livenon_desk.documents.printer_limits import LABEL_DPI
from livenon_desk.documents.styles import LABEL_4X6
from livenon_desk.documents.text_fit import fit
from livenon_desk.documents.texts import enum_text, tr

PAD = 12.0
WIDTH, HEIGHT = LABEL_4X6


def item_tag_pdf(tag: ItemTagInfo, company: CompanyDetails, lang: Lang = "en",
                 dpi: int = LABEL_DPI) -> bytes:
    return item_tags_pdf([tag], company, lang, dpi)


def item_tags_pdf(tags: Sequence[ItemTagInfo], company: CompanyDetails, lang: Lang = "en",
                  dpi: int = LABEL_DPI) -> bytes:
    """One tag a page, for a batch sent to the label printer; barcodes in whole dots of
    its resolution, ``dpi``."""
    title = (f"Item tags {tags[0].tag_code}" if len(tags) == 1
             else f"Item tags ({len(tags)})")
    return label_pages(tags, title, company,
                       lambda canvas, tag, font: draw_tag(canvas, tag, company, lang, font,
                                                          dpi))


def draw_tag(canvas: Canvas, tag: ItemTagInfo, company: CompanyDetails, lang: Lang,
             font: str, dpi: int = LABEL_DPI) -> None:
    inner = WIDTH - 2 * PAD
    y = HEIGHT - PAD
    canvas.setFont(font, 9)
    canvas.drawString(PAD, y - 9, printable(f"{company.name.upper()}  ·  "
                                            f"{tr('doc.title.item-tag', lang)}"))
    canvas.setFont(font, 11)
    canvas.drawRightString(WIDTH - PAD, y - 10, tag.rma_number)
    y -= 16
    canvas.setLineWidth(1.5)
    canvas.line(PAD, y, WIDTH - PAD, y)

    # The carton's licence plate (LPN): receiving counts the carton in by it and every
    # later step (grading, put-away, moves) scans it, as bars or as the QR beside them. It
    # is the line's tag code and the carton's place among the line's ("-U2": 2 / 3).
    code = tag.unit_code
    _caption(canvas, font, tr("doc.unit-code", lang), y)
    canvas.setFont(font, 7)
    canvas.drawRightString(WIDTH - PAD, y - 10, printable(tr("doc.carton", lang)))
    y -= 13
    canvas.setFont(font, 16)
    canvas.drawString(PAD, y - 17, printable(code))
    canvas.setFont(font, 18)
    canvas.drawRightString(WIDTH - PAD, y - 18, f"{tag.carton_index} / {tag.carton_count}")
    y -= 24
    qr_size = 60.0
    draw_code128(canvas, code, PAD, y - 50, inner - qr_size - 4, 50, dpi=dpi)
    draw_qr(canvas, code, WIDTH - PAD - qr_size + 4, y - 56, qr_size)
    y -= 60

    # Product: the name in the tag's language, wrapped and shrunk to its box.
    canvas.setLineWidth(0.8)
    canvas.line(PAD, y, WIDTH - PAD, y)
    y = _caption(canvas, font, tr("doc.product", lang), y)
    names = [tag.product_name_zh] if lang == "zh" and tag.product_name_zh else []
    names.append(tag.product_name_en)
    product = fit([printable(n) for n in names], font, size=13, min_size=7, width=inner,
                  height=54, what="field.product-name")
    canvas.setFont(font, product.size)
    line_y = y - product.size
    for line in product.lines:
        canvas.drawString(PAD, line_y, line)
        line_y -= product.leading
    y -= 58

    # Disposition, reversed out in a black band, and the bin beside it.
    band = 46.0
    canvas.rect(PAD, y - band, inner * 0.64, band, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(font, 7)
    canvas.drawString(PAD + 6, y - 10, printable(tr("doc.disposition", lang)))
    disposition = (enum_text(tag.disposition, lang) if tag.disposition
                   else tr("doc.tag.not-inspected", lang))
    shown = fit([printable(disposition.upper())], font, size=20, min_size=8,
                width=inner * 0.64 - 12, height=band - 16, what="field.disposition")
    canvas.setFont(font, shown.size)
    line_y = y - 14 - shown.size * 0.9 - (band - 16 - shown.height) / 2
    for line in shown.lines:
        canvas.drawString(PAD + 6, line_y, line)
        line_y -= shown.leading
    canvas.setFillColor(colors.black)
    bin_x = PAD + inner * 0.64 + 8
    canvas.setFont(font, 7)
    canvas.drawString(bin_x, y - 10, printable(tr("doc.bin", lang)))
    canvas.setFont(font, 18)
    canvas.drawString(bin_x, y - band + 9, printable(tag.bin_location or "—"))
    y -= band + 8

    # Who inspected it, when, and the decision.
    rows = [
        (tr("doc.inspected-by", lang), tag.inspected_by or "—"),
        (tr("doc.inspected-at", lang), moment(tag.inspected_at, lang, company.time_zone)),
        (tr("doc.decision", lang), enum_text(tag.decision, lang) if tag.decision else "—"),
    ]
    for key, value in rows:
        canvas.setFont(font, 7.5)
        canvas.drawString(PAD, y - 11, printable(key))
        canvas.setFont(font, 10)
        canvas.drawString(PAD + 78, y - 11, printable(value))
        y -= 15
    y -= 4
    canvas.setLineWidth(0.8)
    canvas.line(PAD, y, WIDTH - PAD, y)

    # The SKU and its barcode.
    y = _caption(canvas, font, tr("doc.sku", lang), y)
    canvas.setFont(font, 16)
    canvas.drawString(PAD, y - 16, tag.sku)
    y -= 22
    draw_code128(canvas, tag.sku, PAD, max(PAD, y - 50), inner, 50, dpi=dpi)


def _caption(canvas: Canvas, font: str, text: str, y: float) -> float:
    canvas.setFont(font, 7)
    canvas.drawString(PAD, y - 10, printable(text))
    return y - 13
