"""Reading a ZPL job back as a printer would: its formats, their commands, and each graphic
field (^GF, compressed ASCII hex or Z64) decoded to a picture whose barcodes zxing-cpp
reads."""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from dataclasses import dataclass

import zxingcpp
from PIL import Image

# A ZPL command: ^ or ~, two letters (or letter and digit), then its parameters up to the
# next command. The graphic field's data never holds ^ or ~.
COMMAND = re.compile(r"([\^~])([A-Z@][A-Z0-9@])([^\^~]*)", re.S)


@dataclass(frozen=True)
class Command:
    name: str  # "^GF", "~HS"
    params: str


@dataclass(frozen=True)
class Label:
    """One format, ^XA to ^XZ."""

    commands: tuple[Command, ...]

    def values(self, name: str) -> list[str]:
        return [c.params.strip() for c in self.commands if c.name == name]

    def graphics(self) -> list[Image.Image]:
        return [graphic_field(c.params) for c in self.commands if c.name == "^GF"]


def commands(job: bytes) -> list[Command]:
    return [Command(m.group(1) + m.group(2), m.group(3))
            for m in COMMAND.finditer(job.decode("ascii"))]


def labels(job: bytes) -> list[Label]:
    """The formats of the job; a command outside ^XA ... ^XZ fails the test."""
    found: list[Label] = []
    current: list[Command] | None = None
    for command in commands(job):
        if command.name == "^XA":
            assert current is None, "^XA inside a format"
            current = []
        elif command.name == "^XZ":
            assert current is not None, "^XZ without ^XA"
            found.append(Label(tuple(current)))
            current = None
        else:
            assert current is not None, f"{command.name} outside a format"
            current.append(command)
    assert current is None, "a format without ^XZ"
    return found


def graphic_field(params: str) -> Image.Image:
    """``A,total,total,row_bytes,data`` back to a 1-bit picture (black dots black)."""
    form, total, field_total, row_bytes, data = params.split(",", 4)
    assert form == "A" and total == field_total
    width_bytes, size = int(row_bytes), int(total)
    data = data.strip()
    raw = _z64(data) if data.startswith(":Z64:") else _ascii(data, width_bytes)
    assert len(raw) == size, (len(raw), size)
    height = size // width_bytes
    # In ZPL a 1 bit is a black dot; in Pillow's mode "1" it is white.
    return Image.frombytes("1", (width_bytes * 8, height),
                           bytes(255 - b for b in raw)).convert("L")


def _z64(data: str) -> bytes:
    _, _, encoded, crc = data.split(":")
    assert f"{binascii.crc_hqx(encoded.encode('ascii'), 0):04X}" == crc, "Z64 CRC"
    return zlib.decompress(base64.b64decode(encoded))


def _ascii(data: str, width_bytes: int) -> bytes:
    """ZPL's compressed ASCII hex, read digit by digit as the printer does."""
    digits_per_row = 2 * width_bytes
    rows: list[str] = []
    row = ""
    count = 0
    for char in data:
        if char.isspace():
            continue
        if "G" <= char <= "Y":
            count += ord(char) - ord("G") + 1
        elif "g" <= char <= "z":
            count += 20 * (ord(char) - ord("g") + 1)
        elif char == ",":
            assert count == 0
            rows.append(row.ljust(digits_per_row, "0"))
            row = ""
        elif char == "!":
            assert count == 0
            rows.append(row.ljust(digits_per_row, "F"))
            row = ""
        elif char == ":":
            assert count == 0 and not row and rows
            rows.append(rows[-1])
        else:
            assert char in "0123456789ABCDEF", char
            row += char * max(count, 1)
            count = 0
        assert len(row) <= digits_per_row
        if len(row) == digits_per_row:
            rows.append(row)
            row = ""
    assert not row and count == 0
    return bytes.fromhex("".join(rows))


def barcodes(image: Image.Image) -> list[tuple[str, str]]:
    """(format, text) of every barcode zxing-cpp reads on the picture."""
    return [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]
