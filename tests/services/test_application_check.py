"""Checking an email application against its order (P1): order, sender, line, reason code
(T1/T2) and the rules that can refuse it at once (E1, E2, X1, X2)."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from livenon_desk.domain.enums import MailState, ReasonCategory, ReasonCode, RuleOutcome
from livenon_desk.domain.policy import default_policies
from livenon_desk.errors import NotFoundError, RestrictedError
from livenon_desk.services.application_check import ApplicationCheck, ApplicationCheckService
from livenon_desk.services.mail_service import MailService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import NOW, LineSpec, add_return
from tests.conftest import INSPECTOR


def application(order: str, *, sender: str = "emily.carter@example.com",
                product: str = "Harlow sofa", reason: str = "the armrest is cracked",
                sent: datetime = NOW - timedelta(days=5), key: str = "a@x") -> bytes:
    return (f"From: {sender}\r\nSubject: [Return Application + {order}]\r\n"
            f"Date: {format_datetime(sent)}\r\nMessage-ID: <{key}>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            f"Order Number: {order}\r\nProduct Name: {product}\r\n"
            f"Return Reason: {reason}\r\nContact Info: {sender}\r\n").encode()


def check(store: Store, tmp_path: Path, raw: bytes) -> tuple[ApplicationCheck, MailState]:
    mail = MailService(store, PhotoFiles(tmp_path / "photos"), clock=lambda: NOW)
    taken = mail.take(INSPECTOR, raw, "test")
    result = ApplicationCheckService(store, default_policies(), clock=lambda: NOW).check(
        INSPECTOR, taken.key)
    [row] = [r for r in mail.applications(INSPECTOR) if r.key == taken.key]
    return result, row.state


def test_a_clean_application_matches_its_order_line_and_reason(
        store: Store, tmp_path: Path) -> None:
    built = add_return(store)
    result, state = check(store, tmp_path, application(built.order_number))
    assert result.order_found and result.sender_is_customer
    assert [line.line_no for line in result.lines] == [1]
    assert (result.reason_guess, result.reason_category) == (ReasonCode.DEFECTIVE,
                                                             ReasonCategory.QUALITY)
    [line] = result.lines
    assert [r.rule_id for r in line.rules] == ["E1", "E2", "X1", "X2"]
    assert line.refused_by == ()
    assert {r.rule_id: r.outcome for r in line.rules}["E2"] is RuleOutcome.PASS
    assert result.problems == () and state is MailState.NEW
    assert result.policy_version


def test_an_order_that_does_not_exist_needs_a_person(store: Store, tmp_path: Path) -> None:
    result, state = check(store, tmp_path, application("LVN20991231"))
    assert not result.order_found
    assert [p.id for p in result.problems] == ["mailbox.order-not-found"]
    assert result.problems[0].text() == "No order LVN20991231 is on file."
    assert state is MailState.NEEDS_PERSON


def test_a_sender_who_is_not_the_customer_is_flagged_not_accepted(
        store: Store, tmp_path: Path) -> None:
    built = add_return(store)
    result, state = check(store, tmp_path,
                          application(built.order_number, sender="someone@example.net"))
    assert result.sender_is_customer is False
    assert [p.id for p in result.problems] == ["mailbox.sender-not-customer"]
    assert state is MailState.NEEDS_PERSON


def test_several_lines_the_product_may_be_are_left_for_a_person_to_pick(
        store: Store, tmp_path: Path) -> None:
    built = add_return(store, lines=[
        LineSpec(sku="LVN-TBL-1", name_en="Bergen Oak Dining Table", name_zh=None),
        LineSpec(sku="LVN-CHR-2", name_en="Bergen Oak Dining Chair", name_zh=None)])
    one, _ = check(store, tmp_path, application(built.order_number,
                                                product="the dining chair", key="1@x"))
    assert [line.sku for line in one.lines] == ["LVN-CHR-2"]
    both, state = check(store, tmp_path, application(built.order_number,
                                                     product="Bergen Oak", key="2@x"))
    assert [line.line_no for line in both.lines] == [1, 2]
    assert [p.id for p in both.problems] == ["mailbox.several-lines"]
    assert state is MailState.NEEDS_PERSON


def test_a_reason_no_code_fits_is_left_to_a_person_and_chinese_words_are_read(
        store: Store, tmp_path: Path) -> None:
    built = add_return(store)
    vague, _ = check(store, tmp_path, application(built.order_number, reason="see photos",
                                                  key="1@x"))
    assert vague.reason_guess is None
    assert [p.id for p in vague.problems] == ["mailbox.reason-not-recognised"]
    size, _ = check(store, tmp_path, application(built.order_number, reason="尺寸不合适",
                                                 key="2@x"))
    assert (size.reason_guess, size.reason_category) == (ReasonCode.SIZE_MISMATCH,
                                                         ReasonCategory.PERSONAL)


def test_e2_x1_x2_refuse_at_once_citing_the_rule(store: Store, tmp_path: Path) -> None:
    late = add_return(store, delivered_at=NOW - timedelta(days=90))
    result, _ = check(store, tmp_path, application(late.order_number, key="late@x"))
    [line] = result.lines
    assert [r.rule_id for r in line.refused_by] == ["E2"]
    custom = add_return(store, lines=[LineSpec(customized=True, customization="engraved")])
    result, _ = check(store, tmp_path, application(custom.order_number, key="c@x"))
    assert [r.rule_id for r in result.lines[0].refused_by] == ["E1", "X1"]
    assert "engraved" in result.lines[0].refused_by[0].reason_en
    sale = add_return(store, lines=[LineSpec(clearance=True)])
    result, _ = check(store, tmp_path, application(sale.order_number, key="s@x"))
    assert [r.rule_id for r in result.lines[0].refused_by] == ["X2"]


def test_an_application_naming_a_restricted_return_is_not_processed(
        store: Store, tmp_path: Path) -> None:
    built = add_return(store, restricted=True, restricted_reason="objection")
    with pytest.raises(RestrictedError, match="restricted return"):
        check(store, tmp_path, application(built.order_number))


def test_an_email_not_kept_is_not_found(store: Store) -> None:
    service = ApplicationCheckService(store, default_policies(), clock=lambda: NOW)
    with pytest.raises(NotFoundError):
        service.check(INSPECTOR, "<nobody@x>")
