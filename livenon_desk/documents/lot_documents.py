"""A liquidation lot's papers: the manifest a buyer reads (units, grades, original and
recovery values, totals) and the 4x6 pallet label a carrier and the buyer's dock scan
(the lot's code as Code 128 and QR, its units and weight)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from livenon_desk.documents.barcodes import code128, draw_code128, draw_qr, qr
from livenon_desk.documents.blocks import columns, data_table, facts, gap, heading, para
from livenon_desk.documents.data import CompanyDetails, Lang
from livenon_desk.documents.formatting import day, money
from livenon_desk.documents.glyphs import printable
from livenon_desk.documents.label_stock import label_pages
from livenon_desk.documents.page_frame import Frame, build_pdf, content_width
from livenon_desk.documents.printer_limits import LABEL_DPI
from livenon_desk.documents.styles import LABEL_4X6
from livenon_desk.documents.texts import tr


@dataclass(frozen=True)
class LotUnitLine:
    unit_code: str
    sku: str
    product_name_en: str
    product_name_zh: str | None
    grade: str | None
    original: Decimal
    recovery: Decimal
    currency: str


@dataclass(frozen=True)
class LotDocumentInfo:
    code: str
    closed_at: datetime | None
    weight_kg: Decimal | None
    lines: tuple[LotUnitLine, ...]
    original_totals: tuple[tuple[str, Decimal], ...]
    recovery_totals: tuple[tuple[str, Decimal], ...]


def _totals(totals: tuple[tuple[str, Decimal], ...]) -> str:
    return "; ".join(money(amount, currency) for currency, amount in totals) or "—"


def _weight(info: LotDocumentInfo, lang: Lang) -> str:
    return f"{info.weight_kg} kg" if info.weight_kg is not None else tr("doc.lot.not-weighed",
                                                                          lang)


def lot_manifest_pdf(info: LotDocumentInfo, company: CompanyDetails, lang: Lang = "en"
                     ) -> bytes:
    width = content_width(company)
    zone = company.time_zone
    story: list[Flowable] = [
        columns([
            [facts([
                (tr("doc.lot.code", lang), info.code),
                (tr("doc.lot.closed", lang), day(info.closed_at, lang, zone)
                 if info.closed_at else tr("doc.lot.open", lang)),
                (tr("doc.lot.units", lang), str(len(info.lines))),
                (tr("doc.lot.weight", lang), _weight(info, lang)),
                (tr("doc.lot.original-total", lang), _totals(info.original_totals)),
                (tr("doc.lot.recovery-total", lang), _totals(info.recovery_totals)),
            ], 0.6 * width, columns=2)],
            [code128(info.code, 0.38 * width, 34), gap(4), qr(info.code, 64)],
        ], width),
        gap(6),
        para(tr("doc.lot.body", lang, company=company.name)),
        heading(tr("doc.lot.lines", lang)),
        data_table(
            [tr("doc.unit-code", lang), tr("doc.sku", lang), tr("doc.product", lang),
             tr("doc.grade", lang), tr("doc.lot.original", lang),
             tr("doc.lot.recovery", lang)],
            [[line.unit_code, line.sku, _product(line, lang), line.grade or "—",
              money(line.original, line.currency), money(line.recovery, line.currency)]
             for line in info.lines],
            [0.2 * width, 0.14 * width, 0.3 * width, 0.08 * width, 0.14 * width,
             0.14 * width],
            right=(4, 5), lang=lang,
        ),
        gap(4),
        facts([(tr("doc.lot.original-total", lang), _totals(info.original_totals)),
               (tr("doc.lot.recovery-total", lang), _totals(info.recovery_totals))],
              width, columns=2),
    ]
    return build_pdf(Frame(company, lang, "doc.title.lot-manifest", info.code), story,
                     subject=info.code)


def _product(line: LotUnitLine, lang: Lang) -> str:
    return line.product_name_zh if lang == "zh" and line.product_name_zh \
        else line.product_name_en


PAD = 12.0
WIDTH, HEIGHT = LABEL_4X6


def pallet_label_pdf(info: LotDocumentInfo, company: CompanyDetails, lang: Lang = "en",
                     dpi: int = LABEL_DPI) -> bytes:
    """One 4x6 inch page for the label printer; the carrier reads English, so a Chinese
    label keeps the English words above its own."""
    return label_pages([info], f"Pallet label {info.code}", company,
                       lambda canvas, item, font: _draw_label(canvas, item, company, lang,
                                                              font, dpi))


def _words(key: str, lang: Lang, **values: str) -> str:
    english = tr(key, "en", **values)
    return english if lang == "en" else f"{english}  {tr(key, 'zh', **values)}"


def _draw_label(canvas: Canvas, info: LotDocumentInfo, company: CompanyDetails, lang: Lang,
                font: str, dpi: int) -> None:
    inner = WIDTH - 2 * PAD
    y = HEIGHT - PAD
    canvas.setFillColor(colors.black)
    # The band the forklift driver reads from afar.
    band = 40.0
    canvas.rect(PAD, y - band, inner, band, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    title = _words("doc.lot.pallet", lang)
    size = 20.0
    while canvas.stringWidth(title, font, size) > inner - 12:
        size -= 1
    canvas.setFont(font, size)
    canvas.drawCentredString(WIDTH / 2, y - band / 2 - size * 0.36, title)
    canvas.setFillColor(colors.black)
    y -= band + 34
    canvas.setFont(font, 30)
    canvas.drawCentredString(WIDTH / 2, y, info.code)
    y -= 30
    canvas.setFont(font, 12)
    for line in (
        _words("doc.lot.label-units", lang, n=str(len(info.lines))),
        f"{tr('doc.lot.weight', 'en')}: {_weight(info, 'en')}",
        f"{tr('doc.lot.closed', 'en')}: {day(info.closed_at, 'en', company.time_zone)}"
        if info.closed_at else tr("doc.lot.open", "en"),
        f"{tr('doc.from', 'en')}: {company.return_address.recipient}",
    ):
        canvas.drawString(PAD, y, printable(line))
        y -= 18
    grades: dict[str, int] = {}
    for unit in info.lines:
        grades[unit.grade or "—"] = grades.get(unit.grade or "—", 0) + 1
    canvas.drawString(PAD, y, printable(
        f"{tr('doc.grade', 'en')}: " + ", ".join(f"{g} × {n}" for g, n in sorted(
            grades.items()))))
    qr_size = 110.0
    draw_qr(canvas, info.code, WIDTH / 2 - qr_size / 2, PAD + 86, qr_size)
    draw_code128(canvas, info.code, PAD, PAD + 18, inner, 62, dpi=dpi)
    canvas.setFont(font, 11)
    canvas.drawCentredString(WIDTH / 2, PAD + 4, info.code)
