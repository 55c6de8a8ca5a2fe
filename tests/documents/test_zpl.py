"""Labels and tags as ZPL: each page one format whose graphic field, decoded as a printer
would, holds the same barcodes as the PDF, its bars whole dots of the print head."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from PIL import Image

from livenon_desk.documents.data import CompanyDetails
from livenon_desk.documents.item_tag import item_tags_pdf
from livenon_desk.documents.return_label import return_labels_pdf
from livenon_desk.documents.zpl import (
    WHITE_FROM,
    Bitmap,
    GraphicEncoding,
    compressed_hex,
    repeat_count,
    zpl_job,
)
from tests.documents import samples
from tests.documents import zpl_reading as zpl
from tests.documents.pdf_reading import page_pixels


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("encoding", list(GraphicEncoding))
def test_labels_and_tags_print_their_codes_at_the_printers_dpi(
    company: CompanyDetails, dpi: int, encoding: GraphicEncoding
) -> None:
    label = samples.label(samples.chinese(), cross_border=True)
    labels = [replace(label, parcel_index=i, parcel_count=2) for i in (1, 2)]
    tag = samples.item_tag()
    job = zpl_job(return_labels_pdf(labels, company, "zh", dpi), dpi, darkness=4,
                  encoding=encoding)
    job += zpl_job(item_tags_pdf([tag], company, "en", dpi), dpi, encoding=encoding)
    printed = zpl.labels(job)
    assert len(printed) == 3  # one format a label, all in one job
    size = (str(4 * dpi), str(6 * dpi))
    for one, darkness in zip(printed, ("4", "4", "0"), strict=True):
        assert (one.values("^PW")[0], one.values("^LL")[0]) == size
        assert one.values("^MD") == [darkness] and one.values("^FO") == ["0,0"]
        # A row is whole bytes: at 203 dpi four white dots past the label's 812.
        assert [g.size for g in one.graphics()] == [((4 * dpi + 7) // 8 * 8, 6 * dpi)]
    found = [sorted(zpl.barcodes(one.graphics()[0])) for one in printed]
    assert found == [[("Code128", label.rma_number), ("QRCode", label.rma_number)]] * 2 + [
        sorted([("Code128", tag.unit_code), ("Code128", tag.sku),
                ("QRCode", tag.unit_code)])]


def test_the_bars_are_whole_dots_of_a_203_dpi_head(company: CompanyDetails) -> None:
    tag = samples.item_tag()
    job = zpl_job(item_tags_pdf([tag], company, "en", 203), 203)
    picture = zpl.labels(job)[0].graphics()[0]
    # Across the licence plate's bars, 87 points from the top of the tag, left of its QR
    # (item_tag.py).
    y = round(87 * 203 / 72)
    row = picture.tobytes()[y * picture.width:y * picture.width + round(210 * 203 / 72)]
    dark = [i for i, v in enumerate(row) if v == 0]
    runs = [len(list(g)) for _, g in itertools.groupby(row[dark[0]:dark[-1] + 1])]
    narrowest = min(runs)
    assert narrowest >= 2  # MIN_BAR: at least two dots a module at 203 dpi
    assert all(run % narrowest == 0 and run // narrowest <= 4 for run in runs), runs
    assert len(runs) > 30
    # Nothing is printed past the label's edge, where a row's last byte has room left.
    right = [picture.getpixel((x, y)) for y in range(picture.height) for x in range(812, 816)]
    assert set(right) == {255}


def test_compressed_hex_counts_repeats_and_rows() -> None:
    assert [repeat_count(n) for n in (1, 2, 19, 20, 39, 40, 400, 419, 420)] == [
        "G", "H", "Y", "g", "gY", "h", "z", "zY", "zg"]
    rows = (bytes([0xFF] * 3 + [0] * 3), bytes([0xFF] * 3 + [0] * 3), bytes(6),
            bytes([0x0F, 0x00, 0x00, 0x00, 0x00, 0x01]))
    bitmap = Bitmap(48, 4, rows)
    assert compressed_hex(bitmap) == "LF,:,0FO01"
    image = zpl.graphic_field(f"A,24,24,6,{compressed_hex(bitmap)}")
    assert image.size == (48, 4)
    assert image.tobytes() == Image.frombytes(
        "1", (48, 4), bytes(255 - b for b in b"".join(rows))).convert("L").tobytes()


def test_darkness_outside_zpls_range_is_a_bug(company: CompanyDetails) -> None:
    pdf = item_tags_pdf([samples.item_tag()], company, "en", 203)
    with pytest.raises(ValueError, match="darkness"):
        zpl_job(pdf, 203, darkness=31)


def test_the_thermal_label_is_the_pdf_page_dot_for_dot(company: CompanyDetails) -> None:
    """One layout for paper and thermal: the printed dots are the PDF page rendered at the
    printer's dpi, so both say the same words in the same places."""
    pdf = return_labels_pdf([samples.label(samples.chinese(), cross_border=True)], company,
                            "zh", 203)
    picture = zpl.labels(zpl_job(pdf, 203))[0].graphics()[0].crop((0, 0, 812, 1218))
    width, height, grey = page_pixels(pdf, 0, 203)
    assert (width, height) == (812, 1218)
    page = Image.frombytes("L", (width, height), grey)
    differ = sum((a < WHITE_FROM) != (b == 0) for a, b in zip(page.tobytes(), picture.tobytes(),
                                                       strict=True))
    assert differ == 0
    assert sum(b == 0 for b in picture.tobytes()) > 0.05 * width * height  # not blank
