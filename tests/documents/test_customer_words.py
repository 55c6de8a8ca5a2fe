"""What the customer reads: the rules that apply to this return, in plain words, and no
note meant for the warehouse (P4, P6, P7, T1, T2)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from livenon_desk.catalogue import Message
from livenon_desk.documents.credit_note import credit_note_pdf
from livenon_desk.documents.data import CompanyDetails, CreditNoteInfo, Deduction
from livenon_desk.documents.return_form import return_form_pdf
from livenon_desk.domain.enums import LabelType, ReasonCode
from tests.documents import pdf_reading as pdf
from tests.documents import samples


def _note(*deductions: Deduction, amount: str = "899.00", **changes: object
          ) -> CreditNoteInfo:
    note = samples.credit_note()
    refund = replace(note.refund, deductions=deductions, amount=Decimal(amount),
                     notify_customer=bool(deductions))
    return replace(note, refund=refund, **changes)  # type: ignore[arg-type]


def test_a_personal_return_by_own_courier_does_not_read_as_a_quality_return(
    company: CompanyDetails
) -> None:
    note = _note(reason_code=ReasonCode.SIZE_MISMATCH)
    text = pdf.squashed(credit_note_pdf(note, company))
    assert "T1" not in text  # "No deductions (T1: Livenon pays ...)" beside "P7, T2, P6"
    assert "Nodeductions" in text and "pre-paidlabel" in text


def test_the_credit_note_keeps_the_warehouses_own_notes_to_itself(company: CompanyDetails
                                                                   ) -> None:
    text = pdf.squashed(credit_note_pdf(samples.credit_note(), company))
    assert "Thecustomeristold" not in text


def test_a_deduction_at_the_labels_cost_is_explained(company: CompanyDetails) -> None:
    paid = Deduction("P7", Message.of("shipping.label-cost"), Decimal("86.40"),
                     label_cost=Decimal("86.40"))
    text = pdf.squashed(credit_note_pdf(_note(paid, amount="812.60"), company))
    assert ("personalreason,thecostofLivenon'spre-paidreturnlabel,USD86.40,isdeducted"
            in text), text


def test_an_estimated_deduction_says_it_is_an_estimate_and_of_what(company: CompanyDetails
                                                                    ) -> None:
    estimate = Deduction("T2", Message.of("shipping.label-estimate", percent="20 %"),
                         Decimal("179.80"),
                         estimate_rate=Decimal("0.20"))
    text = pdf.squashed(credit_note_pdf(_note(estimate, amount="719.20"), company))
    assert "estimatedat20%ofthepricepaid(USD899.00):USD179.80" in text, text
    zh = pdf.squashed(credit_note_pdf(_note(estimate, amount="719.20"), company, "zh"))
    assert "按实付金额（USD899.00）的20%估算：USD179.80" in zh, zh


def test_a_capped_deduction_says_so(company: CompanyDetails) -> None:
    capped = Deduction("P7", Message.of("shipping.label-cost"), Decimal("359.60"),
                       label_cost=Decimal("420.00"), cap_rate=Decimal("0.40"))
    text = pdf.squashed(credit_note_pdf(_note(capped, amount="539.40"), company))
    assert "USD420.00" in text and "capped" in text and "40%" in text


def test_the_credit_note_says_how_much_goes_to_which_card_and_when(company: CompanyDetails
                                                                   ) -> None:
    text = pdf.squashed(credit_note_pdf(samples.credit_note(), company))
    assert "USD812.60isrefundedtoVisa••••4242" in text, text
    assert "betweenJul30,2025andAug5,2025(P6)" in text
    undated = replace(samples.credit_note(), refund=replace(samples.refund(), due_from=None,
                                                            due_by=None))
    text = pdf.squashed(credit_note_pdf(undated, company))
    assert "within1-7days" in text and "4111" not in text


def test_a_return_form_for_the_customers_own_courier_promises_no_deduction(
    company: CompanyDetails
) -> None:
    ret = replace(samples.a_return(), reason_code=ReasonCode.SIZE_MISMATCH,
                  label_type=LabelType.OWN_COURIER, carrier=None)
    text = pdf.squashed(return_form_pdf(ret, company))
    assert "pre-paid" not in text and "trackablecourier" in text
    assert "nothingisdeducted" in text


def test_a_return_form_with_a_prepaid_label_says_its_cost_is_deducted(
    company: CompanyDetails
) -> None:
    ret = replace(samples.a_return(), reason_code=ReasonCode.SIZE_MISMATCH, carrier=None)
    text = pdf.squashed(return_form_pdf(ret, company))
    # A pre-paid label whose carrier is not on file is still a pre-paid label.
    assert "trackablecourier" not in text and "pre-paidlabel" in text
    assert "costisdeductedfromyourrefund(P7,T2)" in text
    quality = pdf.squashed(return_form_pdf(replace(ret, reason_code=ReasonCode.DEFECTIVE),
                                           company))
    assert "deducted" not in quality and "(T1)" in quality
