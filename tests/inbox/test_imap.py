"""Reading a real IMAP mailbox (Dovecot on 127.0.0.1) over TLS, with no mock of imaplib."""

from __future__ import annotations

import imaplib
import time
from pathlib import Path

import pytest

from livenon_desk.errors import KnownError, MailboxUnreachableError, SignInError, ValidationError
from livenon_desk.inbox.imap import (
    MailboxAddress,
    fetch_messages,
    imap_folder_name,
    parse_imap_url,
)
from livenon_desk.services.mail_service import MailService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import NOW
from tests.conftest import INSPECTOR
from tests.imap_server import ImapServer
from tests.postgres import free_port

CORPUS = Path(__file__).parents[1] / "domain" / "mail_corpus"
SAMPLES = ["en_01_plain_seed_subject", "zh_31_big5_traditional", "en_18_photo_jpeg",
           "en_23_no_message_id", "broken_44_out_of_office"]


def crlf(raw: bytes) -> bytes:
    # What IMAP holds: lines end in CRLF (imaplib's APPEND writes them so).
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def deliver(server: ImapServer, names: list[str], folder: str = "INBOX") -> list[bytes]:
    connection = server.client()
    try:
        if folder != "INBOX":
            connection.create(imap_folder_name(folder))
        for name in names:
            status, _ = connection.append(imap_folder_name(folder), None, None,
                                          (CORPUS / f"{name}.eml").read_bytes())
            assert status == "OK"
    finally:
        connection.logout()
    return [crlf((CORPUS / f"{name}.eml").read_bytes()) for name in names]


def address(server: ImapServer, folder: str = "INBOX", *, starttls: bool = False
            ) -> MailboxAddress:
    return parse_imap_url(server.url(folder, starttls=starttls))


@pytest.mark.parametrize(("url", "expected"), [
    ("imaps://returns@mail.example.com/INBOX",
     MailboxAddress("mail.example.com", 993, "returns", "INBOX", starttls=False)),
    ("imap://returns@mail.example.com:1143",
     MailboxAddress("mail.example.com", 1143, "returns", "INBOX", starttls=True)),
    ("imaps://services%40livenon.com@imap.example.com:9993/Returns/2025",
     MailboxAddress("imap.example.com", 9993, "services@livenon.com", "Returns/2025",
                    starttls=False)),
    ("imaps://u@h/%E9%80%80%E8%B4%A7",
     MailboxAddress("h", 993, "u", "退货", starttls=False)),
])
def test_a_mailbox_url_names_host_port_user_and_folder(url: str,
                                                       expected: MailboxAddress) -> None:
    assert parse_imap_url(url) == expected


@pytest.mark.parametrize("url", ["https://u@h/INBOX", "imaps://h/INBOX", "imaps://u@/x",
                                 "imaps://u@h:99999/x", "mail.example.com"])
def test_a_url_that_is_no_mailbox_is_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="imaps://USER@HOST"):
        parse_imap_url(url)


def test_a_password_in_the_url_is_refused() -> None:
    with pytest.raises(ValidationError, match="password"):
        parse_imap_url("imaps://u:secret@h/INBOX")


def test_a_folder_name_is_written_in_imaps_modified_utf7() -> None:
    assert imap_folder_name("INBOX") == '"INBOX"'
    assert imap_folder_name("收件箱") == '"&ZTZO9nux-"'
    assert imap_folder_name('A&B "x"') == '"A&-B \\"x\\""'


def test_every_message_comes_byte_for_byte_and_stays_unread(
        imap_mailbox: ImapServer) -> None:
    sent = deliver(imap_mailbox, SAMPLES)
    found = list(fetch_messages(address(imap_mailbox), imap_mailbox.password,
                                ca_file=imap_mailbox.certificate))
    assert [raw for _, raw in found] == sent
    # Where each came from: the mailbox and the message's UID, oldest first (UIDs are
    # never reused, so they go on from the messages earlier tests delivered).
    assert all(where.startswith(imap_mailbox.url() + ";UID=") for where, _ in found)
    uids = [int(where.rsplit("=", 1)[1]) for where, _ in found]
    assert uids == sorted(uids) and len(set(uids)) == len(SAMPLES)
    connection = imap_mailbox.client()
    try:
        connection.select("INBOX", readonly=True)
        _status, unseen = connection.search(None, "UNSEEN")
    finally:
        connection.logout()
    assert len(unseen[0].split()) == len(SAMPLES)


def test_starttls_and_a_chinese_folder(imap_mailbox: ImapServer) -> None:
    sent = deliver(imap_mailbox, SAMPLES[:2], folder="退货申请")
    found = list(fetch_messages(address(imap_mailbox, "退货申请", starttls=True),
                                imap_mailbox.password, ca_file=imap_mailbox.certificate))
    assert [raw for _, raw in found] == sent


def test_importing_the_same_mailbox_twice_takes_each_application_once(
        imap_mailbox: ImapServer, store: Store, tmp_path: Path) -> None:
    deliver(imap_mailbox, SAMPLES)
    service = MailService(store, PhotoFiles(tmp_path / "photos"), clock=lambda: NOW)
    first = service.import_mailbox(INSPECTOR, address(imap_mailbox), imap_mailbox.password,
                                   ca_file=imap_mailbox.certificate)
    assert (first.taken, first.already_held, first.needs_person) == (5, 0, 1)
    # A second desk (another database) reading the same mailbox keys them alike.
    deliver(imap_mailbox, ["zh_26_utf8_8bit"])
    again = service.import_mailbox(INSPECTOR, address(imap_mailbox), imap_mailbox.password,
                                   ca_file=imap_mailbox.certificate)
    assert (again.taken, again.already_held) == (1, 5)
    rows = service.applications(INSPECTOR)
    assert len(rows) == 6
    assert all(row.source.startswith(imap_mailbox.url()) for row in rows)


def test_a_wrong_password_is_refused_as_such(imap_mailbox: ImapServer) -> None:
    with pytest.raises(SignInError, match="refused the password of returns"):
        list(fetch_messages(address(imap_mailbox), "wrong",
                            ca_file=imap_mailbox.certificate))


def test_a_server_whose_certificate_cannot_be_checked_is_not_read(
        imap_mailbox: ImapServer) -> None:
    # The system's CAs do not know the test's self-signed certificate.
    with pytest.raises(KnownError, match="did not prove who it is"):
        list(fetch_messages(address(imap_mailbox), imap_mailbox.password))
    with pytest.raises(KnownError, match="did not prove who it is"):
        list(fetch_messages(address(imap_mailbox, starttls=True), imap_mailbox.password))


def test_a_folder_that_does_not_exist_is_named(imap_mailbox: ImapServer) -> None:
    with pytest.raises(KnownError, match="no folder Archive"):
        list(fetch_messages(address(imap_mailbox, "Archive"), imap_mailbox.password,
                            ca_file=imap_mailbox.certificate))


def test_a_server_that_is_not_there_is_unreachable() -> None:
    closed = MailboxAddress("127.0.0.1", free_port(), "returns", "INBOX", starttls=False)
    started = time.monotonic()
    with pytest.raises(MailboxUnreachableError, match="Cannot reach the mail server"):
        list(fetch_messages(closed, "x"))
    assert time.monotonic() - started < 10


def test_imaplib_is_the_real_one() -> None:
    # No test replaces the standard library's client: the server above answered it.
    assert imaplib.IMAP4_SSL.__module__ == "imaplib"
