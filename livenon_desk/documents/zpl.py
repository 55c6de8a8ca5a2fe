"""Labels and tags as ZPL II for a thermal label printer: each page of the label PDF
rasterized at the printer's resolution into one graphic field (``^GF``).

Why a picture of the page and not the printer's own text and ``^BC``/``^BQ`` barcodes: a
label holds Chinese names and addresses with their pinyin, a reversed "RETURNED GOODS"
band and text shrunk to fit its box; a printer's resident fonts have no Chinese, and a
second layout in printer fonts would drift from the PDF. Rasterizing the same PDF keeps
one layout, so the paper preview, a PDF printed by hand and the thermal label say the same
words. Nothing is lost on the barcodes: the PDF is drawn for the printer's dpi, every bar
edge on a whole dot (``barcodes.py``), so each dot of the picture is exactly one dot of
the print head.

A job holds one format (``^XA`` ... ``^XZ``) per page, so a batch of labels is one job.
The picture is written in ZPL's compressed ASCII hex (run-length letters, ``,`` for a row
that ends white, ``:`` for a row like the one before), which every ZPL II printer and
emulation reads, or in the Z64 form (deflate, base64, CRC), which is smaller but needs a
newer firmware.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

import pypdfium2 as pdfium
from PIL import Image

from livenon_desk.documents.printer_limits import DARKNESS_RANGE

# A grey pixel of the rendered page at or above this prints white. Bars and text edges
# fall on whole dots, so only the anti-aliased rims of letters are grey.
WHITE_FROM = 160
_INVERT = bytes(255 - i for i in range(256))


class GraphicEncoding(StrEnum):
    ASCII = "ascii"  # compressed ASCII hex: every ZPL II printer
    Z64 = "z64"  # deflated, base64, with a CRC: smaller, newer firmware


@dataclass(frozen=True)
class Bitmap:
    """One page as the print head sees it: ``rows`` of packed bits, 1 = a black dot."""

    width: int  # dots
    height: int  # dots
    rows: tuple[bytes, ...]

    @property
    def row_bytes(self) -> int:
        return (self.width + 7) // 8


def page_bitmaps(pdf: bytes, dpi: int) -> Iterator[Bitmap]:
    """Each page of ``pdf`` rendered at ``dpi``, one bit a dot."""
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                width, height = (round(side * dpi / 72) for side in page.get_size())
                grey = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            finally:
                page.close()
            # The renderer may round a side up by one dot; the label is exactly its size.
            yield _one_bit(grey.crop((0, 0, width, height)))
    finally:
        document.close()


def _one_bit(grey: Image.Image) -> Bitmap:
    # A row of the field is whole bytes: the dots past the page's width are white, not
    # the zero bits mode "1" would pad with (black, once inverted).
    step = (grey.width + 7) // 8
    page = Image.new("L", (step * 8, grey.height), 255)
    page.paste(grey)
    # Mode "1" packs each row into bytes with 1 = white; ZPL's 1 is a black dot.
    bits = page.point(lambda v: 255 if v >= WHITE_FROM else 0, mode="1")
    packed = bits.tobytes().translate(_INVERT)
    rows = tuple(packed[i:i + step] for i in range(0, len(packed), step))
    return Bitmap(grey.width, grey.height, rows)


def zpl_job(pdf: bytes, dpi: int, darkness: int = 0,
            encoding: GraphicEncoding = GraphicEncoding.ASCII) -> bytes:
    """The ZPL II job that prints each page of ``pdf`` (label stock) as one label."""
    return b"".join(zpl_labels(pdf, dpi, darkness, encoding))


def zpl_labels(pdf: bytes, dpi: int, darkness: int = 0,
               encoding: GraphicEncoding = GraphicEncoding.ASCII) -> list[bytes]:
    """Each page of ``pdf`` as one ZPL II format (``^XA`` ... ``^XZ``), in page order."""
    low, high = DARKNESS_RANGE
    if not low <= darkness <= high:
        raise ValueError(f"darkness {darkness} is outside {low}..{high}")
    return [label_format(bitmap, darkness, encoding) for bitmap in page_bitmaps(pdf, dpi)]


def label_format(bitmap: Bitmap, darkness: int = 0,
                 encoding: GraphicEncoding = GraphicEncoding.ASCII) -> bytes:
    """One label: its size in dots (``^PW``, ``^LL``), the darkness relative to the
    printer's own (``^MD``), the page as a graphic field at the home position."""
    total = bitmap.row_bytes * bitmap.height
    data = (z64(bitmap) if encoding is GraphicEncoding.Z64 else compressed_hex(bitmap))
    return (
        f"^XA\n^PW{bitmap.width}\n^LL{bitmap.height}\n^LH0,0\n^MD{darkness}\n"
        f"^FO0,0^GFA,{total},{total},{bitmap.row_bytes},{data}^FS\n"
        "^PQ1\n^XZ\n"
    ).encode("ascii")


def compressed_hex(bitmap: Bitmap) -> str:
    """The rows in ZPL's compressed ASCII hex: ``:`` repeats the row before, a row that
    ends in white dots ends in ``,``, a run of one hex digit is a count and the digit."""
    out: list[str] = []
    previous: bytes | None = None
    for row in bitmap.rows:
        if row == previous:
            out.append(":")
            continue
        previous = row
        digits = row.hex().upper()
        stripped = digits.rstrip("0")
        tail = "," if len(stripped) < len(digits) else ""
        out.append(_runs(stripped) + tail)
    return "".join(out)


def _runs(digits: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(digits):
        j = i
        while j < len(digits) and digits[j] == digits[i]:
            j += 1
        count = j - i
        out.append((repeat_count(count) if count > 1 else "") + digits[i])
        i = j
    return "".join(out)


def repeat_count(count: int) -> str:
    """ZPL's count letters: ``g``-``z`` for 20-400 in twenties, ``G``-``Y`` for 1-19."""
    letters = []
    while count > 0:
        if count >= 20:
            twenties = min(count // 20, 20)
            letters.append(chr(ord("g") + twenties - 1))
            count -= twenties * 20
        else:
            letters.append(chr(ord("G") + count - 1))
            count = 0
    return "".join(letters)


def z64(bitmap: Bitmap) -> str:
    """The rows deflated and base64-encoded, with the CRC-16 (CCITT) of the base64 text
    that the printer checks before it prints."""
    encoded = base64.b64encode(zlib.compress(b"".join(bitmap.rows), 9)).decode("ascii")
    return f":Z64:{encoded}:{binascii.crc_hqx(encoded.encode('ascii'), 0):04X}"
