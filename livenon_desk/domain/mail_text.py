"""The words and photos of an email as people really send it (P1, T4): the text a person
reads, decoded from whatever charset the sender's program chose or claimed, and the
images attached.

Old Chinese mail programs label GBK (or GB18030) text as GB2312, and some label nothing
at all; phones send HTML only. Everything here reads and never fetches: an HTML body is
turned into text by the standard library's parser, with no image, script or link
followed.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes
from email.message import Message
from email.policy import default
from html.parser import HTMLParser

from livenon_desk.domain.image_types import image_type

# GB2312 is a subset of GBK, itself a subset of GB18030: a label naming any of them is
# read as GB18030, so text mislabelled as GB2312 (really GBK) still decodes. Big5 is read
# as Big5-HKSCS, its superset.
_SUPERSETS = {
    "gb2312": "gb18030", "gb_2312-80": "gb18030", "euc-cn": "gb18030", "x-euc-cn": "gb18030",
    "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030", "ms936": "gb18030",
    "csgb2312": "gb18030", "chinese": "gb18030",
    "big5": "big5hkscs", "big-5": "big5hkscs", "cn-big5": "big5hkscs", "x-x-big5": "big5hkscs",
    "cp950": "big5hkscs", "csbig5": "big5hkscs",
    "us-ascii": "utf-8", "ascii": "utf-8",  # 8-bit bytes under an ASCII label are mostly UTF-8
}
# Tried in this order when the label is missing or wrong.
_GUESSES = ("utf-8", "gb18030", "big5hkscs")
# Words that say a guess read the text right: the field names of an application.
_TELLING = re.compile(
    r"order|product|reason|contact|订单|訂單|商品|退货|退貨|联系|聯繫|聯絡|原因", re.IGNORECASE)


@dataclass(frozen=True)
class MailPhoto:
    """An image attached to (or inline in) a message, checked by its bytes, not its label."""

    file_name: str
    media_type: str
    data: bytes


@dataclass(frozen=True)
class DecodedText:
    text: str
    # True when no charset read the bytes cleanly and some were replaced.
    lossy: bool = False


def codec_for(label: str | None) -> str | None:
    """The Python codec that reads text labelled ``label``, or None when the label names
    no codec Python knows."""
    if not label:
        return None
    name = label.strip().strip('"').lower()
    try:
        known = codecs.lookup(_SUPERSETS.get(name, name)).name
    except LookupError:
        return None
    return _SUPERSETS.get(known, known)


def decode_text(data: bytes, label: str | None = None) -> DecodedText:
    """Bytes as text: by their label where it reads them cleanly, else by the first guess
    that does (preferring one in which the application's field names appear), else UTF-8
    with the unreadable bytes replaced."""
    codec = codec_for(label)
    if codec is not None:
        try:
            return DecodedText(data.decode(codec))
        except (UnicodeDecodeError, LookupError):
            pass
    clean: list[str] = []
    for guess in _GUESSES:
        if guess == codec:
            continue
        try:
            clean.append(data.decode(guess))
        except UnicodeDecodeError:
            continue
    for text in clean:
        if _TELLING.search(text):
            return DecodedText(text)
    if clean:
        return DecodedText(clean[0])
    return DecodedText(data.decode(codec or "utf-8", errors="replace"), lossy=True)


class _TextOfHtml(HTMLParser):
    _SKIPPED = frozenset({"script", "style", "head", "title", "template", "noscript"})
    _BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                         "table", "ul", "ol", "blockquote", "hr", "pre", "section", "article",
                         "header", "footer", "dt", "dd"})
    _CELLS = frozenset({"td", "th"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0
        self._quote_depth = 0
        self._cells_in_row = 0

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIPPED:
            self._skipping += 1
        elif tag == "blockquote":
            self._quote_depth += 1
            self.parts.append("\n")
        elif tag == "tr":
            self._cells_in_row = 0
            self.parts.append("\n")
        elif tag in self._CELLS:
            # A two-column table of "Order Number | LVN..." reads as "Order Number\tLVN...".
            if self._cells_in_row:
                self.parts.append("\t")
            self._cells_in_row += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag == "blockquote":
            self._quote_depth = max(0, self._quote_depth - 1)
            self.parts.append("\n")
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._quote_depth:
            data = data.replace("\n", "\n" + "> " * self._quote_depth)
            if not self.parts or self.parts[-1].endswith("\n"):
                data = "> " * self._quote_depth + data
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """The words of an HTML body, one block per line, table cells split by a tab; no
    script, style or markup, and nothing fetched."""
    parser = _TextOfHtml()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # markup the parser gives up on: keep what it read
        pass
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \r\f\v]+", " ", line).strip(" ") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _payload_bytes(part: Message) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # a broken transfer encoding leaves nothing to read
        return b""
    return payload if isinstance(payload, bytes) else b""


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:  # a malformed Content-Type header reads as plain text
        return "text/plain"


def _charset(part: Message) -> str | None:
    try:
        charset = part.get_param("charset")
    except Exception:
        return None
    return charset if isinstance(charset, str) else None


def _is_attachment(part: Message) -> bool:
    try:
        return (part.get_content_disposition() or "") == "attachment"
    except Exception:
        return False


def _leaf_text(part: Message) -> DecodedText:
    decoded = decode_text(_payload_bytes(part), _charset(part))
    if _content_type(part) == "text/html":
        return DecodedText(html_to_text(decoded.text), decoded.lossy)
    return DecodedText(decoded.text.replace("\r\n", "\n").strip("\n"), decoded.lossy)


def _children(part: Message) -> list[Message]:
    payload = part.get_payload()
    return [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []


def message_text(part: Message, depth: int = 0) -> DecodedText:
    """What a person reads of ``part``: the plain alternative where there is one, else the
    HTML's words; a forwarded message (message/rfc822) with its From, Date and Subject."""
    if depth > 20:  # a message nested past any real forward is not read further
        return DecodedText("")
    kind = _content_type(part)
    if kind == "multipart/alternative":
        children = _children(part)
        ranked = sorted(children, key=lambda c: 0 if _content_type(c) == "text/plain" else 1)
        for child in ranked:
            text = message_text(child, depth + 1)
            if text.text.strip():
                return text
        return DecodedText("")
    if kind == "message/rfc822" or part.is_multipart():
        texts = [message_text(child, depth + 1) for child in _children(part)
                 if _content_type(child).startswith(("text/", "multipart/", "message/"))
                 and not (_is_attachment(child) and _content_type(child) == "text/html")]
        body = "\n\n".join(t.text for t in texts if t.text.strip())
        if kind == "message/rfc822":
            inner = _children(part)
            if inner:
                body = forwarded_header(inner[0]) + body
        return DecodedText(body, any(t.lossy for t in texts))
    if kind in ("text/plain", "text/html") or kind.startswith("text/"):
        return _leaf_text(part)
    return DecodedText("")


def forwarded_header(original: Message) -> str:
    """The lines a mail program writes above a forwarded message."""
    lines = ["---------- Forwarded message ----------"]
    for name in ("From", "Date", "Subject"):
        value = header_text(original, name)
        if value:
            lines.append(f"{name}: {value}")
    return "\n".join(lines) + "\n\n"


def header_text(message: Message, name: str) -> str:
    """A header's words: RFC 2047 encoded words decoded, and raw 8-bit bytes (an old
    program's GBK subject) read as the body's text is read."""
    try:
        raw = next((v for k, v in message.raw_items() if k.lower() == name.lower()), None)
    except Exception:
        return ""
    if raw is None:
        return ""
    if any("\udc80" <= ch <= "\udcff" for ch in raw):
        data = raw.encode("ascii", "surrogateescape")
        return " ".join(decode_text(data).text.split())
    try:
        value = str(message[name] or "")
    except Exception:  # a header the policy cannot parse is read raw
        value = raw
    return " ".join(value.split())


def _file_name(part: Message, index: int, media_type: str) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:
        name = ""
    name = re.split(r"[\\/]", str(name))[-1].strip()
    name = "".join(ch for ch in name if ch.isprintable())[:120]
    return name or f"photo-{index}.{media_type.split('/')[1]}"


def message_photos(message: Message) -> tuple[MailPhoto, ...]:
    """Every image part whose bytes are an image (JPEG, PNG, GIF, WebP, BMP), attached or
    inline, in the forwarded original too; a part that only claims to be one is left out."""
    photos: list[MailPhoto] = []
    for part in _walk(message):
        label = _content_type(part)
        if not (label.startswith("image/") or label == "application/octet-stream"):
            continue
        data = _payload_bytes(part)
        kind = image_type(data[:16])
        if kind is not None:
            media_type = kind[0]
            photos.append(MailPhoto(_file_name(part, len(photos) + 1, media_type),
                                    media_type, data))
    return tuple(photos)


def _walk(message: Message, depth: int = 0) -> Iterator[Message]:
    yield message
    if depth < 20:
        for child in _children(message):
            yield from _walk(child, depth + 1)


@dataclass(frozen=True)
class MessageAttachment:
    file_name: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class MessageEvidence:
    """A kept message as evidence shows it (T4): its headers as they arrived, the text a
    person reads, and each attachment by name and hash (its bytes are in the message,
    whose own SHA-256 the evidence names)."""

    headers: tuple[tuple[str, str], ...]
    text: str
    attachments: tuple[MessageAttachment, ...]


_EVIDENCE_HEADERS = ("Date", "From", "To", "Subject", "Message-ID", "In-Reply-To",
                     "References")


def message_evidence(raw: bytes) -> MessageEvidence:
    """``raw`` read for the evidence package: never raises, whatever the bytes."""
    try:
        message = message_from_bytes(raw, policy=default)
    except Exception:
        return MessageEvidence((), raw.decode("utf-8", "replace"), ())
    headers = tuple((name, value) for name in _EVIDENCE_HEADERS
                    if (value := header_text(message, name)))
    attachments = []
    for index, part in enumerate(_walk(message), start=1):
        if part.is_multipart() or not _is_attachment(part):
            continue
        data = _payload_bytes(part)
        media_type = _content_type(part)
        attachments.append(MessageAttachment(
            _file_name(part, index, media_type if "/" in media_type else "application/bin"),
            media_type, len(data), hashlib.sha256(data).hexdigest()))
    return MessageEvidence(headers, message_text(message).text, tuple(attachments))
