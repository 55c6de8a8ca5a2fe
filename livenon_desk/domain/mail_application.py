"""A return application sent by email (P1), read from the raw message.

The seed asks for the subject 【Return Application + Order Number】 and the body fields
Order Number, Product Name, Return Reason (optional) and Contact Info. People write them
in English or Chinese, with [] or 【】, + or ＋, full-width colons, lower case and spaces in
the order number, in replies and forwards. ``parse_mail`` reads whatever arrives and never
raises: a message it cannot read as an application is an ``UnreadableMail`` that says why,
so that it is kept for a person, never dropped.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime
from enum import StrEnum

from livenon_desk.domain.mail_text import (
    MailPhoto,
    header_text,
    message_photos,
    message_text,
)

log = logging.getLogger(__name__)

# Larger than any application with a few phone photos; what is larger is kept unread.
MAX_MESSAGE_BYTES = 40 * 1024 * 1024


class Unreadable(StrEnum):
    """Why a message is not an application the desk can read; each value is the message id
    of the words a person sees."""

    EMPTY = "mailbox.empty"
    NOT_A_MESSAGE = "mailbox.not-a-message"
    TOO_LARGE = "mailbox.too-large"
    NO_TEXT = "mailbox.no-text"
    UNDECODABLE = "mailbox.undecodable"
    NOT_AN_APPLICATION = "mailbox.not-an-application"
    NO_ORDER_NUMBER = "mailbox.no-order-number"
    BROKEN = "mailbox.broken"


@dataclass(frozen=True)
class MailEnvelope:
    """What every message has, readable or not. ``key`` takes the message once: its
    Message-ID, or ``sha256:`` and the hash of its bytes where it has none."""

    key: str
    sha256: str
    message_id: str | None
    sender: str | None
    sender_name: str | None
    sent_at: datetime | None
    subject: str
    text: str
    photos: tuple[MailPhoto, ...] = ()


@dataclass(frozen=True)
class MailApplication:
    """A message read as a return application (P1): the order number always, the other
    fields as the customer wrote them (None where missing)."""

    envelope: MailEnvelope
    order_number: str
    product_name: str | None
    reason_text: str | None
    contact: str | None


@dataclass(frozen=True)
class UnreadableMail:
    envelope: MailEnvelope
    reason: Unreadable


ParsedMail = MailApplication | UnreadableMail

_REPLY_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|fw|aw|wg|sv|vs|tr|答复|回复|回覆|转发|轉發|转寄|轉寄)\s*(?:\[\d+\])?\s*:\s*)+",
    re.IGNORECASE)
_APPLICATION_WORDS = re.compile(
    r"return\s*application|return\s*request|application\s*for\s*return|退[货貨]\s*申[请請]"
    r"|申[请請]\s*退[货貨]", re.IGNORECASE)
# LVN and the digits, in any case, with spaces or hyphens between (after NFKC, so
# full-width letters and digits are plain ones).
_ORDER_NUMBER = re.compile(r"(?<![A-Za-z0-9])L[ \t]*V[ \t]*N[ \t\-_#:]*((?:\d[ \t\-]?){6,20})",
                           re.IGNORECASE)
_DIGITS_ONLY = re.compile(r"^#?\s*((?:\d[ \t\-]?){6,20})\s*$")

_LABELS: dict[str, tuple[str, ...]] = {
    "order": ("order number", "order no.", "order no", "order #", "order id", "order",
              "订单号码", "订单编号", "订单号", "訂單號碼", "訂單編號", "訂單號", "单号", "單號"),
    "product": ("product name", "name of product", "product", "item name", "item",
                "商品名称", "商品名稱", "产品名称", "產品名稱", "商品", "产品", "產品"),
    "reason": ("return reason", "reason for return", "reason for the return", "reason",
               "退货原因", "退貨原因", "退货理由", "退貨理由", "原因"),
    "contact": ("contact information", "contact info", "contact details", "contact",
                "联系方式", "聯繫方式", "聯絡方式", "联系电话", "聯繫電話", "联系人", "聯絡人"),
}
_FIELD_OF = {label: field for field, labels in _LABELS.items() for label in labels}
_ANY_LABEL = "|".join(re.escape(label).replace(r"\ ", r"\s*")
                      for label in sorted(_FIELD_OF, key=len, reverse=True))
# "Order Number: X", "订单号：X", "1. Product Name - X", "Order Number / 订单号: X",
# "Contact Info (联系方式): X", and a table row read as "Order Number<TAB>X".
_FIELD_LINE = re.compile(
    rf"^[ \t]*(?:[-*•·]+[ \t]*|\d{{1,2}}[.)、][ \t]*)?(?:\*\*)?(?P<label>{_ANY_LABEL})"
    rf"(?:[ \t]*[/|][ \t]*(?:{_ANY_LABEL}))?(?:[ \t]*[(\[][^)\]\n]{{0,40}}[)\]])?(?:\*\*)?"
    rf"[ \t]*(?::|\t|=|-(?=[ \t]))[ \t]*(?P<value>.*)$",
    re.IGNORECASE | re.MULTILINE)
_QUOTE = re.compile(r"^(?:[ \t]*>)+[ \t]?", re.MULTILINE)


def parse_mail(raw: bytes) -> ParsedMail:
    """Read ``raw`` (an RFC 822 message, byte for byte as received) as a return
    application (P1). Never raises: what cannot be read is an ``UnreadableMail`` with the
    reason, and the envelope holds what could be read of it (the key and hash always)."""
    digest = hashlib.sha256(raw).hexdigest()
    blank = MailEnvelope(f"sha256:{digest}", digest, None, None, None, None, "", "")
    if not raw.strip():
        return UnreadableMail(blank, Unreadable.EMPTY)
    if len(raw) > MAX_MESSAGE_BYTES:
        return UnreadableMail(blank, Unreadable.TOO_LARGE)
    try:
        return _parse(raw, digest)
    except Exception:  # a bug here must not lose the message: it is kept unread
        log.exception("cannot read a message (sha256 %s)", digest)
        return UnreadableMail(blank, Unreadable.BROKEN)


def _parse(raw: bytes, digest: str) -> ParsedMail:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    text = message_text(message)
    message_id = _message_id(message)
    sender_name, sender = _sender(message)
    envelope = MailEnvelope(
        key=message_id or f"sha256:{digest}", sha256=digest, message_id=message_id,
        sender=sender, sender_name=sender_name, sent_at=_date(message),
        subject=header_text(message, "Subject"), text=text.text,
        photos=message_photos(message))
    if not message.keys():
        return UnreadableMail(envelope, Unreadable.NOT_A_MESSAGE)
    fields = read_fields(envelope.text)
    order = fields.get("order") and order_number_in(fields["order"], digits_alone=True)
    order = order or order_number_in(_subject_core(envelope.subject))
    looks_like_one = bool(fields) or is_application_subject(envelope.subject) or bool(
        _APPLICATION_WORDS.search(envelope.text))
    if not order and looks_like_one:
        order = order_number_in(envelope.text)
    if not order:
        if not envelope.text.strip():
            return UnreadableMail(envelope, Unreadable.NO_TEXT)
        if text.lossy:
            return UnreadableMail(envelope, Unreadable.UNDECODABLE)
        if not looks_like_one:
            return UnreadableMail(envelope, Unreadable.NOT_AN_APPLICATION)
        return UnreadableMail(envelope, Unreadable.NO_ORDER_NUMBER)
    return MailApplication(envelope, order, fields.get("product"), fields.get("reason"),
                           fields.get("contact"))


def _message_id(message: Message) -> str | None:
    value = header_text(message, "Message-ID")
    value = value.strip().strip("<>").strip()
    return f"<{value}>" if value and len(value) <= 500 else None


def _sender(message: Message) -> tuple[str | None, str | None]:
    try:
        header = message["From"]
        addresses = getattr(header, "addresses", ())
        if addresses:
            address = addresses[0]
            addr = str(address.addr_spec).strip().lower()
            if re.fullmatch(r"[^@\s\"]+@[^@\s\"]+", addr):
                name = str(address.display_name).strip()
                if any("\udc80" <= ch <= "\udcff" for ch in name):
                    # Raw 8-bit bytes in the name (an old program's): read as the body is.
                    name = parseaddr(header_text(message, "From"))[0].strip()
                return name or None, addr
    except Exception:  # an unparsable From is read by hand below
        pass
    found = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", header_text(message, "From"))
    return None, found.group(0).lower() if found else None


def _date(message: Message) -> datetime | None:
    value = header_text(message, "Date")
    if not value:
        return None
    try:
        sent = parsedate_to_datetime(value)
        # Kept in UTC like every time the desk stores; a date with no zone is taken as UTC.
        return sent.astimezone(UTC) if sent.tzinfo else sent.replace(tzinfo=UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _normal(text: str) -> str:
    # NFKC makes full-width letters, digits, colons and ＋ plain; 【】 stay as they are.
    return unicodedata.normalize("NFKC", text)


# Full-width ASCII and the ideographic space as plain ones, one character for one, so that
# a field's name is found in the plain form and its value read from the customer's own.
_PLAIN_FORMS = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _subject_core(subject: str) -> str:
    return _REPLY_PREFIX.sub("", _normal(subject))


def is_application_subject(subject: str) -> bool:
    """Whether a subject says "Return Application" (or 退货申请), behind any Re:/Fwd:/回复:."""
    return bool(_APPLICATION_WORDS.search(_subject_core(subject)))


def order_number_in(text: str, *, digits_alone: bool = False) -> str | None:
    """The first order number in ``text``, written the way the shop writes it (``LVN`` and
    the digits): ``lvn 2025 0701``, ``ＬＶＮ２０２５０７０１`` and ``LVN-20250701`` are all
    ``LVN20250701``. With ``digits_alone`` a field holding only the digits counts too."""
    normal = _normal(text)
    found = _ORDER_NUMBER.search(normal)
    if found is None and digits_alone:
        found = _DIGITS_ONLY.match(normal.strip())
    if found is None:
        return None
    digits = re.sub(r"\D", "", found.group(1))
    return f"LVN{digits}" if 6 <= len(digits) <= 20 else None


def read_fields(text: str) -> dict[str, str]:
    """The application's fields in ``text``, by name (order, product, reason, contact): the
    first line naming each, in either language, quoted (``> ``) or not. A field whose
    line holds only its name takes the next line; a reason goes on until a blank line or
    the next field."""
    own = _QUOTE.sub("", text.replace("\r\n", "\n")).split("\n")
    lines = [line.translate(_PLAIN_FORMS) for line in own]
    fields: dict[str, str] = {}
    index = 0
    while index < len(lines):
        match = _FIELD_LINE.match(lines[index])
        index += 1
        if match is None:
            continue
        field = _FIELD_OF[" ".join(match.group("label").lower().split())]
        value = _clean(own[index - 1][match.start("value"):])
        if not value and index < len(lines) and not _FIELD_LINE.match(lines[index]):
            value = _clean(own[index])
            index += 1
        if field == "reason":
            while (value and index < len(lines) and lines[index].strip()
                   and not _FIELD_LINE.match(lines[index])
                   and not _looks_like_closing(lines[index])):
                value = f"{value} {_clean(own[index])}"
                index += 1
        if value and field not in fields:
            fields[field] = value[:1000]
    return fields


def _clean(value: str) -> str:
    return " ".join(value.replace("**", "").split()).strip(" .;；。")


def _looks_like_closing(line: str) -> bool:
    return bool(re.match(r"\s*(?:thanks|thank you|regards|best|cheers|谢谢|謝謝|此致|--)",
                         line, re.IGNORECASE))
