"""Reading the generated PDFs back for real: text, page sizes, fonts, barcodes."""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject


@dataclass(frozen=True)
class Barcode:
    page: int
    format: str
    text: str


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def squashed(pdf: bytes) -> str:
    """The text without any whitespace: wrapped lines and Chinese spacing do not matter."""
    return "".join(text(pdf).split())


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(pdf).pages]


def barcodes(pdf: bytes, dpi: int = 200) -> list[Barcode]:
    """Every barcode zxing-cpp finds on the pages rendered at ``dpi``."""
    found: list[Barcode] = []
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            for result in zxingcpp.read_barcodes(image):
                found.append(Barcode(index + 1, result.format.name, result.text))
            page.close()
    finally:
        document.close()
    return found


def codes(pdf: bytes, kind: str) -> list[str]:
    """The decoded text of each barcode of ``kind`` ("Code128" or "QRCode")."""
    return [b.text for b in barcodes(pdf) if b.format == kind]


def fonts(pdf: bytes) -> list[DictionaryObject]:
    """The font dictionaries of every page."""
    out = []
    for page in reader(pdf).pages:
        resources = page.get("/Resources")
        if isinstance(resources, IndirectObject):
            resources = resources.get_object()
        if not isinstance(resources, DictionaryObject) or "/Font" not in resources:
            continue
        table = resources["/Font"].get_object()
        assert isinstance(table, DictionaryObject)
        for ref in table.values():
            font = ref.get_object()
            assert isinstance(font, DictionaryObject)
            out.append(font)
    return out


def embedded_font_files(pdf: bytes) -> set[str]:
    """For each font: which FontFile key its descriptor holds (FontFile2 = TrueType)."""
    keys = set()
    for font in fonts(pdf):
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:
            keys.add(f"none:{font.get('/BaseFont')}")
            continue
        descriptor = descriptor.get_object()
        keys.update(k for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descriptor)
    return keys


def base_fonts(pdf: bytes) -> set[str]:
    return {str(font.get("/BaseFont")) for font in fonts(pdf)}


def char_boxes(pdf: bytes) -> list[list[tuple[str, tuple[float, float, float, float]]]]:
    """Per page: each drawn character and its box (left, bottom, right, top) in points."""
    pages = []
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            boxes = []
            for i in range(textpage.count_chars()):
                char = text[i] if i < len(text) else ""
                if char.strip():
                    boxes.append((char, tuple(textpage.get_charbox(i))))
            pages.append(boxes)
            textpage.close()
            page.close()
    finally:
        document.close()
    return pages


def find_text(pdf: bytes, needle: str) -> list[tuple[int, float, float]]:
    """Where ``needle`` is drawn: (page, top, bottom) in points, for each occurrence."""
    found = []
    for page, boxes in enumerate(char_boxes(pdf), start=1):
        chars = "".join(c for c, _ in boxes)
        target = "".join(needle.split())
        start = chars.find(target)
        while start != -1:
            span = [box for _, box in boxes[start:start + len(target)]]
            found.append((page, max(b[3] for b in span), min(b[1] for b in span)))
            start = chars.find(target, start + 1)
    return found


def text_between(pdf: bytes, page: int, top: float, bottom: float) -> str:
    """The characters drawn on ``page`` wholly between the heights ``top`` and ``bottom``."""
    return "".join(c for c, box in char_boxes(pdf)[page - 1] if box[1] >= bottom
                   and box[3] <= top)


def codes_by_page(pdf: bytes, kind: str, dpi: int = 203) -> list[list[str]]:
    """Per page, the decoded text of each barcode of ``kind``, from pages rendered at
    ``dpi`` (203: a thermal label printer's resolution)."""
    pages: list[list[str]] = [[] for _ in range(len(reader(pdf).pages))]
    for found in barcodes(pdf, dpi):
        if found.format == kind:
            pages[found.page - 1].append(found.text)
    return pages


def squashed_pages(pdf: bytes) -> list[str]:
    return ["".join(page.split()) for page in page_texts(pdf)]


def page_pixels(pdf: bytes, page: int, dpi: int) -> tuple[int, int, bytes]:
    """Page ``page`` (from 0) rendered in grey at ``dpi``: width, height, one byte a pixel."""
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[page].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    return image.width, image.height, image.tobytes()


@dataclass(frozen=True)
class BarRow:
    """One row of pixels across a linear barcode: its runs of black and white."""

    runs: list[int]  # widths in pixels, from the first black pixel to the last, alternating
    grey: int  # pixels neither black nor white between them (a bar edge between two dots)
    white_left: int  # white pixels before the first bar, up to ``left``
    white_right: int  # white pixels after the last bar, up to ``right``


def bar_row(pdf: bytes, page: int, dpi: int, left: float = 0, right: float | None = None,
            bottom: float = 0, top: float | None = None) -> BarRow:
    """The middle row of the page at ``dpi`` (between the given points from the bottom
    left) among those that cross the most bar edges: across the linear barcode there."""
    width, height, pixels = page_pixels(pdf, page, dpi)
    scale = dpi / 72
    x0, x1 = round(left * scale), width if right is None else round(right * scale)
    y1 = height - round(bottom * scale)
    y0 = 0 if top is None else height - round(top * scale)

    def row(y: int) -> bytes:
        return pixels[y * width + x0:y * width + x1]

    def edges(values: bytes) -> int:
        return sum((a < 128) != (b < 128) for a, b in itertools.pairwise(values))

    counts = {y: edges(row(y)) for y in range(y0, y1)}
    most = max(counts.values())
    tallest = [y for y, count in counts.items() if count == most]
    best = tallest[len(tallest) // 2]  # the middle row, away from the bars' ends
    values = row(best)
    dark = [i for i, v in enumerate(values) if v < 128]
    first, last = dark[0], dark[-1]
    runs: list[int] = []
    for i in range(first, last + 1):
        black = values[i] < 128
        if runs and (values[i - 1] < 128) == black:
            runs[-1] += 1
        else:
            runs.append(1)
    grey = sum(1 for v in values[first:last + 1] if 40 < v < 215)
    return BarRow(runs, grey, _white_run(values[:first][::-1]), _white_run(values[last + 1:]))


def _white_run(values: bytes) -> int:
    count = 0
    for v in values:
        if v < 215:
            break
        count += 1
    return count
