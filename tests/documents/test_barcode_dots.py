"""Code 128 for thermal printers: every bar and space a whole number of printer dots, read
from the page rendered at the printer's resolution."""

from __future__ import annotations

from dataclasses import replace

import pytest

from livenon_desk.documents.barcodes import QUIET_MODULES, modules
from livenon_desk.documents.data import CompanyDetails
from livenon_desk.documents.item_tag import item_tag_pdf
from livenon_desk.documents.return_label import return_label_pdf
from tests.documents import pdf_reading as pdf
from tests.documents import samples

# The label's Code 128 sits left of the QR, above the RMA in words.
LABEL_BARS = {"left": 0, "right": 288 - 12 - 96, "bottom": 36, "top": 98}


def _assert_whole_dots(row: pdf.BarRow, value: str, dpi: int) -> int:
    """Each bar and space is 1 to 4 modules of the same whole number of dots, with a quiet
    zone of ten modules on each side; returns the module's dots."""
    module = min(row.runs)
    assert module >= 2  # 0.7 pt at least: two dots at 203 dpi, three at 300
    assert row.grey == 0, "a bar edge falls between two dots"
    assert all(run % module == 0 and run // module <= 4 for run in row.runs), row.runs
    assert sum(row.runs) == modules(value) * module  # the quiet zone is not bars
    assert min(row.white_left, row.white_right) >= QUIET_MODULES * module
    assert module * 72 / dpi <= 1.6
    return module


@pytest.mark.parametrize("dpi", [203, 300])
def test_label_bars_are_whole_printer_dots(company: CompanyDetails, dpi: int) -> None:
    label = samples.label()
    data = return_label_pdf(label, company, dpi=dpi)
    row = pdf.bar_row(data, 0, dpi, **LABEL_BARS)
    module = _assert_whole_dots(row, label.rma_number, dpi)
    assert module == (2 if dpi == 203 else 3)
    assert pdf.codes_by_page(data, "Code128", dpi) == [[label.rma_number]]


@pytest.mark.parametrize("dpi", [203, 300])
def test_tag_bars_are_whole_printer_dots(company: CompanyDetails, dpi: int) -> None:
    tag = samples.item_tag()
    data = item_tag_pdf(tag, company, dpi=dpi)
    # The carton's licence plate near the top (left of its QR), the SKU near the bottom.
    _assert_whole_dots(pdf.bar_row(data, 0, dpi, right=210, bottom=300, top=400),
                       tag.unit_code, dpi)
    _assert_whole_dots(pdf.bar_row(data, 0, dpi, bottom=0, top=80), tag.sku, dpi)
    assert sorted(pdf.codes_by_page(data, "Code128", dpi)[0]) == sorted([tag.unit_code,
                                                                          tag.sku])


def test_a_short_code_gets_wider_modules_but_never_wider_than_1_6_pt(
        company: CompanyDetails) -> None:
    data = return_label_pdf(replace(samples.label(), rma_number="R1"), company, dpi=203)
    row = pdf.bar_row(data, 0, 203, **LABEL_BARS)
    assert _assert_whole_dots(row, "R1", 203) == 4  # 1.42 pt; 5 dots would be 1.77 pt
