"""The RMA an email application's answer created, and the answer itself, reach the real
central server through the outbox once, keyed by the application's own key (P2)."""

from __future__ import annotations

import shutil
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

from sqlalchemy import func, select

from livenon_desk.central import tables
from livenon_desk.domain.policy import default_policies
from livenon_desk.models import Customer, Order, OrderLine, ReturnRequest
from livenon_desk.services.application_answer import ApplicationAnswerService, QueuedAnswer
from livenon_desk.services.application_check import ApplicationCheckService
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.services.document_service import DocumentService
from livenon_desk.services.mail_sender import MailSenderService, smtp_transport
from livenon_desk.services.mail_service import MailService
from livenon_desk.sync.worker import Outcome
from tests.builders import NOW
from tests.central_server import Central
from tests.smtp_server import SmtpTestServer
from tests.sync.desk import SUPERVISOR, Desk, make_desk


def _application_for_an_order(desk: Desk) -> bytes:
    """A quality-reason application for a demo order of one plain line, sent by its
    customer two days after delivery."""
    with desk.store.read_session() as s:
        single = (select(OrderLine.order_id).group_by(OrderLine.order_id)
                  .having(func.count() == 1))
        restricted = (select(Order.customer_id)
                      .join(ReturnRequest, ReturnRequest.order_id == Order.id)
                      .where(ReturnRequest.restricted.is_(True)))
        order, line, email = s.execute(
            select(Order, OrderLine, Customer.email)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .join(Customer, Customer.id == Order.customer_id)
            .where(Order.id.in_(single), Order.delivered_at.is_not(None),
                   OrderLine.customized.is_(False), OrderLine.clearance.is_(False),
                   Customer.email.is_not(None), Customer.id.not_in(restricted))
            .order_by(Order.id).limit(1)).one()
        assert order.delivered_at is not None
        sent = order.delivered_at + timedelta(days=2)
        return (f"From: {email}\r\nSubject: [Return Application + {order.order_number}]\r\n"
                f"Date: {format_datetime(sent)}\r\nMessage-ID: <answer-sync@example.com>\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                f"Order Number: {order.order_number}\r\nProduct Name: {line.product_name_en}\r\n"
                "Return Reason: the leg arrived cracked\r\n").encode()


def _answered_and_sent(desk: Desk, raw: bytes, smtp_server: SmtpTestServer) -> QueuedAnswer:
    """The application taken and answered at ``desk`` by its supervisor, and sent."""
    store = desk.store
    settings = DeskSettings(smtp_host="127.0.0.1", smtp_port=smtp_server.port,
                            smtp_user=smtp_server.user)
    policies = default_policies()
    key = MailService(store, desk.photos, clock=lambda: NOW).take(SUPERVISOR, raw, "test").key
    answers = ApplicationAnswerService(
        store, ApplicationCheckService(store, policies, clock=lambda: NOW),
        DocumentService(store, policies, desk.photos, clock=lambda: NOW),
        settings, clock=lambda: NOW)
    queued = answers.answer(SUPERVISOR, key)
    # Not sent to the customer yet: nothing waits for the server either.
    assert [r.kind for r in desk.outbox()] == []
    transport = smtp_transport(settings, smtp_server.password,
                               ca_file=smtp_server.certificate)
    sender = MailSenderService(store, settings, clock=lambda: NOW)
    assert sender.send_waiting("supervisor", transport).sent == 1
    return queued


def test_the_answers_return_and_record_reach_the_server_once(
        desk: Desk, central: Central, smtp_server: SmtpTestServer) -> None:
    supervisor_desk = make_desk(desk.store.path, central.client("supervisor"))
    store = supervisor_desk.store
    queued = _answered_and_sent(supervisor_desk, _application_for_an_order(supervisor_desk),
                                smtp_server)
    assert queued.rma_number is not None
    [row] = supervisor_desk.outbox()
    assert (row.kind, row.entity_key, row.idempotency_key) == (
        "mail_answer", queued.rma_number, "<answer-sync@example.com>")

    result = supervisor_desk.worker().run_round()
    assert result.outcome is Outcome.OK and result.push.sent == 1
    ret = central.entity("return", queued.rma_number)
    data = ret.data or {}
    assert (data["status"], data["channel"], data["reason_code"], data["label_type"]) == (
        "instructions_sent", "email", "defective", "prepaid")
    with central.context.db.read() as c:
        [answer] = c.execute(select(tables.mail_answers.c.data)).scalars().all()
    assert answer["message_id"] == queued.message_id and answer["sha256"] == queued.sha256
    assert answer["answered_by"] == "supervisor"
    with store.read_session() as s:
        local = s.scalars(select(ReturnRequest).where(
            ReturnRequest.rma_number == queued.rma_number)).one()
        assert local.server_version == ret.version
        assert local.status.value == "instructions_sent"
    writes = central.count(tables.idempotency)
    again = supervisor_desk.worker().run_round()
    assert again.push.sent == 0 and central.count(tables.idempotency) == writes
    assert central.count(tables.mail_answers) == 1
    supervisor_desk.store.dispose()


def test_a_second_desk_answering_the_same_application_is_refused_by_the_server(
        desk: Desk, desk_template: Path, central: Central, smtp_server: SmtpTestServer,
        tmp_path: Path) -> None:
    first = make_desk(desk.store.path, central.client("supervisor"))
    raw = _application_for_an_order(first)
    queued = _answered_and_sent(first, raw, smtp_server)
    assert first.worker().run_round().push.sent == 1
    # Offline from each other, both desks answered: the same RMA, refused the second time,
    # whoever sends it: another user finds the application answered (409); the same user
    # sent the application's key with another answer already (422).
    for user, status in (("admin", 409), ("supervisor", 422)):
        other_path = tmp_path / f"{user}-desk.sqlite3"
        shutil.copyfile(desk_template, other_path)
        other = make_desk(other_path, central.client(user))
        again = _answered_and_sent(other, raw, smtp_server)
        assert again.rma_number == queued.rma_number
        assert other.worker().run_round().push.failed == 1
        [row] = other.outbox()
        assert (row.state, row.last_status) == ("failed", status)
        other.store.dispose()
    assert central.count(tables.mail_answers) == 1
    assert queued.rma_number is not None
    assert (central.entity("return", queued.rma_number).data or {})["status"] == (
        "instructions_sent")
    first.store.dispose()
