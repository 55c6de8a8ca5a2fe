"""The credit note: the refund approved after inspection (P6), its deductions (P7, T2)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from livenon_desk.documents.blocks import (
    address_paragraph,
    boxes,
    data_table,
    facts,
    gap,
    heading,
    keep,
    para,
    product_cell,
)
from livenon_desk.documents.data import CompanyDetails, CreditNoteInfo, Lang
from livenon_desk.documents.formatting import day, money
from livenon_desk.documents.glyphs import markup
from livenon_desk.documents.language import document_language
from livenon_desk.documents.page_frame import Frame, build_pdf, content_width
from livenon_desk.documents.refund_block import refund_block
from livenon_desk.documents.styles import styles
from livenon_desk.documents.texts import enum_text, labelled, tr
from livenon_desk.domain.payment_display import payment_display


def credit_note_pdf(note: CreditNoteInfo, company: CompanyDetails, lang: Lang | None = None
                    ) -> bytes:
    lang = document_language(note.customer, lang)
    width = content_width(company)
    zone = company.time_zone
    refund = note.refund
    payment = payment_display(note.payment.method, note.payment.brand, note.payment.last4,
                              lang)
    st = styles()
    issuer = Paragraph("<br/>".join(markup(line) for line in [
        company.legal_name, *company.address.lines()[1:],
        labelled("doc.tax-id", lang, company.tax_id), company.email, company.phone,
    ]), st.value)
    frame = Frame(company, lang, "doc.title.credit-note", note.credit_note_number)
    story: list[Flowable] = [
        *([para(tr("doc.credit.copy", lang, issued=day(note.issued_at, lang, zone),
                   printed=day(note.copy_printed_at, lang, zone)), "copy"), gap(4)]
          if note.copy_printed_at else []),
        facts([
            (tr("doc.credit-note.number", lang), note.credit_note_number),
            (tr("doc.issued", lang), day(note.issued_at, lang, zone)),
            (tr("doc.refund.amount", lang), money(refund.amount, refund.currency)),
            (tr("doc.rma", lang), note.rma_number),
            (tr("doc.order", lang), note.order_number),
            (tr("doc.payment", lang), payment),
        ], width),
        gap(4),
        boxes([
            (tr("doc.customer", lang), address_paragraph(note.customer.address, note.customer)),
            (tr("doc.seller", lang), issuer),
        ], width),
        gap(8),
        para(tr("doc.credit.body", lang)),
        para(_refund_sentence(note, payment, lang)),
        para(labelled("doc.reason", lang, enum_text(note.reason_code, lang)), "small"),
        heading(tr("doc.credit.lines", lang)),
        data_table(
            [tr("doc.tag", lang), tr("doc.sku", lang), tr("doc.product", lang), tr("doc.qty", lang),
             f"{tr('doc.unit-price', lang)} ({refund.currency})",
             f"{tr('doc.amount', lang)} ({refund.currency})"],
            [[line.tag_code, line.sku,
              product_cell(line.product_name_en, line.product_name_zh, lang),
              str(line.quantity), money(line.unit_price),
              money(line.unit_price * line.quantity)] for line in note.lines],
            [0.19 * width, 0.15 * width, 0.32 * width, 0.07 * width, 0.13 * width,
             0.14 * width],
            right=(3, 4, 5), lang=lang,
        ),
        gap(8),
        keep(heading(tr("doc.refund", lang)),
             *refund_block(refund, lang, width, for_customer=True)),
    ]
    if note.approved_by:
        story += [gap(10), para(labelled("doc.approved-by", lang, note.approved_by), "small")]
    return build_pdf(frame, story, subject=f"{note.credit_note_number} {note.rma_number}")


def _refund_sentence(note: CreditNoteInfo, payment: str, lang: Lang) -> str:
    """How much goes back, to which payment method (last four digits only), and when (P6)."""
    refund = note.refund
    amount = money(refund.amount, refund.currency)
    if refund.due_by and refund.due_from:
        return tr("doc.credit.refund-between", lang, amount=amount, payment=payment,
                  start=day(refund.due_from, lang), end=day(refund.due_by, lang))
    if refund.due_by:
        return tr("doc.credit.refund-by", lang, amount=amount, payment=payment,
                  end=day(refund.due_by, lang))
    return tr("doc.credit.refund-within", lang, amount=amount, payment=payment)
