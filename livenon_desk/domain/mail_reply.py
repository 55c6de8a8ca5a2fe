"""The answer to an email application (P2): its words in the customer's language, and the
message itself, threaded under the application (In-Reply-To, References, "Re:").

Instructions give the RMA, the return address, what goes in the parcel (P3) and how it
travels (P4: the pre-paid label attached, or the customer's own trackable courier); the
return form and the label come as PDF attachments. A refusal cites each rule that refuses
the application in the seed's own words (E1/X1, E2, X2) with the desk's reason.

The message's bytes are made once, here, and kept: what is sent is what was stored.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr, make_msgid
from typing import Literal

from livenon_desk.catalogue import Localized, Message, text

Lang = Literal["en", "zh"]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ALREADY_A_REPLY = re.compile(r"^\s*(?:re|回复|答复)\s*[:：]", re.IGNORECASE)

# The seed's own sentence for each rule an application can be refused by (its
# "Quick Eligibility Check for Return"), in the reply's language.
SEED_WORDS = {
    "E1": "reply.seed.customized",
    "X1": "reply.seed.customized",
    "E2": "reply.seed.window",
    "X2": "reply.seed.clearance",
}


def application_language(*texts: str | None) -> Lang:
    """The language to answer in (P2): Chinese when the customer wrote any Chinese in the
    subject or the application's text, else English."""
    return "zh" if any(t and _HAN.search(t) for t in texts) else "en"


def reply_subject(original: str | None) -> str:
    """"Re: " and the application's subject (not a second "Re:" on a reply)."""
    subject = " ".join((original or "").split())
    if _ALREADY_A_REPLY.match(subject):
        return subject
    return f"Re: {subject}" if subject else "Re:"


def new_message_id(address: str) -> str:
    """A fresh, unique Message-ID on the domain of the address the desk sends from."""
    domain = address.rpartition("@")[2] or "livenon.com"
    return make_msgid(domain=domain)


@dataclass(frozen=True)
class Attachment:
    file_name: str
    data: bytes
    media_type: str = "application/pdf"


@dataclass(frozen=True)
class Refusal:
    """One rule that refuses the application, with the desk's reason in both languages."""

    rule_id: str
    reason: Message | Localized


@dataclass(frozen=True)
class InstructionFacts:
    customer_name: str
    order_number: str
    rma_number: str
    products: tuple[str, ...]
    return_address: tuple[str, ...]
    prepaid_label: bool
    cross_border: bool
    company_name: str
    company_email: str
    # The attached files' names, listed in the text.
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class RefusalFacts:
    customer_name: str
    order_number: str
    products: tuple[str, ...]
    refusals: tuple[Refusal, ...]
    company_name: str
    company_email: str


def _lines(*parts: str | Sequence[str]) -> str:
    out: list[str] = []
    for part in parts:
        out.extend([part] if isinstance(part, str) else part)
    return "\n".join(out).rstrip() + "\n"


def instructions_text(facts: InstructionFacts, lang: Lang) -> str:
    """The return instructions (P2, P3, P4, T1/T2, T3) in ``lang``."""
    t = _in(lang)
    products = "、".join(facts.products) if lang == "zh" else ", ".join(facts.products)
    shipping = (t("reply.instructions.prepaid") if facts.prepaid_label
                else t("reply.instructions.own-courier"))
    parts: list[str | Sequence[str]] = [
        t("reply.greeting", name=facts.customer_name), "",
        t("reply.instructions.accepted", order_number=facts.order_number, products=products),
        "", t("reply.instructions.rma", rma_number=facts.rma_number), "",
        t("reply.instructions.address"),
        [f"    {line}" for line in facts.return_address], "",
        t("reply.instructions.packing"), "", shipping,
    ]
    if facts.cross_border:
        parts += ["", t("reply.instructions.returned-goods")]
    if facts.attachments:
        parts += ["", t("reply.instructions.attached"),
                  [f"    - {name}" for name in facts.attachments]]
    parts += ["", t("reply.instructions.refund"), "",
              t("reply.closing", company=facts.company_name, email=facts.company_email)]
    return _lines(*parts)


def refusal_text(facts: RefusalFacts, lang: Lang) -> str:
    """The refusal, citing each refusing rule in the seed's words and the desk's reason."""
    t = _in(lang)
    products = "、".join(facts.products) if lang == "zh" else ", ".join(facts.products)
    cited: list[str] = []
    for refusal in facts.refusals:
        seed = SEED_WORDS.get(refusal.rule_id)
        cited.append(t("reply.refusal.rule", rule_id=refusal.rule_id,
                       seed=t(seed) if seed else "", reason=refusal.reason.text(lang)))
    return _lines(
        t("reply.greeting", name=facts.customer_name), "",
        t("reply.refusal.intro", order_number=facts.order_number, products=products), "",
        cited, "", t("reply.refusal.questions"), "",
        t("reply.closing", company=facts.company_name, email=facts.company_email))


class _in:  # noqa: N801 - read as a phrase: t = _in(lang); t("reply.greeting", ...)
    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def __call__(self, message_id: str, /, **values: object) -> str:
        return text(message_id, self.lang, **values)


@dataclass(frozen=True)
class Reply:
    """Everything the reply's bytes are made of."""

    message_id: str
    from_address: str
    from_name: str
    to_address: str
    to_name: str | None
    subject: str
    # The application's Message-ID ("<...>"), or None when it came without one.
    in_reply_to: str | None
    date: datetime
    body: str
    attachments: tuple[Attachment, ...] = ()


def reply_bytes(reply: Reply) -> bytes:
    """The message as it goes to the SMTP server, CRLF line ends, UTF-8 text."""
    message = EmailMessage(policy=SMTP)
    message["Message-ID"] = reply.message_id
    message["Date"] = format_datetime(reply.date)
    message["From"] = formataddr((reply.from_name, reply.from_address))
    message["To"] = formataddr((reply.to_name or "", reply.to_address))
    message["Subject"] = reply.subject
    if reply.in_reply_to:
        message["In-Reply-To"] = reply.in_reply_to
        message["References"] = reply.in_reply_to
    message.set_content(reply.body, charset="utf-8", cte="quoted-printable")
    for attachment in reply.attachments:
        main, _, sub = attachment.media_type.partition("/")
        message.add_attachment(attachment.data, maintype=main, subtype=sub,
                               filename=attachment.file_name)
    return message.as_bytes(policy=SMTP)


_IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,200}")


def answer_rma(application_key: str, year: int) -> str:
    """The RMA an application's answer creates: made from the application's key, so the
    same application answered at two desks is one return (the second is refused), and no
    counter has to be shared between desks that work offline. ``RMA-2026-`` and twelve
    digits, which tells it from the central server's six and keeps its Code 128 (digits
    go two to a symbol) as narrow as a label needs. Among n applications of a year two
    share a code with a chance of about n**2 / (2 * 10**12): one in 20,000 at ten
    thousand applications (ten digits made it one in 200)."""
    number = int.from_bytes(hashlib.sha256(application_key.encode()).digest()[:8], "big")
    return f"RMA-{year}-{number % 10**12:012d}"


def answer_tag(rma_number: str, line_no: int) -> str:
    """The item tag of a line of that return: ``TAG-`` and the RMA's own characters."""
    return f"TAG-{rma_number.removeprefix('RMA-').replace('-', '')}-{line_no}"


def answer_key(application_key: str) -> str:
    """The answer's Idempotency-Key on the central server: the application's key (its
    Message-ID) when it is a valid key, else ``sha256:`` and the hash of it."""
    if _IDEMPOTENCY_KEY.fullmatch(application_key):
        return application_key
    return "sha256:" + hashlib.sha256(application_key.encode()).hexdigest()
