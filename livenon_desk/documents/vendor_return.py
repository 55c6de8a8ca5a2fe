"""The return-to-vendor document: a supplier's defective units on one shipment, each with
its defect, photos and claim, and the total claimed; in the supplier's language.

The shipment's code is printed as Code 128 and QR: the supplier's receiving dock scans it
as ours does, and a claim quoting it finds the shipment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from reportlab.platypus import Flowable

from livenon_desk.documents.barcodes import code128, qr
from livenon_desk.documents.blocks import (
    address_paragraph,
    boxes,
    columns,
    data_table,
    facts,
    gap,
    heading,
    keep,
    para,
    product_cell,
)
from livenon_desk.documents.data import CompanyDetails, Lang
from livenon_desk.documents.formatting import day, money
from livenon_desk.documents.page_frame import Frame, build_pdf, content_width
from livenon_desk.documents.photo_grid import photo_grid
from livenon_desk.documents.texts import tr
from livenon_desk.domain.suppliers import Supplier
from livenon_desk.domain.values import PhotoRef


@dataclass(frozen=True)
class RtvUnitLine:
    unit_code: str
    sku: str
    product_name_en: str
    product_name_zh: str | None
    grade: str | None
    defect: str
    claim: Decimal
    currency: str
    photos: tuple[PhotoRef, ...] = ()


@dataclass(frozen=True)
class RtvDocumentInfo:
    code: str
    supplier: Supplier
    opened_at: datetime
    shipped_at: datetime | None
    lines: tuple[RtvUnitLine, ...]
    claim_totals: tuple[tuple[str, Decimal], ...]


def vendor_return_pdf(info: RtvDocumentInfo, company: CompanyDetails,
                      lang: Lang | None = None) -> bytes:
    """The shipment's document, in ``lang`` or else the supplier's own language."""
    lang = lang or info.supplier.language
    width = content_width(company)
    zone = company.time_zone
    total = "; ".join(money(amount, currency) for currency, amount in info.claim_totals) or "—"
    story: list[Flowable] = [
        columns([
            # The supplier's name is the box's below, in the words it reads.
            [facts([
                (tr("doc.rtv.code", lang), info.code),
                (tr("doc.rtv.opened", lang), day(info.opened_at, lang, zone)),
                (tr("doc.ship-date", lang), day(info.shipped_at, lang, zone)
                 if info.shipped_at else tr("doc.rtv.not-shipped", lang)),
                (tr("doc.rtv.units", lang), str(len(info.lines))),
                (tr("doc.rtv.claim-total", lang), total),
            ], 0.6 * width, columns=2)],
            [code128(info.code, 0.38 * width, 34), gap(4), qr(info.code, 64)],
        ], width),
        gap(4),
        boxes([
            (tr("doc.supplier", lang), address_paragraph(info.supplier.address)),
            (tr("doc.from", lang), address_paragraph(company.return_address)),
        ], width),
        gap(8),
        para(tr("doc.rtv.body", lang, company=company.name, contact=info.supplier.contact,
                code=info.code)),
        heading(tr("doc.rtv.lines", lang)),
        data_table(
            [tr("doc.unit-code", lang), tr("doc.sku", lang), tr("doc.product", lang),
             tr("doc.grade", lang), tr("doc.rtv.defect", lang), tr("doc.rtv.claim", lang)],
            [[line.unit_code, line.sku,
              product_cell(line.product_name_en, line.product_name_zh, lang),
              line.grade or "—", line.defect, money(line.claim, line.currency)]
             for line in info.lines],
            [0.19 * width, 0.13 * width, 0.24 * width, 0.07 * width, 0.23 * width,
             0.14 * width],
            right=(5,), lang=lang,
        ),
        gap(4),
        facts([(tr("doc.rtv.claim-total", lang), total)], width, columns=1),
        *_photos(info.lines, width, lang, zone),
    ]
    return build_pdf(Frame(company, lang, "doc.title.rtv", info.code), story,
                     subject=f"{info.code} {info.supplier.name}")


def _photos(lines: Sequence[RtvUnitLine], width: float, lang: Lang,
            zone: str) -> list[Flowable]:
    """Each unit's photos under its code: the evidence of the defect claimed."""
    story: list[Flowable] = []
    for line in lines:
        if line.photos:
            story.append(keep(heading(tr("doc.rtv.photos-of", lang, unit=line.unit_code)),
                              photo_grid(line.photos, width, lang, zone)))
    return story
