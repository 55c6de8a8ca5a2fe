"""What holds for every document: it opens, its font is embedded, no card number leaks,
Chinese comes back as the same characters, and every barcode reads as the RMA, tag code or SKU."""

from __future__ import annotations

import re

import pytest

from tests.documents import pdf_reading as pdf
from tests.documents import samples

KINDS = ["return_form", "invoice", "return_label", "item_tag", "inspection_report",
         "credit_note", "evidence_package"]
RMA = "RMA-2025-000123"
SKU = "LVN-TBL-0451"
TAG = samples.item_tag().tag_code
LPN = samples.item_tag().unit_code


@pytest.mark.parametrize("kind", KINDS)
def test_font_is_embedded_truetype(kind: str, english_documents: dict[str, bytes],
                                   chinese_documents: dict[str, bytes]) -> None:
    for data in (english_documents[kind], chinese_documents[kind]):
        assert pdf.embedded_font_files(data) == {"/FontFile2"}
        # Subsets of the shipped font (AAAAAA+WenQuanYiMicroHei...), and no other font.
        assert all("WenQuanYiMicroHei" in name for name in pdf.base_fonts(data))


@pytest.mark.parametrize("kind", KINDS)
def test_no_card_number_beyond_its_last_four(kind: str, english_documents: dict[str, bytes],
                                            chinese_documents: dict[str, bytes]) -> None:
    for data in (english_documents[kind], chinese_documents[kind]):
        text = pdf.squashed(data)
        assert samples.FULL_CARD not in text
        assert samples.FULL_CARD[:12] not in text
        # No run of more than four digits that ends in the card's last four.
        assert not re.search(r"\d{5,}4242", text.replace(",", ""))


@pytest.mark.parametrize("kind", KINDS)
def test_chinese_round_trips(kind: str, chinese_documents: dict[str, bytes]) -> None:
    text = pdf.squashed(chinese_documents[kind])
    expected = {
        "return_label": samples.CHINESE_NAME,
        "item_tag": samples.CHINESE_PRODUCT,
    }.get(kind, samples.CHINESE_PRODUCT)
    assert expected in text
    if kind not in ("item_tag", "inspection_report"):
        assert samples.CHINESE_NAME in text


@pytest.mark.parametrize("kind", KINDS)
def test_every_barcode_reads_as_the_rma_tag_or_sku(kind: str,
                                                   english_documents: dict[str, bytes],
                                                   chinese_documents: dict[str, bytes]) -> None:
    for data in (english_documents[kind], chinese_documents[kind]):
        found = pdf.barcodes(data)
        linear = [b.text for b in found if b.format == "Code128"]
        assert set(linear) <= {RMA, SKU, TAG, LPN}
        qr = [b.text for b in found if b.format == "QRCode"]
        if kind == "inspection_report":
            assert len(qr) == 1 and re.fullmatch(
                rf"livenon-inspection/1;{RMA};[0-9a-f-]{{36}};[0-9a-f]{{64}}", qr[0])
        elif kind == "item_tag":
            assert qr == [LPN]
        elif kind != "evidence_package":
            assert set(qr) <= {RMA}
        if kind in ("return_form", "return_label"):
            assert RMA in linear
        if kind == "item_tag":  # the carton's LPN, which receiving scans to count it in
            assert LPN in linear


@pytest.mark.parametrize("kind", KINDS)
def test_every_document_names_its_rma_or_order(kind: str, english_documents: dict[str, bytes]
                                               ) -> None:
    text = pdf.squashed(english_documents[kind])
    assert RMA in text or "LVN2025070100042" in text


@pytest.mark.parametrize("kind", KINDS)
def test_no_text_runs_off_the_page(kind: str, english_documents: dict[str, bytes],
                                   chinese_documents: dict[str, bytes]) -> None:
    for data in (english_documents[kind], chinese_documents[kind]):
        sizes = pdf.page_sizes(data)
        for (width, height), boxes in zip(sizes, pdf.char_boxes(data), strict=True):
            assert boxes
            for char, (left, bottom, right, top) in boxes:
                assert left >= 4 and right <= width - 4, char
                assert bottom >= 4 and top <= height - 4, char
