"""T3: every paper that travels in a cross-border parcel says "Returned Goods", in the
customs officer's English and, on a Chinese paper, in Chinese too."""

from __future__ import annotations

from dataclasses import replace

import pytest

from livenon_desk.documents.data import Address, CompanyDetails, Lang, Party
from livenon_desk.documents.invoice import invoice_pdf
from livenon_desk.documents.return_form import return_form_pdf
from livenon_desk.documents.return_label import return_label_pdf
from tests.documents import pdf_reading as pdf
from tests.documents import samples

NOTE_EN = "Returnedgoods:thegoodswereexportedfromthisaddressandarereturned,notsoldagain(T3)."
NOTE_ZH = "退运货物：本货物系原出口商品退回，非再次销售（T3）。"


def canadian() -> Party:
    return Party("Olivia Tremblay", "olivia@example.ca", "+1 514 555 0101",
                 Address("Olivia Tremblay", "1200 Rue Sainte-Catherine", None, "Montréal",
                         "QC", "H3B 1K9", "CA"))


def _papers(customer: Party, lang: Lang, company: CompanyDetails) -> dict[str, bytes]:
    cross = customer.address is not None and customer.address.country_code != "US"
    return {
        "return_form": return_form_pdf(samples.a_return(customer), company, lang),
        "invoice": invoice_pdf(samples.invoice(customer), company, lang),
        "label": return_label_pdf(replace(samples.label(customer), cross_border=cross),
                                  company, lang),
    }


@pytest.mark.parametrize("paper", ["return_form", "invoice", "label"])
def test_cross_border_papers_say_returned_goods_in_english(company: CompanyDetails,
                                                           paper: str) -> None:
    text = pdf.squashed(_papers(canadian(), "en", company)[paper])
    assert "RETURNEDGOODS" in text
    if paper != "label":
        assert NOTE_EN in text


@pytest.mark.parametrize("paper", ["return_form", "invoice", "label"])
def test_a_chinese_customers_papers_say_it_in_both_languages(company: CompanyDetails,
                                                             paper: str) -> None:
    text = pdf.squashed(_papers(samples.chinese(), "zh", company)[paper])
    assert "RETURNEDGOODS" in text and "退运货物" in text
    if paper != "label":
        assert NOTE_ZH in text and NOTE_EN in text


@pytest.mark.parametrize("paper", ["return_form", "invoice", "label"])
def test_a_domestic_return_is_not_marked(company: CompanyDetails, paper: str) -> None:
    text = pdf.squashed(_papers(samples.american(), "en", company)[paper])
    assert "RETURNEDGOODS" not in text and "Returnedgoods" not in text
