"""Reading the generated PDFs back for real: text, page sizes, fonts, barcodes."""

from __future__ import annotations

import io
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
