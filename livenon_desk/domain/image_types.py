"""Which image a file holds, told by its first bytes, not by its name or its label: the
photos an inspector adds and the ones a customer attaches to an email."""

from __future__ import annotations

# (signature, where it starts, media type, file suffix)
_SIGNATURES: tuple[tuple[bytes, int, str, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png", ".png"),
    (b"WEBP", 8, "image/webp", ".webp"),
    (b"GIF8", 0, "image/gif", ".gif"),
    (b"BM", 0, "image/bmp", ".bmp"),
)


def image_type(head: bytes) -> tuple[str, str] | None:
    """The media type and file suffix of an image starting with ``head`` (16 bytes are
    enough), or None when it is none of JPEG, PNG, WebP, GIF and BMP."""
    for signature, offset, media_type, suffix in _SIGNATURES:
        if head[offset:offset + len(signature)] == signature:
            return media_type, suffix
    return None
