"""Real, small image files written without any imaging library."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def png_bytes(width: int = 8, height: int = 6, rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def write_png(path: Path, width: int = 8, height: int = 6,
              rgb: tuple[int, int, int] = (200, 40, 40)) -> Path:
    path.write_bytes(png_bytes(width, height, rgb))
    return path
