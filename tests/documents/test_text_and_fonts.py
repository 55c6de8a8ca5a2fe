from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from fontTools.ttLib import TTFont

from livenon_desk.documents.data import CompanyDetails, OrderLine
from livenon_desk.documents.fonts import FONT_FILE, covered_code_points
from livenon_desk.documents.glyphs import MISSING, markup, printable
from livenon_desk.documents.invoice import invoice_pdf
from livenon_desk.documents.language import document_language
from livenon_desk.documents.return_label import return_label_pdf
from livenon_desk.documents.text_fit import fit, wrap
from tests.documents import pdf_reading as pdf
from tests.documents import samples


def test_shipped_font_has_truetype_outlines_and_allows_embedding() -> None:
    font = TTFont(FONT_FILE)
    assert "glyf" in font and "CFF " not in font
    assert font["OS/2"].fsType & 0x2 == 0  # not "restricted licence embedding"
    assert FONT_FILE.stat().st_size < 4_000_000
    assert (FONT_FILE.parent / "LICENSE-WenQuanYiMicroHei-Apache-2.0.txt").is_file()


def test_font_covers_common_chinese_and_latin() -> None:
    covered = covered_code_points()
    text = "王晓明 北欧实木餐桌（胡桃色） 喆 堃 Zoë Ångström €£¥ •–—“”"
    assert all(ord(c) in covered for c in text)


def test_emoji_become_one_visible_box_each_and_are_logged(caplog: pytest.LogCaptureFixture
                                                          ) -> None:
    with caplog.at_level(logging.WARNING):
        assert printable("Great table 👍🏽! ❤️ 🛋") == f"Great table {MISSING}! {MISSING} {MISSING}"
    assert "U+1F44D" in caplog.text
    assert printable("plain text") == "plain text"
    assert markup("a < b & c\nnext") == "a &lt; b &amp; c<br/>next"


def test_emoji_in_a_document_print_as_boxes(company: CompanyDetails) -> None:
    customer = replace(samples.american(), name="Emily 🌸 Johnson")
    lines = (OrderLine(1, "LVN-TBL-0451", "Cosy sofa 🛋️ in teal", None, 1,
                       samples.order_lines()[0].unit_price),)
    data = invoice_pdf(samples.invoice(customer, lines), company)
    text = pdf.squashed(data)
    assert f"Emily{MISSING}Johnson" in text and f"Cosysofa{MISSING}inteal" in text
    label = samples.label()
    label = replace(label, sender=replace(label.sender, recipient="Emily 🌸 Johnson"))
    assert f"Emily{MISSING}Johnson" in pdf.squashed(return_label_pdf(label, company))


def test_wrap_breaks_chinese_and_overlong_words() -> None:
    font = "LivenonSans"
    address = "浦东新区世纪大道一百号环球金融中心二十五楼东侧办公区"
    lines = wrap(address, font, 10, 60)
    assert len(lines) > 1 and "".join(lines) == address
    lines = wrap("A" * 50, font, 10, 60)
    assert len(lines) > 1 and "".join(lines) == "A" * 50
    fitted = fit(["a short line"], font, size=14, min_size=8, width=200, height=20)
    assert fitted.size == 14 and fitted.lines == ("a short line",)


@pytest.mark.parametrize(("language", "name", "asked", "expected"), [
    ("en", "Emily Johnson", None, "en"),
    ("zh-CN", "Wang Xiaoming", None, "zh"),
    ("en", "王晓明", None, "zh"),
    ("zh", "王晓明", "en", "en"),
    ("en", "Emily Johnson", "zh", "zh"),
])
def test_document_language(language: str, name: str, asked: str | None, expected: str) -> None:
    party = replace(samples.american(), language=language, name=name)
    assert document_language(party, asked) == expected  # type: ignore[arg-type]


def test_chinese_address_alone_makes_the_document_chinese() -> None:
    party = replace(samples.chinese(), name="Wang Xiaoming", language="en")
    assert document_language(party) == "zh"
