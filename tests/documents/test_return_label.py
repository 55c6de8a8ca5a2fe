from __future__ import annotations

from dataclasses import replace

import pytest

from livenon_desk.documents.data import Address, CompanyDetails
from livenon_desk.documents.return_label import return_label_pdf, return_labels_pdf
from livenon_desk.documents.romanization import romanize, romanize_name
from livenon_desk.documents.text_fit import TextDoesNotFitError
from tests.documents import pdf_reading as pdf
from tests.documents import samples


def test_label_is_exactly_four_by_six_inches(company: CompanyDetails) -> None:
    data = return_label_pdf(samples.label(), company)
    assert pdf.page_sizes(data) == [(288.0, 432.0)]


def test_label_holds_from_to_carrier_tracking_and_the_rma_twice(company: CompanyDetails
                                                                ) -> None:
    label = samples.label()
    assert label.tracking_number is not None
    data = return_label_pdf(label, company)
    text = pdf.squashed(data)
    for value in ("FROM", "EmilyJohnson", "1458MapleAvenue", "PortlandOR97205", "TO",
                  "LivenonReturnsWarehouse", "4200EastAirportDrive", "OntarioCA91761", "UPS",
                  label.tracking_number, label.rma_number, label.order_number, "1/2"):
        assert value in text, value
    assert "RETURNEDGOODS" not in text
    assert pdf.codes(data, "Code128") == [label.rma_number]
    assert pdf.codes(data, "QRCode") == [label.rma_number]


def test_cross_border_label_says_returned_goods(company: CompanyDetails) -> None:
    data = return_label_pdf(samples.label(samples.chinese(), cross_border=True), company, "zh")
    text = pdf.squashed(data)
    assert "RETURNEDGOODS" in text and "退运货物" in text  # T3
    assert samples.CHINESE_NAME in text and "浦东新区世纪大道100号" in text


def test_a_batch_has_one_label_a_page(company: CompanyDetails) -> None:
    labels = [replace(samples.label(), rma_number=f"RMA-2025-{n:06d}") for n in (1, 2, 3)]
    data = return_labels_pdf(labels, company)
    assert pdf.page_sizes(data) == [(288.0, 432.0)] * 3
    assert sorted(b.text for b in pdf.barcodes(data) if b.format == "Code128") == [
        label.rma_number for label in labels]


def test_a_long_address_shrinks_to_fit_and_loses_nothing(company: CompanyDetails) -> None:
    sender = Address("Dr. Alexandra Montgomery-Fitzwilliam of the Northern Territories",
                     "Building 7, Riverside Business Park, 1200 Industrial Parkway North",
                     "Loading bay C, ask for the facilities manager at the east gate",
                     "South San Francisco", "CA", "94080-1234", "US", company="Acme Co.")
    data = return_label_pdf(replace(samples.label(), sender=sender), company)
    text = pdf.squashed(data)
    for line in sender.lines("UNITED STATES"):  # the label names the country in full
        assert "".join(line.split()) in text


def test_an_address_too_long_for_any_type_size_is_reported(company: CompanyDetails) -> None:
    sender = Address("Someone", "x " * 900, None, "Portland", None, None, "US")
    with pytest.raises(TextDoesNotFitError, match="too long for the label"):
        return_label_pdf(replace(samples.label(), sender=sender), company)


def test_missing_address_parts_are_skipped(company: CompanyDetails) -> None:
    sender = Address("Emily Johnson", None, None, "Portland", None, None, None)
    text = pdf.text(return_label_pdf(replace(samples.label(), sender=sender), company))
    assert "None" not in text and "Portland" in text


def test_a_chinese_address_is_written_again_in_pinyin_for_the_carrier(
        company: CompanyDetails) -> None:
    data = return_label_pdf(samples.label(samples.chinese(), cross_border=True), company, "zh")
    text = pdf.text(data)
    for latin in ("Wang Xiaoming", "Pudong Xinqu Shiji Dadao 100 Hao", "25 Lou",
                  "Shanghai Shi, 200120 CHINA"):
        assert latin in " ".join(text.split()), latin
    assert "浦东新区世纪大道100号" in pdf.squashed(data)  # the Chinese lines stay


@pytest.mark.parametrize(("chinese", "pinyin"), [
    ("福建省厦门市", "Fujian Sheng Xiamen Shi"),
    ("江苏省南京市", "Jiangsu Sheng Nanjing Shi"),
    ("北京市朝阳区", "Beijing Shi Chaoyang Qu"),  # read as a whole: Chaoyang, not Zhaoyang
    ("四川省成都市武侯区", "Sichuan Sheng Chengdu Shi Wuhou Qu"),
    ("广西壮族自治区南宁市", "Guangxi Zhuangzu Zizhiqu Nanning Shi"),
    ("上海市浦东新区", "Shanghai Shi Pudong Xinqu"),
])
def test_a_province_or_city_the_dictionary_joins_still_reads_name_then_suffix(
        chinese: str, pinyin: str) -> None:
    assert romanize(chinese) == pinyin


def test_pinyin_keeps_digits_and_latin_letters_and_capitalises_each_word() -> None:
    assert romanize("深圳市南山区科技园路8号B座") == (
        "Shenzhen Shi Nanshan Qu Kejiyuan Lu 8 Hao B Zuo")
    assert romanize("Room 5, 北京路 12号") == "Room 5, Beijing Lu 12 Hao"
    assert romanize("Tower B") == "Tower B"
    assert romanize_name("王晓明") == "Wang Xiaoming"
