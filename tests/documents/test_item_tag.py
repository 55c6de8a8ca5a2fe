from __future__ import annotations

from dataclasses import replace

from livenon_desk.documents.data import CompanyDetails
from livenon_desk.documents.item_tag import item_tag_pdf, item_tags_pdf
from tests.documents import pdf_reading as pdf
from tests.documents import samples


def test_tag_holds_rma_sku_product_disposition_bin_and_inspector(company: CompanyDetails
                                                                 ) -> None:
    tag = samples.item_tag()
    data = item_tag_pdf(tag, company)
    text = pdf.squashed(data)
    for value in (tag.rma_number, tag.tag_code, tag.sku, "Nordicsolidwooddiningtable,walnut",
                  "RESTOCK", "B-14-03", "MariaLopez", "Jul28,202509:25PDT", "Eligible"):
        assert value in text, value
    assert sorted(pdf.codes(data, "Code128")) == sorted([tag.unit_code, tag.sku])
    assert pdf.page_sizes(data) == [(288.0, 432.0)]


def test_tag_before_inspection_says_so(company: CompanyDetails) -> None:
    tag = replace(samples.item_tag(), disposition=None, inspected_by=None, inspected_at=None,
                  decision=None, bin_location=None)
    text = pdf.squashed(item_tag_pdf(tag, company))
    assert "NOTINSPECTEDYET" in text and "None" not in text


def test_chinese_tag_and_a_batch(company: CompanyDetails) -> None:
    tags = [samples.item_tag(), replace(samples.item_tag(), sku="LVN-CHR-0112",
                                        product_name_zh="橡木餐椅（两把装）")]
    data = item_tags_pdf(tags, company, "zh")
    texts = ["".join(t.split()) for t in pdf.page_texts(data)]
    assert len(texts) == 2
    assert samples.CHINESE_PRODUCT in texts[0] and "重新上架" in texts[0]
    assert "橡木餐椅（两把装）" in texts[1]


def test_a_long_disposition_stays_inside_its_band(company: CompanyDetails) -> None:
    tag = replace(samples.item_tag(), disposition=None)
    boxes = pdf.char_boxes(item_tag_pdf(tag, company))[0]
    text = "".join(c for c, _ in boxes)
    start = text.index("NOTINSPECTEDYET")
    band_right = 12 + (288 - 24) * 0.64
    assert all(box[2] <= band_right for _, box in boxes[start:start + 15])


def test_each_carton_has_its_own_tag_with_its_licence_plate_as_code_128_and_qr(
        company: CompanyDetails) -> None:
    # Receiving counts a carton by scanning its licence plate (LPN: the line's tag code and
    # the carton's number), and every later step scans it: each carton's tag carries its
    # own as bars and as QR, with the carton's place in the line ("2 / 3").
    tags = [replace(samples.item_tag(), carton_index=i, carton_count=3) for i in (1, 2, 3)]
    data = item_tags_pdf(tags, company)
    lpns = [f"{tags[0].tag_code}-U{i}" for i in (1, 2, 3)]
    assert [tag.unit_code for tag in tags] == lpns
    assert [sorted(page) for page in pdf.codes_by_page(data, "Code128")] == [
        sorted([lpn, tags[0].sku]) for lpn in lpns]
    assert pdf.codes_by_page(data, "QRCode") == [[lpn] for lpn in lpns]
    pages = pdf.squashed_pages(data)
    assert [f"{i}/3" in page for i, page in zip((1, 2, 3), pages, strict=True)] == [True] * 3
    assert all(tags[0].rma_number in page and lpn in page
               for page, lpn in zip(pages, lpns, strict=True))
