"""Blocks kept together on the page, read back from where the text lands."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from livenon_desk.documents.data import CompanyDetails, Lang, Party
from livenon_desk.documents.inspection_report import inspection_report_pdf
from livenon_desk.documents.return_form import return_form_pdf
from livenon_desk.documents.return_label import return_label_pdf
from tests.documents import pdf_reading as pdf
from tests.documents import samples


def _pages(data: bytes, needle: str) -> set[int]:
    found = {page for page, _, _ in pdf.find_text(data, needle)}
    assert found, needle
    return found


@pytest.mark.parametrize(("customer", "lang", "signature", "shipping"), [
    (samples.american(), "en", "Customer signature", "Shipping (P4)"),
    (samples.chinese(), "zh", "客户签名", "寄送方式（P4）"),
])
def test_the_signature_stays_with_the_shipping_block(
    company: CompanyDetails, customer: Party, lang: Lang, signature: str, shipping: str
) -> None:
    # Two lines and a long reason: the form is as full as it gets for one parcel.
    ret = replace(samples.a_return(customer, samples.return_lines(2)),
                  reason_text="The table is larger than we expected. " * 4)
    data = return_form_pdf(ret, company, lang)
    assert _pages(data, signature) == _pages(data, shipping)
    # No page holds the signature alone: its page has the shipping words too.
    for page in _pages(data, signature):
        assert len(pdf.page_texts(data)[page - 1].split()) > 20


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("push", [4, 10, 16])
def test_the_rule_table_is_not_split_across_pages(company: CompanyDetails, tmp_path: Path,
                                                 lang: Lang, push: int) -> None:
    # A long product name pushes the table down to where a page ends beside it.
    record = samples.inspection(tmp_path, samples.chinese() if lang == "zh" else None)
    name = "Nordic solid wood dining table " + "with a long name " * push * 4
    record = replace(record, line=replace(record.line, product_name_en=name,
                                          product_name_zh=name))
    data = inspection_report_pdf(record, company, lang)
    first = _pages(data, "E1" + ("Notcustomized" if lang == "en" else "非定制商品"))
    last = _pages(data, "X3" + ("Usedordamaged" if lang == "en" else "已使用或损坏不可退"))
    assert first == last


def test_the_domestic_label_has_no_gap_above_its_barcodes(company: CompanyDetails) -> None:
    def gap(cross_border: bool) -> float:
        label = samples.label(cross_border=cross_border)
        assert label.tracking_number is not None
        data = return_label_pdf(label, company)
        [(_, _, tracking_bottom)] = pdf.find_text(data, label.tracking_number)
        [(_, order_top, _)] = pdf.find_text(data, "Order number")
        return tracking_bottom - order_top

    assert gap(cross_border=False) <= gap(cross_border=True) + 2
