from __future__ import annotations

from livenon_desk.documents.data import CompanyDetails
from livenon_desk.documents.return_form import return_form_pdf
from tests.documents import pdf_reading as pdf
from tests.documents import samples


def test_return_form_holds_the_return(company: CompanyDetails) -> None:
    ret = samples.a_return()
    data = return_form_pdf(ret, company)
    text = pdf.squashed(data)
    for value in (ret.rma_number, ret.order_number, "EmilyJohnson", "1458MapleAvenue",
                  "LVN-TBL-0451", "Nordicsolidwooddiningtable", "Changedmind",
                  "LivenonReturnsWarehouse", "4200EastAirportDrive", "services@livenon.com"):
        assert value in text
    assert "theorderinvoice" in text and "thisreturnform" in text  # P3: what to enclose
    assert "(P7,T2)" in text  # a personal reason: who pays the return shipping
    assert pdf.codes(data, "Code128") == [ret.rma_number]
    assert len(pdf.page_sizes(data)) == 1


def test_chinese_return_form_round_trips_the_characters(company: CompanyDetails) -> None:
    ret = samples.a_return(samples.chinese())
    data = return_form_pdf(ret, company)
    text = pdf.squashed(data)
    assert samples.CHINESE_NAME in text
    assert samples.CHINESE_PRODUCT in text
    assert "退货单" in text and "包装要求" in text
    assert pdf.codes(data, "Code128") == [ret.rma_number]


def test_english_is_kept_when_asked_for_a_chinese_customer(company: CompanyDetails) -> None:
    data = return_form_pdf(samples.a_return(samples.chinese()), company, lang="en")
    text = pdf.squashed(data)
    assert "ReturnForm" in text and "退货单" not in text
    assert samples.CHINESE_NAME in text
