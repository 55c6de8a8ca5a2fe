"""Answering an email application (P2) through a real SMTP server (aiosmtpd on 127.0.0.1):
the RMA created with its answer in one transaction, the reply threaded, in the customer's
language, with the return form and the label attached; sent exactly once, even when the
desk dies between "RMA created" and "reply sent"; kept queued while the server is down."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import replace
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from livenon_desk.domain.enums import (
    Channel,
    LabelType,
    MailState,
    ReasonCode,
    ReturnStatus,
)
from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.roles import Role
from livenon_desk.errors import (
    KnownError,
    MailboxUnreachableError,
    PermissionDeniedError,
    SignInError,
    ValidationError,
)
from livenon_desk.models import AuditEvent, IncomingMail, OutgoingMail, ReturnRequest
from livenon_desk.services.application_answer import ApplicationAnswerService
from livenon_desk.services.application_check import ApplicationCheckService
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.services.document_kinds import DocumentKind
from livenon_desk.services.document_service import DocumentService
from livenon_desk.services.export_service import ExportService
from livenon_desk.services.mail_sender import (
    MailSenderService,
    Transport,
    smtp_transport,
)
from livenon_desk.services.mail_service import MailService
from livenon_desk.services.retention_service import RetentionService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import NOW, LineSpec, add_return
from tests.conftest import INSPECTOR, SUPERVISOR
from tests.documents import pdf_reading as pdf
from tests.smtp_server import SmtpTestServer


def application(order: str, *, sender: str = "emily.carter@example.com",
                subject: str | None = None, product: str = "Harlow sofa",
                reason: str = "the armrest is cracked", key: str = "app-1@example.com",
                sent_days_ago: int = 5) -> bytes:
    subject = subject or f"[Return Application + {order}]"
    return (f"From: Emily Carter <{sender}>\r\nSubject: {subject}\r\n"
            f"Date: {format_datetime(NOW - timedelta(days=sent_days_ago))}\r\n"
            f"Message-ID: <{key}>\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n"
            f"Order Number: {order}\r\nProduct Name: {product}\r\n"
            f"Return Reason: {reason}\r\nContact Info: {sender}\r\n").encode()


class Setup:
    def __init__(self, store: Store, tmp_path: Path, settings: DeskSettings) -> None:
        photos = PhotoFiles(tmp_path / "photos")
        policies = default_policies()
        self.store = store
        self.mail = MailService(store, photos, clock=lambda: NOW)
        checks = ApplicationCheckService(store, policies, clock=lambda: NOW)
        documents = DocumentService(store, policies, photos, clock=lambda: NOW)
        self.answers = ApplicationAnswerService(store, checks, documents, settings,
                                                clock=lambda: NOW)
        self.now = NOW
        self.sender = MailSenderService(store, settings, clock=lambda: self.now)

    def take(self, raw: bytes) -> str:
        return self.mail.take(INSPECTOR, raw, "test").key


def settings_for(server: SmtpTestServer) -> DeskSettings:
    return DeskSettings(smtp_host="127.0.0.1", smtp_port=server.port, smtp_user=server.user,
                        smtp_security="starttls" if server.starttls else "tls")


def transport_for(server: SmtpTestServer) -> Transport:
    return smtp_transport(settings_for(server), server.password, ca_file=server.certificate)


@pytest.fixture
def setup(store: Store, tmp_path: Path, smtp_server: SmtpTestServer) -> Setup:
    return Setup(store, tmp_path, settings_for(smtp_server))


def attachments(message: EmailMessage) -> dict[str, bytes]:
    found = {}
    for part in message.iter_attachments():
        assert isinstance(part, EmailMessage)
        content = part.get_content()
        assert isinstance(content, bytes)
        found[str(part.get_filename())] = content
    return found


def test_an_answer_creates_the_rma_and_the_reply_in_one_go_and_sends_it_threaded(
        setup: Setup, smtp_server: SmtpTestServer) -> None:
    built = add_return(setup.store)
    key = setup.take(application(built.order_number))
    queued = setup.answers.answer(SUPERVISOR, key)
    assert queued.kind == "instructions" and queued.language == "en"
    assert queued.rma_number is not None and queued.rma_number.startswith("RMA-2026-")
    with setup.store.read_session() as s:
        ret = s.scalars(select(ReturnRequest).where(
            ReturnRequest.rma_number == queued.rma_number)).one()
        assert (ret.status, ret.channel, ret.reason_code, ret.label_type) == (
            ReturnStatus.APPLIED, Channel.EMAIL, ReasonCode.DEFECTIVE, LabelType.PREPAID)
        assert s.scalars(select(IncomingMail.state)).one() is MailState.ANSWERED
        row = s.scalars(select(OutgoingMail)).one()
        assert row.sent_at is None and row.raw is not None
        stored = row.raw
    assert smtp_server.received == []  # nothing leaves before the sender runs

    report = setup.sender.send_waiting("jrivera", transport_for(smtp_server))
    assert (report.sent, report.waiting, report.error) == (1, 0, None)
    [got] = smtp_server.received
    assert got.recipients == ("emily.carter@example.com",)
    assert got.raw.replace(b"\r\n", b"\n") == stored.replace(b"\r\n", b"\n")
    message = got.message()
    assert message["In-Reply-To"] == f"<{'app-1@example.com'}>"
    assert message["References"] == "<app-1@example.com>"
    assert message["Subject"] == f"Re: [Return Application + {built.order_number}]"
    assert message["Message-ID"] == queued.message_id
    body = message.get_body(("plain",))
    assert body is not None
    words = body.get_content()
    assert queued.rma_number in words and "4200 East Airport Drive" in words
    assert "pre-paid label" in words
    files = attachments(message)
    assert set(files) == {f"return-form-{queued.rma_number}.pdf",
                          f"return-label-{queued.rma_number}.pdf"}
    form = files[f"return-form-{queued.rma_number}.pdf"]
    assert queued.rma_number in pdf.text(form)
    label = files[f"return-label-{queued.rma_number}.pdf"]
    assert queued.rma_number in pdf.codes(label, "Code128")
    with setup.store.read_session() as s:
        ret = s.scalars(select(ReturnRequest).where(
            ReturnRequest.rma_number == queued.rma_number)).one()
        assert ret.status is ReturnStatus.INSTRUCTIONS_SENT
        assert ret.instructions_sent_at is not None
        sent_event = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "mail_sent")).one()
        assert sent_event.after is not None
        assert sent_event.after["sha256"] == hashlib.sha256(stored).hexdigest()
        assert sent_event.after["retry"] is False
    # Sending again sends nothing: the row is sent.
    again = setup.sender.send_waiting("jrivera", transport_for(smtp_server))
    assert (again.sent, len(smtp_server.received)) == (0, 1)


def test_a_chinese_application_is_answered_in_chinese_and_a_personal_reason_with_no_label(
        setup: Setup, smtp_server: SmtpTestServer) -> None:
    built = add_return(setup.store)
    key = setup.take(application(built.order_number, subject=f"【退货申请 {built.order_number}】",
                                 product="哈洛 三人位亚麻沙发", reason="尺寸太大，放不下"))
    queued = setup.answers.answer(SUPERVISOR, key)
    assert queued.language == "zh"
    setup.sender.send_waiting("jrivera", transport_for(smtp_server))
    message = smtp_server.received[0].message()
    assert message["Subject"] == f"Re: 【退货申请 {built.order_number}】"
    body = message.get_body(("plain",))
    assert body is not None
    words = body.get_content()
    assert "退货单号" in words and "可追踪的国际快递" in words
    files = attachments(message)
    assert set(files) == {f"退货单-{queued.rma_number}.pdf"}  # own courier: no label (T2)
    assert "退货单" in pdf.text(files[f"退货单-{queued.rma_number}.pdf"])
    with setup.store.read_session() as s:
        label = s.scalars(select(ReturnRequest.label_type).where(
            ReturnRequest.rma_number == queued.rma_number)).one()
    assert label is LabelType.OWN_COURIER


def test_an_ineligible_application_is_refused_citing_the_rule_in_the_seeds_words(
        setup: Setup, smtp_server: SmtpTestServer) -> None:
    built = add_return(setup.store, lines=[LineSpec(clearance=True)])
    key = setup.take(application(built.order_number))
    with pytest.raises(ValidationError) as refused:
        setup.answers.answer(SUPERVISOR, key)
    assert refused.value.message_id == "error.mail-is-ineligible"
    queued = setup.answers.refuse(SUPERVISOR, key)
    assert queued.kind == "refusal" and queued.rma_number is None
    setup.sender.send_waiting("jrivera", transport_for(smtp_server))
    message = smtp_server.received[0].message()
    body = message.get_body(("plain",))
    assert body is not None
    words = body.get_content()
    assert "X2: Clearance products are not eligible for return." in words
    assert list(message.iter_attachments()) == []
    with setup.store.read_session() as s:
        assert s.scalars(select(ReturnRequest).where(
            ReturnRequest.channel == Channel.EMAIL)).all() == []


def test_only_a_supervisor_answers_and_only_once(setup: Setup) -> None:
    built = add_return(setup.store)
    key = setup.take(application(built.order_number))
    with pytest.raises(PermissionDeniedError):
        setup.answers.answer(INSPECTOR, key)
    setup.answers.answer(SUPERVISOR, key)
    with pytest.raises(ValidationError) as twice:
        setup.answers.answer(SUPERVISOR, key)
    assert twice.value.message_id in ("error.mail-already-answered",
                                      "error.mail-needs-person-first")
    with setup.store.read_session() as s:
        assert len(s.scalars(select(OutgoingMail)).all()) == 1


def test_an_application_that_needs_a_person_is_not_answered(setup: Setup) -> None:
    built = add_return(setup.store)
    key = setup.take(application(built.order_number, sender="someone@example.net"))
    with pytest.raises(ValidationError) as refused:
        setup.answers.answer(SUPERVISOR, key)
    assert refused.value.message_id == "error.mail-needs-person-first"


class DiedMidway(BaseException):
    """Fault injection: the desk dies at the send step (not an error the code handles)."""


def test_a_desk_killed_between_rma_created_and_reply_sent_sends_the_reply_once(
        setup: Setup, smtp_server: SmtpTestServer) -> None:
    built = add_return(setup.store)
    queued = setup.answers.answer(SUPERVISOR, setup.take(application(built.order_number)))

    def dies(_sender: str, _recipients: list[str], _raw: bytes) -> None:
        raise DiedMidway("fault injection: the desk is killed before the message leaves")

    with pytest.raises(DiedMidway):
        setup.sender.send_waiting("jrivera", dies)
    assert smtp_server.received == []
    # The restarted desk (a new sender, after the dead one's claim ran out) sends it once.
    setup.now = NOW + timedelta(minutes=10)
    restarted = MailSenderService(setup.store, DeskSettings(), clock=lambda: setup.now)
    report = restarted.send_waiting("jrivera", transport_for(smtp_server))
    assert report.sent == 1
    assert restarted.send_waiting("jrivera", transport_for(smtp_server)).sent == 0
    assert [r.message()["Message-ID"] for r in smtp_server.received] == [queued.message_id]


def test_a_send_whose_outcome_is_unknown_goes_again_under_the_same_message_id(
        setup: Setup, smtp_server: SmtpTestServer) -> None:
    built = add_return(setup.store)
    queued = setup.answers.answer(SUPERVISOR, setup.take(application(built.order_number)))
    real = transport_for(smtp_server)

    def dies_after_the_server_took_it(sender: str, recipients: list[str], raw: bytes) -> None:
        real(sender, recipients, raw)
        raise DiedMidway("fault injection: the desk is killed before it records the send")

    with pytest.raises(DiedMidway):
        setup.sender.send_waiting("jrivera", dies_after_the_server_took_it)
    # While the dead sender's claim holds, no other sender touches the row.
    assert setup.sender.send_waiting("jrivera", real).sent == 0
    setup.now = NOW + timedelta(minutes=10)
    assert setup.sender.send_waiting("jrivera", real).sent == 1
    ids = [r.message()["Message-ID"] for r in smtp_server.received]
    assert ids == [queued.message_id, queued.message_id]  # the duplicate is detectable
    with setup.store.read_session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "mail_sent")).one()
    assert event.after is not None and event.after["retry"] is True


def test_smtp_down_keeps_the_answer_queued_and_says_so_in_both_languages(
        setup: Setup, smtp_server: SmtpTestServer) -> None:
    built = add_return(setup.store)
    setup.answers.answer(SUPERVISOR, setup.take(application(built.order_number)))
    transport = transport_for(smtp_server)
    smtp_server.stop()
    report = setup.sender.send_waiting("jrivera", transport)
    assert (report.sent, report.waiting) == (0, 1)
    assert isinstance(report.error, MailboxUnreachableError)
    assert report.error.text("en").startswith("Cannot reach the mail server smtps://desk@")
    assert "回复仍在队列中" in report.error.text("zh")
    with setup.store.read_session() as s:
        row = s.scalars(select(OutgoingMail)).one()
        assert row.sent_at is None and row.last_error and row.last_attempt_at is None
    smtp_server.start()
    assert setup.sender.send_waiting("jrivera", transport).sent == 1
    assert len(smtp_server.received) == 1


def test_a_wrong_password_keeps_the_answer_queued(
        setup: Setup, smtp_server: SmtpTestServer) -> None:
    built = add_return(setup.store)
    setup.answers.answer(SUPERVISOR, setup.take(application(built.order_number)))
    wrong = replace(smtp_server, password="not-it", handler=smtp_server.handler)
    report = setup.sender.send_waiting("jrivera", transport_for(wrong))
    assert isinstance(report.error, SignInError) and report.waiting == 1
    assert smtp_server.received == []


def test_starttls_is_spoken_and_a_server_without_a_mail_host_is_a_known_error(
        store: Store, tmp_path: Path, smtp_certificate_folder: Path) -> None:
    from tests.postgres import free_port

    server = SmtpTestServer(smtp_certificate_folder, free_port(), "pw-starttls",
                            starttls=True)
    server.start()
    try:
        setup = Setup(store, tmp_path, settings_for(server))
        built = add_return(store)
        setup.answers.answer(SUPERVISOR, setup.take(application(built.order_number)))
        assert setup.sender.send_waiting("jrivera", transport_for(server)).sent == 1
        assert len(server.received) == 1
    finally:
        server.stop()
    with pytest.raises(KnownError) as unset:
        smtp_transport(DeskSettings(), None)
    assert unset.value.message_id == "error.smtp-not-set"


def test_the_evidence_package_holds_the_application_and_the_answer_by_their_hashes(
        setup: Setup, smtp_server: SmtpTestServer) -> None:
    built = add_return(setup.store)
    raw = application(built.order_number)
    queued = setup.answers.answer(SUPERVISOR, setup.take(raw))
    setup.sender.send_waiting("jrivera", transport_for(smtp_server))
    assert queued.rma_number is not None
    documents = DocumentService(setup.store, default_policies(),
                                PhotoFiles(setup.store.path.parent / "photos"),
                                clock=lambda: NOW)
    evidence = documents.render(SUPERVISOR, DocumentKind.EVIDENCE, queued.rma_number).pdf
    words = pdf.squashed(evidence)
    assert "EmailskeptbyteforbyteT4" in words.replace("(", "").replace(")", "")
    assert hashlib.sha256(raw).hexdigest() in words
    assert queued.sha256 in words
    assert "<app-1@example.com>" in pdf.text(evidence)  # the answer's In-Reply-To
    form = f"return-form-{queued.rma_number}.pdf"
    assert form in pdf.text(evidence)


def test_the_export_holds_the_answer_and_retention_empties_it_with_its_application(
        store: Store, tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    long_ago = NOW - timedelta(days=800)
    settings = settings_for(smtp_server)
    setup = Setup(store, tmp_path, settings)
    built = add_return(store)
    raw = application(built.order_number)
    key = MailService(store, PhotoFiles(tmp_path / "photos"), clock=lambda: long_ago).take(
        INSPECTOR, raw, "test").key
    queued = setup.answers.answer(SUPERVISOR, key)
    admin = replace(SUPERVISOR, role=Role.ADMIN)
    document = ExportService(store, clock=lambda: NOW).export_customer(
        admin, "emily.carter@example.com")
    [email] = document["emails"]
    answer = email["answer"]
    assert (answer["message_id"], answer["kind"], answer["rma_number"], answer["sent_at"]) == (
        queued.message_id, "instructions", queued.rma_number, None)
    assert hashlib.sha256(base64.b64decode(answer["raw_base64"])).hexdigest() == queued.sha256
    # Every return of the order closed long ago: the application and its answer are emptied.
    with store.session() as s:
        for ret in s.scalars(select(ReturnRequest)):
            ret.status, ret.closed_at = ReturnStatus.CLOSED, long_ago
    report = RetentionService(store, PhotoFiles(tmp_path / "photos"),
                              DeskSettings(closed_return_days=730),
                              clock=lambda: NOW).purge(admin)
    assert report.emails == 1
    with store.read_session() as s:
        row = s.scalars(select(OutgoingMail)).one()
        assert (row.raw, row.recipient, row.sha256) == (None, None, queued.sha256)
    assert setup.sender.waiting() == 0  # an emptied answer is not sent
