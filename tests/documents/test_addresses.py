"""Addresses as their readers expect them: a Chinese address from the province down to the
person, with a Latin line for the carrier; countries named in full on the label."""

from __future__ import annotations

from dataclasses import replace

from livenon_desk.documents.data import Address, CompanyDetails
from livenon_desk.documents.return_form import return_form_pdf
from livenon_desk.documents.return_label import return_label_pdf
from tests.documents import pdf_reading as pdf
from tests.documents import samples


def _tops(data: bytes, *needles: str) -> list[float]:
    """How high on the page each piece of text stands (the first time it is drawn)."""
    return [pdf.find_text(data, needle)[0][1] for needle in needles]


def test_a_chinese_address_reads_from_the_country_down_to_the_person() -> None:
    address = samples.chinese().address
    assert address is not None
    assert address.lines() == ["200120 中国上海市", "浦东新区世纪大道 100 号", "环球金融中心 25 楼",
                               samples.CHINESE_NAME]
    province = replace(address, region="广东省", city="深圳市", line1="南山区科技园 8 号",
                       line2=None)
    assert province.lines()[0] == "200120 中国广东省深圳市"


def test_a_latin_address_keeps_its_order_and_may_name_its_country() -> None:
    address = samples.american().address
    assert address is not None
    assert address.lines() == ["Emily Johnson", "1458 Maple Avenue", "Apt 3B",
                               "Portland OR 97205", "US"]
    assert address.lines(country="UNITED STATES")[-1] == "UNITED STATES"


def test_the_chinese_senders_label_is_in_chinese_order_with_a_latin_line(
    company: CompanyDetails
) -> None:
    data = return_label_pdf(samples.label(samples.chinese(), cross_border=True), company, "zh")
    country, street, person, latin = _tops(data, "中国上海市", "浦东新区世纪大道", "王晓明",
                                           "200120CHINA")
    assert country > street > person > latin
    text = pdf.squashed(data)
    assert "UNITEDSTATES" in text  # the warehouse's country, for the carrier


def test_the_domestic_label_names_the_country_in_full(company: CompanyDetails) -> None:
    text = pdf.text(return_label_pdf(samples.label(), company))
    assert "UNITED STATES" in text
    assert "US" not in text.split()


def test_the_return_form_prints_a_chinese_address_in_chinese_order(company: CompanyDetails
                                                                   ) -> None:
    data = return_form_pdf(samples.a_return(samples.chinese()), company, "zh")
    country, street, person = _tops(data, "中国上海市", "浦东新区世纪大道", "王晓明")
    assert country > street > person
    assert pdf.squashed(data).count(samples.CHINESE_NAME) == 1


def test_an_address_with_no_chinese_in_it_stays_in_latin_order() -> None:
    address = Address("Wang Xiaoming", "100 Century Avenue", None, "Shanghai", None,
                      "200120", "CN")
    assert address.lines()[0] == "Wang Xiaoming"
