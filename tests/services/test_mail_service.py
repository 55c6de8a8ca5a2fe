"""Email applications kept once, byte for byte, with their photos (P1, T4), and covered by
retention, the customer export and restriction like every other record."""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from livenon_desk.domain.enums import MailState
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.errors import NotFoundError, RestrictedError
from livenon_desk.models import AuditEvent, IncomingMail, IncomingMailPhoto
from livenon_desk.services.audit import AuditService
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.services.export_service import ExportService
from livenon_desk.services.mail_service import MailService
from livenon_desk.services.retention_service import RetentionService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import NOW, add_return
from tests.conftest import INSPECTOR

ADMIN = Actor("root", Role.ADMIN, "Ada Admin")
CORPUS = Path(__file__).parents[1] / "domain" / "mail_corpus"


def application(order: str, sender: str = "anna.schmidt@example.de",
                message_id: str | None = None, photo: bytes | None = None) -> bytes:
    """A small application as a phone would send it."""
    head = (f"From: Anna <{sender}>\r\nTo: services@livenon.com\r\n"
            f"Subject: [Return Application + {order}]\r\n"
            f"Date: Tue, 15 Jul 2025 09:30:00 +0200\r\n")
    if message_id:
        head += f"Message-ID: <{message_id}>\r\n"
    body = (f"Order Number: {order}\r\nProduct Name: Oslo Sofa\r\n"
            f"Return Reason: cracked armrest\r\nContact Info: {sender}\r\n")
    if photo is None:
        return (head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body).encode()
    encoded = base64.encodebytes(photo).decode().replace("\n", "\r\n")
    return (head + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
            "--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body +
            "--XX\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; "
            "filename=crack.jpg\r\nContent-Transfer-Encoding: base64\r\n\r\n" + encoded +
            "--XX--\r\n").encode()


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def photos(tmp_path: Path) -> PhotoFiles:
    return PhotoFiles(tmp_path / "photos")


def test_the_corpus_taken_twice_is_kept_once_byte_for_byte_with_its_hash_audited(
        store: Store, photos: PhotoFiles) -> None:
    service = MailService(store, photos, clock=lambda: NOW)
    messages = [(p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.eml"))]
    first = service.take_all(INSPECTOR, messages)
    assert first.taken == len(messages)
    assert first.already_held == 0
    assert first.needs_person == sum(1 for _, raw in messages
                                     if service.take(INSPECTOR, raw, "x").state
                                     is MailState.NEEDS_PERSON)
    again = service.take_all(INSPECTOR, messages)
    assert (again.taken, again.already_held, again.needs_person) == (0, len(messages), 0)
    with store.read_session() as s:
        assert s.query(IncomingMail).count() == len(messages)
        events = s.query(AuditEvent).filter_by(action="mail_received").all()
    assert len(events) == len(messages)
    by_hash = {hashlib.sha256(raw).hexdigest(): raw for _, raw in messages}
    assert {e.after["sha256"] for e in events if e.after} == set(by_hash)
    assert {e.entity_key for e in events} == set(by_hash)
    for row in service.applications(INSPECTOR):
        assert service.raw_message(INSPECTOR, row.key) == by_hash[row.sha256]
    assert AuditService(store).verify().ok


def test_an_application_is_new_and_an_unreadable_message_waits_for_a_person_with_why(
        store: Store, photos: PhotoFiles) -> None:
    service = MailService(store, photos, clock=lambda: NOW)
    taken = service.take(INSPECTOR, application("LVN20250701", message_id="a@x"), "a.eml")
    assert (taken.new, taken.state, taken.order_number) == (True, MailState.NEW, "LVN20250701")
    assert taken.key == "<a@x>"
    odd = service.take(INSPECTOR, b"Subject: hello\r\n\r\nI am out of the office.\r\n", "b.eml")
    assert odd.state is MailState.NEEDS_PERSON
    assert odd.key == "sha256:" + odd.sha256
    assert odd.unreadable is not None
    assert odd.unreadable.text("zh") == "这封邮件不是退货申请：没有订单号，也没有申请字段。"
    [row] = service.applications(INSPECTOR, MailState.NEW)
    assert (row.order_number, row.product_name, row.reason_text, row.sender) == (
        "LVN20250701", "Oslo Sofa", "cracked armrest", "anna.schmidt@example.de")
    assert row.received_at == NOW and row.source == "a.eml"
    with pytest.raises(NotFoundError):
        service.raw_message(INSPECTOR, "<nobody@x>")


def test_the_same_message_id_with_other_bytes_is_the_same_message(
        store: Store, photos: PhotoFiles) -> None:
    service = MailService(store, photos, clock=lambda: NOW)
    raw = application("LVN20250701", message_id="same@x")
    assert service.take(INSPECTOR, raw, "inbox").new
    relayed = b"Received: from relay.example by mx.example; Tue, 15 Jul 2025\r\n" + raw
    assert not service.take(INSPECTOR, relayed, "archive.mbox").new


def test_photos_go_to_the_photo_store_once(store: Store, photos: PhotoFiles) -> None:
    jpeg = (CORPUS / "en_18_photo_jpeg.eml").read_bytes()
    service = MailService(store, photos, clock=lambda: NOW)
    service.take(INSPECTOR, jpeg, "x")
    [row] = service.applications(INSPECTOR)
    [name] = row.photos
    assert photos.path(name).read_bytes().startswith(b"\xff\xd8\xff")
    with store.read_session() as s:
        kept = s.query(IncomingMailPhoto).one()
    assert (kept.original_name, kept.media_type) == ("armrest.jpg", "image/jpeg")


def test_a_message_naming_a_restricted_return_waits_for_a_person_and_says_so(
        store: Store, photos: PhotoFiles) -> None:
    built = add_return(store, email="r@example.com", restricted=True,
                       restricted_reason="objection")
    other = add_return(store, email="free@example.com")
    service = MailService(store, photos, clock=lambda: NOW)
    by_order = service.take(INSPECTOR, application(built.order_number, message_id="1@x"), "x")
    by_sender = service.take(INSPECTOR, application("LVN20250999", sender="R@example.com",
                                                    message_id="2@x"), "x")
    free = service.take(INSPECTOR, application(other.order_number, sender="free@example.com",
                                               message_id="3@x"), "x")
    assert by_order.state is by_sender.state is MailState.NEEDS_PERSON
    assert free.state is MailState.NEW
    restricted = {r.key: r.restricted for r in service.applications(INSPECTOR)}
    assert restricted == {"<1@x>": True, "<2@x>": True, "<3@x>": False}
    # Kept and viewable, never exported.
    assert service.raw_message(INSPECTOR, "<1@x>").startswith(b"From: Anna")
    with pytest.raises(RestrictedError):
        ExportService(store).export_customer(ADMIN, "r@example.com")


def test_the_customer_export_holds_their_emails_byte_for_byte(
        store: Store, photos: PhotoFiles) -> None:
    built = add_return(store, email="Zhang.Wei@example.cn")
    service = MailService(store, photos, clock=lambda: NOW)
    own = application("LVN20250001", sender="zhang.wei@example.cn", message_id="own@x")
    for_order = application(built.order_number, sender="helper@example.com",
                            message_id="helper@x")
    stranger = application("LVN20250002", sender="someone@example.com", message_id="s@x")
    for raw in (own, for_order, stranger):
        service.take(INSPECTOR, raw, "x")
    document = ExportService(store, clock=lambda: NOW).export_customer(
        ADMIN, "zhang.wei@example.cn")
    emails = {e["message_key"]: e for e in document["emails"]}
    assert set(emails) == {"<own@x>", "<helper@x>"}
    assert base64.b64decode(emails["<own@x>"]["raw_base64"]) == own
    assert emails["<helper@x>"]["order_number"] == built.order_number
    assert emails["<own@x>"]["sha256"] == hashlib.sha256(own).hexdigest()


def test_retention_empties_old_emails_and_keeps_those_of_a_kept_return(
        store: Store, photos: PhotoFiles) -> None:
    open_return = add_return(store, email="open@example.com")
    clock = Clock(NOW - timedelta(days=800))
    service = MailService(store, photos, clock=clock)
    jpeg = (CORPUS / "en_18_photo_jpeg.eml").read_bytes()
    service.take(INSPECTOR, jpeg, "old-with-photo")
    service.take(INSPECTOR, application(open_return.order_number, message_id="kept@x"), "x")
    clock.now = NOW - timedelta(days=10)
    service.take(INSPECTOR, application("LVN20251111", message_id="recent@x"), "x")
    [photo_name] = next(r.photos for r in service.applications(INSPECTOR) if r.photos)
    retention = RetentionService(store, photos, DeskSettings(closed_return_days=730),
                                 clock=lambda: NOW)
    dry = retention.purge(ADMIN, dry_run=True)
    assert (dry.emails, dry.photos) == (1, 1)
    report = retention.purge(ADMIN)
    assert (report.returns, report.emails, report.photos) == (0, 1, 1)
    assert not photos.path(photo_name).exists()
    rows = {r.source: r for r in service.applications(INSPECTOR)}
    old = rows["old-with-photo"]
    assert old.purged and (old.sender, old.subject, old.text, old.photos) == (None, None,
                                                                             None, ())
    assert old.sha256 == hashlib.sha256(jpeg).hexdigest()
    with pytest.raises(NotFoundError):
        service.raw_message(INSPECTOR, old.key)
    kept = [r for r in service.applications(INSPECTOR) if not r.purged]
    assert {r.key for r in kept} == {"<kept@x>", "<recent@x>"}
    # Emptied, the message is still known: importing it again adds nothing.
    assert not service.take(INSPECTOR, jpeg, "again").new
    assert retention.purge(ADMIN).emails == 0


def test_a_photo_a_return_also_uses_outlives_the_email_purge(
        store: Store, photos: PhotoFiles) -> None:
    from livenon_desk.models import Photo

    built = add_return(store)
    clock = Clock(NOW - timedelta(days=800))
    service = MailService(store, photos, clock=clock)
    service.take(INSPECTOR, (CORPUS / "en_18_photo_jpeg.eml").read_bytes(), "x")
    with store.session() as s:
        mail_photo = s.query(IncomingMailPhoto).one()
        s.add(Photo(sha256=mail_photo.sha256, return_id=built.return_id,
                    file_name=mail_photo.file_name, media_type="image/jpeg", taken_at=NOW))
        name = mail_photo.file_name
    RetentionService(store, photos, DeskSettings(closed_return_days=730),
                     clock=lambda: NOW).purge(ADMIN)
    assert photos.path(name).exists()
