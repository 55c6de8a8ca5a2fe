"""Reading return applications from email (P1): a corpus of messages as people send them,
each with the parse expected of it, and arbitrary bytes that must never raise."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from livenon_desk.domain.mail_application import (
    MailApplication,
    ParsedMail,
    Unreadable,
    UnreadableMail,
    is_application_subject,
    order_number_in,
    parse_mail,
    read_fields,
)
from livenon_desk.domain.mail_text import decode_text, html_to_text

CORPUS = Path(__file__).parent / "mail_corpus"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (CORPUS / "expected.json").read_text(encoding="utf-8"))
MESSAGES = sorted(CORPUS.glob("*.eml"))


def corpus_message(name: str) -> bytes:
    return (CORPUS / f"{name}.eml").read_bytes()


def test_the_corpus_has_forty_messages_or_more_each_with_its_expected_parse() -> None:
    assert len(MESSAGES) >= 40
    assert {p.stem for p in MESSAGES} == set(EXPECTED)
    kinds = {e["kind"] for e in EXPECTED.values()}
    assert kinds == {"application", "unreadable"}
    assert {e["reason"] for e in EXPECTED.values() if e["kind"] == "unreadable"} == {
        r.value for r in Unreadable} - {Unreadable.TOO_LARGE, Unreadable.BROKEN}


def _fields(parsed: ParsedMail) -> dict[str, Any]:
    envelope = parsed.envelope
    got: dict[str, Any] = {"sender": envelope.sender, "photos": len(envelope.photos),
                           "subject": envelope.subject, "sender_name": envelope.sender_name,
                           "sent_at": envelope.sent_at.isoformat() if envelope.sent_at else None,
                           "text": envelope.text,
                           "photo_names": [p.file_name for p in envelope.photos],
                           "photo_types": [p.media_type for p in envelope.photos]}
    if isinstance(parsed, MailApplication):
        got |= {"kind": "application", "order_number": parsed.order_number,
                "product_name": parsed.product_name, "reason_text": parsed.reason_text,
                "contact": parsed.contact}
    else:
        got |= {"kind": "unreadable", "reason": parsed.reason.value}
    return got


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_message_of_the_corpus_reads_as_expected(name: str) -> None:
    raw = corpus_message(name)
    expected = dict(EXPECTED[name])
    parsed = parse_mail(raw)
    digest = hashlib.sha256(raw).hexdigest()
    assert parsed.envelope.sha256 == digest
    key = expected.pop("key", None)
    if key == "sha256":
        assert parsed.envelope.key == f"sha256:{digest}"
        assert parsed.envelope.message_id is None
    else:
        assert parsed.envelope.key == (key or parsed.envelope.message_id)
        assert parsed.envelope.message_id is not None
    text_has = expected.pop("text_has", [])
    text_lacks = expected.pop("text_lacks", [])
    got = _fields(parsed)
    assert {k: got[k] for k in expected} == expected
    for words in text_has:
        assert words in parsed.envelope.text
    for words in text_lacks:
        assert words not in parsed.envelope.text


def test_photos_keep_their_bytes() -> None:
    parsed = parse_mail(corpus_message("en_18_photo_jpeg"))
    (photo,) = parsed.envelope.photos
    assert photo.data.startswith(b"\xff\xd8\xff")
    assert photo.data.endswith(b"\xff\xd9")


@pytest.mark.parametrize(("subject", "expected"), [
    ("【Return Application + LVN20250701】", True),
    ("[Return Application+LVN20250701]", True),
    ("Re: Fwd: 回复: 转发: 退货申请＋LVN20250701", True),
    ("ＲＥ：Return  application", True),
    ("Re: your order has shipped", False),
    ("", False),
])
def test_an_application_subject_is_known_behind_any_reply_or_forward_prefix(
        subject: str, expected: bool) -> None:
    assert is_application_subject(subject) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("LVN20250701", "LVN20250701"),
    ("lvn 2025 0701", "LVN20250701"),
    ("ＬＶＮ２０２５０７０１", "LVN20250701"),
    ("LVN-2025-0701-00012", "LVN2025070100012"),
    ("order XLVN20250701", None),
    ("LVN12345", None),
    ("no number here", None),
])
def test_an_order_number_is_written_the_way_the_shop_writes_it(
        text: str, expected: str | None) -> None:
    assert order_number_in(text) == expected


def test_a_field_name_alone_does_not_take_the_next_fields_line() -> None:
    fields = read_fields("Product Name:\nReturn Reason: too small\n")
    assert fields == {"reason": "too small"}


def test_html_is_read_without_script_style_or_links_and_with_blocks_as_lines() -> None:
    text = html_to_text('<p>One<script>alert(1)</script></p><style>x{}</style>'
                        '<a href="http://x.example">Two</a><br>Three &amp; four')
    assert text == "One\nTwo\nThree & four"


def test_gb2312_mislabelled_gbk_and_an_unlabelled_gbk_text_are_read() -> None:
    assert decode_text("實木".encode("gbk"), "gb2312").text == "實木"
    assert decode_text("订单号".encode("gbk")).text == "订单号"
    assert decode_text(b"\xff\xfe", "utf-8").lossy


# Arbitrary bytes, and the corpus's messages cut, spliced and flipped: the parser never
# raises, never falls back on its last-resort "broken" result, and always keys the message.
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    _assert_kept(raw, parse_mail(raw))


_mutation = st.tuples(st.sampled_from(["cut", "insert", "flip", "truncate"]),
                      st.floats(0, 1), st.floats(0, 1), st.binary(min_size=1, max_size=40))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(MESSAGES), st.lists(_mutation, min_size=1, max_size=6))
def test_mutated_corpus_messages_never_raise(
        path: Path, mutations: list[tuple[str, float, float, bytes]]) -> None:
    raw = path.read_bytes()
    for kind, where, length, data in mutations:
        at = int(where * len(raw))
        if kind == "cut":
            raw = raw[:at] + raw[at + int(length * 200):]
        elif kind == "insert":
            raw = raw[:at] + data + raw[at:]
        elif kind == "flip" and raw:
            at = min(at, len(raw) - 1)
            raw = raw[:at] + bytes([raw[at] ^ data[0]]) + raw[at + 1:]
        else:
            raw = raw[:at]
    _assert_kept(raw, parse_mail(raw))


def _assert_kept(raw: bytes, parsed: ParsedMail) -> None:
    assert parsed.envelope.sha256 == hashlib.sha256(raw).hexdigest()
    assert parsed.envelope.key
    if isinstance(parsed, UnreadableMail):
        assert parsed.reason is not Unreadable.BROKEN
    else:
        assert parsed.order_number.startswith("LVN")


def test_a_message_too_large_is_kept_unread() -> None:
    from livenon_desk.domain import mail_application

    raw = b"Subject: x\n\n" + b"a" * (mail_application.MAX_MESSAGE_BYTES)
    parsed = parse_mail(raw)
    assert isinstance(parsed, UnreadableMail)
    assert parsed.reason is Unreadable.TOO_LARGE


def test_a_sender_name_in_raw_8bit_bytes_is_read_as_words() -> None:
    # An old mail program writes the From name in raw UTF-8 or GBK, unencoded.
    for charset in ("utf-8", "gbk"):
        raw = ("From: 王芳 <wangfang@example.cn>\r\nSubject: [Return Application + "
               "LVN20250801]\r\nMessage-ID: <raw8@x>\r\nContent-Type: text/plain; "
               f"charset={charset}\r\n\r\n订单号：LVN20250801\r\n").encode(charset)
        parsed = parse_mail(raw)
        assert parsed.envelope.sender == "wangfang@example.cn"
        assert parsed.envelope.sender_name == "王芳"
