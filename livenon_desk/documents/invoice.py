"""A copy of the order invoice, for the parcel (P3) and for the records."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from livenon_desk.documents.blocks import (
    address_paragraph,
    boxes,
    data_table,
    facts,
    gap,
    keep,
    para,
    product_cell,
    returned_goods,
)
from livenon_desk.documents.data import CompanyDetails, InvoiceInfo, Lang
from livenon_desk.documents.formatting import day, money
from livenon_desk.documents.glyphs import markup
from livenon_desk.documents.language import document_language
from livenon_desk.documents.page_frame import Frame, build_pdf, content_width
from livenon_desk.documents.styles import styles
from livenon_desk.documents.texts import labelled, tr
from livenon_desk.documents.totals import totals
from livenon_desk.domain.payment_display import payment_display


def invoice_pdf(invoice: InvoiceInfo, company: CompanyDetails, lang: Lang | None = None
                ) -> bytes:
    """Seller, buyer, billing and shipping address, lines, taxes and totals as the order
    holds them; the payment method shows no more than the last four digits.
    """
    order = invoice.order
    lang = document_language(order.customer, lang)
    width = content_width(company)
    zone = company.time_zone
    payment = payment_display(order.payment.method, order.payment.brand, order.payment.last4,
                              lang)
    frame = Frame(company, lang, "doc.title.invoice", invoice.invoice_number)
    st = styles()
    seller = Paragraph("<br/>".join(
        markup(line) for line in [company.legal_name, *company.address.lines()[1:],
                                  labelled("doc.tax-id", lang, company.tax_id), company.email]
    ), st.value)
    story: list[Flowable] = [
        para(tr("doc.title.invoice-copy", lang), "muted"),
        gap(2),
        *([returned_goods(lang, width), gap(4)] if order.cross_border else []),
        facts([
            (tr("doc.invoice.number", lang), invoice.invoice_number),
            (tr("doc.invoice.date", lang), day(invoice.issued_at, lang, zone)),
            (tr("doc.invoice.paid-by", lang), payment),
            (tr("doc.order", lang), order.order_number),
            (tr("doc.order.date", lang), day(order.placed_at, lang, zone)),
            (tr("doc.customer", lang), order.customer.name),
        ], width),
        gap(4),
        boxes([
            (tr("doc.seller", lang), seller),
            (tr("doc.bill-to", lang), address_paragraph(order.billing_address, order.customer)),
            (tr("doc.ship-to", lang), address_paragraph(order.shipping_address)),
        ], width),
        gap(10),
        data_table(
            ["#", tr("doc.sku", lang), tr("doc.product", lang), tr("doc.qty", lang),
             f"{tr('doc.unit-price', lang)} ({order.currency})",
             f"{tr('doc.amount', lang)} ({order.currency})"],
            [[str(line.line_no), line.sku,
              product_cell(line.product_name_en, line.product_name_zh, lang),
              str(line.quantity), money(line.unit_price), money(line.amount)]
             for line in order.lines],
            [0.05 * width, 0.15 * width, 0.44 * width, 0.07 * width, 0.14 * width,
             0.15 * width],
            right=(0, 3, 4, 5), lang=lang,
        ),
        gap(8),
        keep(totals([
            (tr("doc.subtotal", lang), money(order.subtotal)),
            (tr("doc.tax", lang), money(order.tax)),
            (tr("doc.shipping", lang), money(order.shipping)),
        ], (tr("doc.total", lang), money(order.total, order.currency)), 0.4 * width)),
        gap(14),
        para(tr("doc.invoice.copy-note", lang, order=order.order_number), "muted"),
    ]
    return build_pdf(frame, story, subject=f"{invoice.invoice_number} {order.order_number}")
