"""The evidence package (T4): one PDF with everything on file about a return.

For a dispute with a customer or a damage claim with a carrier: the order, the return's
timeline, the receipt and inspection records, every photo with the SHA-256 recorded when
it was taken, and the communications kept as evidence; every page numbered "X of Y".
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from livenon_desk.documents.blocks import (
    address_paragraph,
    bullets,
    data_table,
    facts,
    gap,
    heading,
    keep,
    para,
    product_cell,
)
from livenon_desk.documents.data import CompanyDetails, EvidenceCase, Lang, PhotoRef
from livenon_desk.documents.formatting import moment, money
from livenon_desk.documents.inspection_report import inspection_story
from livenon_desk.documents.language import document_language
from livenon_desk.documents.page_frame import Frame, build_pdf, content_width
from livenon_desk.documents.photo_grid import photo_grid
from livenon_desk.documents.texts import enum_text, tr
from livenon_desk.documents.totals import totals
from livenon_desk.domain.payment_display import payment_display


def evidence_package_pdf(case: EvidenceCase, company: CompanyDetails, lang: Lang | None = None
                         ) -> bytes:
    lang = document_language(case.ret.customer, lang)
    frame = Frame(company, lang, "doc.title.evidence-package",
                  f"{case.ret.rma_number} · {case.order.order_number}")
    story = [
        *_cover(case, company, lang),
        *_order(case, company, lang),
        *_timeline(case, company, lang),
        *_receipt(case, company, lang),
    ]
    for record in case.inspections:
        story += [PageBreak(),
                  heading(tr("doc.inspection-section", lang, tag=record.line.tag_code)),
                  *inspection_story(record, company, lang)]
    story += [PageBreak(), *_photo_index(case, company, lang),
              *_communications(case, company, lang), *_emails(case, company, lang)]
    return build_pdf(frame, story, subject=f"T4 {case.ret.rma_number}")


def all_photos(case: EvidenceCase) -> list[PhotoRef]:
    """Every photo on file, receipt first, each once."""
    seen: set[str] = set()
    photos: list[PhotoRef] = []
    groups = [case.receipt.photos if case.receipt else (),
              *(r.photos for r in case.inspections), case.extra_photos]
    for group in groups:
        for photo in group:
            if photo.sha256 not in seen:
                seen.add(photo.sha256)
                photos.append(photo)
    return photos


def _cover(case: EvidenceCase, company: CompanyDetails, lang: Lang) -> list[Flowable]:
    width = content_width(company)
    zone = company.time_zone
    ret = case.ret
    sections = [tr("doc.order-section", lang), tr("doc.timeline", lang),
                tr("doc.receipt", lang),
                *(tr("doc.inspection-section", lang, tag=r.line.tag_code)
                  for r in case.inspections),
                tr("doc.photos", lang), tr("doc.communications", lang),
                tr("doc.emails", lang)]
    return [
        facts([
            (tr("doc.rma", lang), ret.rma_number),
            (tr("doc.order", lang), ret.order_number),
            (tr("doc.status", lang), enum_text(ret.status, lang)),
            (tr("doc.customer", lang), ret.customer.name),
            (tr("doc.reason", lang), enum_text(ret.reason_code, lang)),
            (tr("doc.cross-border", lang), tr("doc.yes" if ret.cross_border else "doc.no", lang)),
            (tr("doc.prepared-by", lang), case.prepared_by),
            (tr("doc.prepared-at", lang), moment(case.prepared_at, lang, zone)),
            (tr("doc.purpose", lang), case.purpose),
        ], width),
        heading(tr("doc.contents", lang)),
        *bullets(sections),
    ]


def _order(case: EvidenceCase, company: CompanyDetails, lang: Lang) -> list[Flowable]:
    width = content_width(company)
    zone = company.time_zone
    order = case.order
    payment = payment_display(order.payment.method, order.payment.brand, order.payment.last4,
                              lang)
    return [
        heading(tr("doc.order-section", lang)),
        facts([
            (tr("doc.order", lang), order.order_number),
            (tr("doc.order.date", lang), moment(order.placed_at, lang, zone)),
            (tr("doc.payment", lang), payment),
            (tr("doc.delivered", lang), moment(order.delivered_at, lang, zone)),
        ], width, columns=4),
        keep(para(tr("doc.ship-to", lang), "key"),
             address_paragraph(order.shipping_address, order.customer)),
        gap(6),
        data_table(
            ["#", tr("doc.sku", lang), tr("doc.product", lang), tr("doc.qty", lang),
             f"{tr('doc.amount', lang)} ({order.currency})"],
            [[str(line.line_no), line.sku,
              product_cell(line.product_name_en, line.product_name_zh, lang),
              str(line.quantity), money(line.amount)] for line in order.lines],
            [0.06 * width, 0.17 * width, 0.55 * width, 0.07 * width, 0.15 * width],
            right=(0, 3, 4), lang=lang,
        ),
        gap(4),
        keep(totals([
            (tr("doc.subtotal", lang), money(order.subtotal)),
            (tr("doc.tax", lang), money(order.tax)),
            (tr("doc.shipping", lang), money(order.shipping)),
        ], (tr("doc.total", lang), money(order.total, order.currency)), 0.4 * width)),
    ]


def _timeline(case: EvidenceCase, company: CompanyDetails, lang: Lang) -> list[Flowable]:
    width = content_width(company)
    zone = company.time_zone
    events = sorted(case.timeline, key=lambda e: e.at)
    return [
        heading(tr("doc.timeline", lang)),
        data_table(
            [tr("doc.when", lang), tr("doc.event", lang), tr("doc.notes", lang)],
            [[moment(e.at, lang, zone), enum_text(e.status, lang), e.note or ""]
             for e in events],
            [0.26 * width, 0.3 * width, 0.44 * width], lang=lang,
        ),
    ]


def _receipt(case: EvidenceCase, company: CompanyDetails, lang: Lang) -> list[Flowable]:
    width = content_width(company)
    zone = company.time_zone
    receipt = case.receipt
    if receipt is None:
        return [heading(tr("doc.receipt", lang)), para(tr("doc.none-on-file", lang), "muted")]
    marked = (tr("doc.yes" if receipt.returned_goods_marked else "doc.no", lang)
              if receipt.returned_goods_marked is not None else None)
    story: list[Flowable] = [
        heading(tr("doc.receipt", lang)),
        facts([
            (tr("doc.received-at", lang), moment(receipt.received_at, lang, zone)),
            (tr("doc.received-by", lang), receipt.received_by),
            (tr("doc.carrier", lang), receipt.carrier),
            (tr("doc.tracking", lang), receipt.tracking_number),
            (tr("doc.parcel-condition", lang), enum_text(receipt.parcel_condition, lang)),
            (tr("doc.cartons-received", lang),
             f"{receipt.cartons_received} / {receipt.cartons_expected}"),
            (tr("doc.returned-goods-marked", lang), marked),
        ], width),
    ]
    if receipt.notes:
        story.append(para(receipt.notes))
    if receipt.photos:
        story += [gap(4), photo_grid(receipt.photos, width, lang, zone)]
    return story


def _photo_index(case: EvidenceCase, company: CompanyDetails, lang: Lang) -> list[Flowable]:
    width = content_width(company)
    zone = company.time_zone
    photos = all_photos(case)
    return [
        heading(f"{tr('doc.photos', lang)} ({len(photos)})"),
        data_table(
            ["#", tr("doc.caption", lang), tr("doc.when", lang), tr("doc.sha256", lang)],
            [[str(i), p.caption or p.path.name, moment(p.taken_at, lang, zone), p.sha256]
             for i, p in enumerate(photos, start=1)],
            [0.05 * width, 0.3 * width, 0.22 * width, 0.43 * width], lang=lang,
        ),
    ]


def _communications(case: EvidenceCase, company: CompanyDetails, lang: Lang
                    ) -> list[Flowable]:
    zone = company.time_zone
    story: list[Flowable] = [heading(tr("doc.communications", lang))]
    if not case.communications:
        return [*story, para(tr("doc.none-on-file", lang), "muted")]
    for message in sorted(case.communications, key=lambda m: m.occurred_at):
        meta = (f"{moment(message.occurred_at, lang, zone)} · "
                f"{enum_text(message.channel, lang)} · {enum_text(message.direction, lang)}")
        story.append(keep(
            para(meta, "key"),
            para(message.subject or "", "value") if message.subject else gap(0),
            para(message.body, "small"),
            gap(8),
        ))
    return story



def _emails(case: EvidenceCase, company: CompanyDetails, lang: Lang) -> list[Flowable]:
    """T4: each email kept byte for byte, named by its bytes' SHA-256 and size, with its
    headers, its text and its attachments by name and hash."""
    width = content_width(company)
    zone = company.time_zone
    story: list[Flowable] = [heading(tr("doc.emails", lang))]
    if not case.emails:
        return [*story, para(tr("doc.none-on-file", lang), "muted")]
    for email in case.emails:
        seen = email.evidence
        meta = (f"{moment(email.at, lang, zone)} · {enum_text(email.direction, lang)} · "
                f"{tr('doc.email-bytes', lang, size=str(email.size))}")
        story += [
            para(meta, "key"),
            para(f"{tr('doc.sha256', lang)}: {email.sha256}", "small"),
            *[para(f"{name}: {value}", "small") for name, value in seen.headers],
            gap(2),
            para(seen.text, "small"),
        ]
        if seen.attachments:
            story.append(data_table(
                [tr("doc.attachment", lang), tr("doc.email-size", lang),
                 tr("doc.sha256", lang)],
                [[a.file_name, str(a.size), a.sha256] for a in seen.attachments],
                [0.3 * width, 0.12 * width, 0.58 * width], right=(1,), lang=lang))
        story.append(gap(10))
    return story
