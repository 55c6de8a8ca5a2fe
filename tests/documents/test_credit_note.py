from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from livenon_desk.documents.credit_note import credit_note_pdf
from livenon_desk.documents.data import CompanyDetails
from livenon_desk.domain.enums import ReasonCode
from tests.documents import pdf_reading as pdf
from tests.documents import samples


def test_credit_note_shows_the_refund_and_its_deductions(company: CompanyDetails) -> None:
    note = samples.credit_note()
    text = pdf.squashed(credit_note_pdf(note, company))
    for value in (note.credit_note_number, note.rma_number, note.order_number, "EmilyJohnson",
                  "Changedmind", "899.00", "−86.40", "Returnshippinglabel(P7)".lower(),
                  "USD812.60", "P6", "Jul30,2025", "Aug5,2025", "SamCarter", "Visa••••4242"):
        assert value.lower() in text.lower(), value
    assert samples.FULL_CARD not in text


def test_quality_return_has_no_deduction(company: CompanyDetails) -> None:
    note = samples.credit_note()
    refund = replace(note.refund, deductions=(), amount=Decimal("899.00"),
                     rule_ids=("T1", "P6"), notify_customer=False)
    text = pdf.squashed(credit_note_pdf(replace(note, refund=refund,
                                                reason_code=ReasonCode.DEFECTIVE), company))
    assert "Nodeductions(T1" in text and "USD899.00" in text and "−" not in text


def test_chinese_credit_note(company: CompanyDetails) -> None:
    text = pdf.squashed(credit_note_pdf(samples.credit_note(samples.chinese()), company))
    assert "贷项通知单" in text and samples.CHINESE_NAME in text and "应退金额" in text
