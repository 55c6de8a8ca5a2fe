"""The answer's words and identity (P2): its language, its subject, its RMA and key."""

from __future__ import annotations

from livenon_desk.domain.mail_reply import (
    answer_key,
    answer_rma,
    answer_tag,
    application_language,
    reply_subject,
)


def test_the_answer_is_in_chinese_when_the_customer_wrote_any_chinese() -> None:
    assert application_language("[Return Application + LVN20250701]", "Harlow sofa") == "en"
    assert application_language("Return", None, "尺寸太大") == "zh"
    assert application_language("【退貨申請】", None) == "zh"  # traditional characters too


def test_the_subject_is_re_and_the_original_but_never_re_re() -> None:
    assert reply_subject("【Return Application + LVN20250701】") == (
        "Re: 【Return Application + LVN20250701】")
    assert reply_subject("RE: [Return Application]") == "RE: [Return Application]"
    assert reply_subject("回复：退货申请") == "回复：退货申请"
    assert reply_subject(None) == "Re:"


def test_the_rma_follows_from_the_application_so_two_desks_make_the_same_one() -> None:
    first = answer_rma("<a@example.com>", 2026)
    assert first == answer_rma("<a@example.com>", 2026)
    assert first != answer_rma("<b@example.com>", 2026)
    assert first.startswith("RMA-2026-") and len(first) == 21 and first[9:].isdigit()
    assert answer_tag(first, 2) == f"TAG-{first[4:].replace('-', '')}-2"


def test_the_answers_key_is_the_applications_key_when_the_server_can_take_it() -> None:
    assert answer_key("<a@example.com>") == "<a@example.com>"
    long_key = "<" + "x" * 300 + "@example.com>"
    assert answer_key(long_key).startswith("sha256:") and len(answer_key(long_key)) == 71
    assert answer_key("<ünï@example.com>").startswith("sha256:")
