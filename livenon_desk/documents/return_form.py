"""The return form the customer puts in the parcel (P3): what comes back, how, and where."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Table

from livenon_desk.documents.barcodes import code128
from livenon_desk.documents.blocks import (
    address_paragraph,
    boxes,
    bullets,
    checkboxes,
    columns,
    data_table,
    facts,
    gap,
    heading,
    keep,
    para,
    product_cell,
    returned_goods,
)
from livenon_desk.documents.data import CompanyDetails, Lang, ReturnInfo
from livenon_desk.documents.formatting import day
from livenon_desk.documents.glyphs import markup
from livenon_desk.documents.language import document_language
from livenon_desk.documents.page_frame import Frame, build_pdf, content_width
from livenon_desk.documents.styles import RULE, styles, table_style
from livenon_desk.documents.texts import enum_text, tr
from livenon_desk.domain.enums import LabelType, ReasonCategory

_PACKING = ("doc.form.packing.1", "doc.form.packing.2", "doc.form.packing.3")
_ENCLOSED = ("doc.form.enclose.1", "doc.form.enclose.2", "doc.form.enclose.3")

def return_form_pdf(ret: ReturnInfo, company: CompanyDetails, lang: Lang | None = None) -> bytes:
    """P3: RMA and order with a Code 128, lines, reason, contact, return address, packing
    instructions and what to enclose; P4 shipping, T1/T2 who pays, P5/P6 what follows.
    """
    lang = document_language(ret.customer, lang)
    width = content_width(company)
    zone = company.time_zone
    frame = Frame(company, lang, "doc.title.return-form", ret.rma_number)
    story: list[Flowable] = [
        _top(ret, lang, width, zone),
        gap(4),
        *([returned_goods(lang, width), gap(4)] if ret.cross_border else []),
        para(tr("doc.form.intro", lang)),
        gap(4),
        boxes([
            (tr("doc.customer", lang), address_paragraph(ret.customer.address, ret.customer)),
            (tr("doc.return-address", lang), address_paragraph(company.return_address)),
        ], width),
        heading(tr("doc.form.lines", lang)),
        data_table(
            [tr("doc.tag", lang), tr("doc.sku", lang), tr("doc.product", lang), tr("doc.qty", lang),
             tr("doc.cartons", lang)],
            [[line.tag_code, line.sku,
              product_cell(line.product_name_en, line.product_name_zh, lang),
              str(line.quantity), str(line.cartons)] for line in ret.lines],
            [0.2 * width, 0.16 * width, 0.48 * width, 0.07 * width, 0.09 * width],
            right=(3, 4), lang=lang,
        ),
    ]
    if ret.reason_text:
        story += [gap(4),
                  para(tr("doc.reason.customer-words", lang, text=ret.reason_text), "small")]
    story += [
        columns([
            [heading(tr("doc.form.packing", lang)),
             *bullets([tr(k, lang) for k in _PACKING])],
            [heading(tr("doc.form.enclose", lang)),
             *checkboxes([tr(k, lang) for k in _ENCLOSED])],
        ], width),
        # The signature goes with the shipping block: its captions never stand alone on a
        # page of their own.
        keep(heading(tr("doc.form.ship", lang)), *bullets(_shipping(ret, lang, company.email)),
             gap(10), _signature(lang, width)),
    ]
    return build_pdf(frame, story, subject=f"{ret.rma_number} {ret.order_number}")


def _top(ret: ReturnInfo, lang: Lang, width: float, zone: str) -> Table:
    st = styles()
    grid = facts([
        (tr("doc.rma", lang), ret.rma_number),
        (tr("doc.order", lang), ret.order_number),
        (tr("doc.applied", lang), day(ret.applied_at, lang, zone)),
        (tr("doc.reason", lang), enum_text(ret.reason_code, lang)),
        (tr("doc.carrier", lang), ret.carrier),
        (tr("doc.tracking", lang), ret.tracking_number),
    ], 0.6 * width, columns=2)
    code = Table([[code128(ret.rma_number, 0.36 * width, 46)],
                  [Paragraph(markup(ret.rma_number), st.centered)]],
                 colWidths=[0.38 * width])
    code.setStyle(table_style([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                              ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                              ("TOPPADDING", (0, 0), (-1, 0), 10)]))
    table = Table([[grid, code]], colWidths=[0.62 * width, 0.38 * width])
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _shipping(ret: ReturnInfo, lang: Lang, email: str) -> list[str]:
    """P4 as it applies to this return: its label or the customer's own courier, and who
    pays the shipping (T1, T2), with the deduction only where a pre-paid label has one (P7).
    """
    prepaid = ret.label_type is LabelType.PREPAID
    if prepaid and ret.carrier:
        how = tr("doc.form.ship.prepaid", lang, carrier=ret.carrier)
    elif prepaid:
        how = tr("doc.form.ship.prepaid-any", lang)
    else:
        how = tr("doc.form.ship.own", lang)
    if ret.reason_category is ReasonCategory.QUALITY:
        pays = "doc.form.who-pays.quality"
    elif prepaid:
        pays = "doc.form.who-pays.prepaid"
    elif ret.label_type is LabelType.OWN_COURIER:
        pays = "doc.form.who-pays.own"
    else:
        pays = "doc.form.who-pays.personal"
    return [how, tr(pays, lang), tr("doc.form.refund", lang),
            tr("doc.form.questions", lang, email=email, order=ret.order_number)]


def _signature(lang: Lang, width: float) -> Table:
    st = styles()
    table = Table([["", "", ""],
                   [Paragraph(markup(tr("doc.form.signature", lang)), st.key), "",
                    Paragraph(markup(tr("doc.date", lang)), st.key)]],
                  colWidths=[0.5 * width, 0.1 * width, 0.4 * width], rowHeights=[20, None])
    table.setStyle(table_style([("LINEBELOW", (0, 0), (0, 0), 0.6, RULE),
                               ("LINEBELOW", (2, 0), (2, 0), 0.6, RULE),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table
