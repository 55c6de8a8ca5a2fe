"""Answering an email application (P2): one action creates the RMA and queues the
instructions, or queues a refusal that cites the rule.

Exactly once, even if the desk dies half-way: the RMA, its lines, the answer's row (with
its own Message-ID and its bytes, attachments and all) and the application's move to
"answered" are one transaction. Nothing is sent here; the sender (``mail_sender``) sends
the rows not yet sent. A desk that dies before the sender ran sends the answer when it
next runs; one that dies after is done.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from livenon_desk.catalogue import Message
from livenon_desk.documents import data as doc
from livenon_desk.domain import mail_reply
from livenon_desk.domain.enums import (
    Channel,
    CommunicationChannel,
    Direction,
    LabelType,
    MailState,
    ReasonCategory,
    ReturnStatus,
)
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.errors import NotFoundError, ValidationError
from livenon_desk.models import (
    Communication,
    Customer,
    IncomingMail,
    Order,
    OrderLine,
    OutgoingMail,
    ReturnLine,
    ReturnRequest,
)
from livenon_desk.services.application_check import ApplicationCheck, ApplicationCheckService
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.services.document_kinds import DocumentKind
from livenon_desk.services.document_service import DocumentService
from livenon_desk.store.database import Store
from livenon_desk.store.search_index import index_returns

log = logging.getLogger(__name__)

INSTRUCTIONS = "instructions"
REFUSAL = "refusal"


@dataclass(frozen=True)
class QueuedAnswer:
    """An answer decided and waiting for the sender."""

    kind: str
    rma_number: str | None
    message_id: str
    language: str
    recipient: str
    sha256: str


class ApplicationAnswerService:
    def __init__(self, store: Store, checks: ApplicationCheckService,
                 documents: DocumentService, settings: DeskSettings,
                 clock: Clock = utc_now) -> None:
        self._store = store
        self._checks = checks
        self._documents = documents
        self._settings = settings
        self._clock = clock

    def answer(self, actor: Actor, key: str) -> QueuedAnswer:
        """Create the application's RMA (its order, the line and the reason code as the
        check settled them; the pre-paid label for a quality reason, T1) and queue the
        instructions in the customer's language with the return form and, for a pre-paid
        label, the label attached (P2, P3, P4). Refused while the application needs a
        person, or when a rule refuses it (E1, E2, X1, X2: refuse it instead)."""
        actor.require(Action.ANSWER_MAIL)
        check = self._settled(actor, key)
        refusing = [r for line in check.lines for r in line.refused_by]
        if refusing:
            raise ValidationError("error.mail-is-ineligible",
                                  rules=", ".join(sorted({r.rule_id for r in refusing})))
        with self._store.session() as s:
            mail = self._open_application(s, key)
            order = s.scalars(select(Order).where(Order.order_number == check.order_number)
                              ).one()
            line = s.scalars(select(OrderLine).where(
                OrderLine.order_id == order.id,
                OrderLine.line_no == check.lines[0].line_no)).one()
            reason = check.reason_code
            assert reason is not None  # a settled check has one
            applied_at = mail.sent_at or mail.received_at
            rma = mail_reply.answer_rma(mail.message_key, applied_at.year)
            if s.scalar(select(ReturnRequest.id).where(ReturnRequest.rma_number == rma)):
                raise ValidationError("error.mail-already-answered", key=key)
            now = self._clock()
            prepaid = reason.category is ReasonCategory.QUALITY
            ret = ReturnRequest(
                rma_number=rma, order_id=order.id, status=ReturnStatus.APPLIED,
                reason_code=reason, reason_category=reason.category,
                reason_text=mail.reason_text, channel=Channel.EMAIL, applied_at=applied_at,
                label_type=LabelType.PREPAID if prepaid else LabelType.OWN_COURIER,
                version=1, updated_at=now)
            s.add(ret)
            s.flush()
            s.add(ReturnLine(return_id=ret.id, order_line_id=line.id, quantity=line.quantity,
                             tag_code=mail_reply.answer_tag(rma, line.line_no),
                             cartons_expected=max(1, line.cartons), cartons_received=0))
            s.flush()
            index_returns(s.connection(), [ret.id])
            lang = self._language(mail)
            attachments = [mail_reply.Attachment(
                Message.of("reply.attachment.return-form", rma_number=rma).text(lang),
                self._documents.made_in(s, ret, DocumentKind.RETURN_FORM, lang, actor.name))]
            if prepaid:
                attachments.append(mail_reply.Attachment(
                    Message.of("reply.attachment.label", rma_number=rma).text(lang),
                    self._documents.made_in(s, ret, DocumentKind.LABEL, lang, actor.name)))
            company = self._documents.company()
            customer = s.get_one(Customer, order.customer_id)
            body = mail_reply.instructions_text(mail_reply.InstructionFacts(
                customer_name=customer.name, order_number=order.order_number,
                rma_number=rma, products=(_product(line, lang),),
                return_address=tuple(company.return_address.lines()),
                prepaid_label=prepaid, cross_border=order.cross_border,
                company_name=company.name, company_email=company.email,
                attachments=tuple(a.file_name for a in attachments)), lang)
            return self._queue(s, actor, mail, INSTRUCTIONS, ret, lang, body,
                               tuple(attachments), company)

    def refuse(self, actor: Actor, key: str) -> QueuedAnswer:
        """Queue the refusal of an application a rule refuses at once (E1, E2, X1, X2),
        citing each rule in the seed's words with the desk's reason, in the customer's
        language. No RMA is created. Refused when no rule refuses it."""
        actor.require(Action.ANSWER_MAIL)
        check = self._settled(actor, key)
        refusing = {r.rule_id: r for line in check.lines for r in line.refused_by}
        if not refusing:
            raise ValidationError("error.mail-not-ineligible", key=key)
        with self._store.session() as s:
            mail = self._open_application(s, key)
            order = s.scalars(select(Order).where(Order.order_number == check.order_number)
                              ).one()
            lang = self._language(mail)
            lines = s.scalars(select(OrderLine).where(
                OrderLine.order_id == order.id,
                OrderLine.line_no.in_([line.line_no for line in check.lines]))
                .order_by(OrderLine.line_no))
            company = self._documents.company()
            customer = s.get_one(Customer, order.customer_id)
            body = mail_reply.refusal_text(mail_reply.RefusalFacts(
                customer_name=customer.name, order_number=order.order_number,
                products=tuple(_product(line, lang) for line in lines),
                refusals=tuple(mail_reply.Refusal(r.rule_id, r.reason)
                               for r in refusing.values()),
                company_name=company.name, company_email=company.email), lang)
            return self._queue(s, actor, mail, REFUSAL, None, lang, body, (), company,
                               rule_ids=",".join(sorted(refusing)))

    def _settled(self, actor: Actor, key: str) -> ApplicationCheck:
        """The application's check, which must have nothing left for a person."""
        check = self._checks.check(actor, key)
        if check.needs_person or len(check.lines) != 1 or check.reason_code is None:
            raise ValidationError("error.mail-needs-person-first", key=key)
        return check

    def _open_application(self, s: Session, key: str) -> IncomingMail:
        mail = s.scalar(select(IncomingMail).where(IncomingMail.message_key == key))
        if mail is None or mail.purged_at is not None:
            raise NotFoundError("error.no-mail-with-key", key=key)
        answered = s.scalar(select(OutgoingMail.id).where(
            OutgoingMail.application_id == mail.id))
        if answered is not None or mail.state is MailState.ANSWERED:
            raise ValidationError("error.mail-already-answered", key=key)
        if mail.state is not MailState.NEW or not mail.sender:
            raise ValidationError("error.mail-needs-person-first", key=key)
        return mail

    @staticmethod
    def _language(mail: IncomingMail) -> mail_reply.Lang:
        return mail_reply.application_language(mail.subject, mail.product_name,
                                               mail.reason_text, mail.body_text)

    def _queue(self, s: Session, actor: Actor, mail: IncomingMail, kind: str,
               ret: ReturnRequest | None, lang: mail_reply.Lang, body: str,
               attachments: tuple[mail_reply.Attachment, ...],
               company: doc.CompanyDetails, rule_ids: str | None = None) -> QueuedAnswer:
        """The answer's row with its bytes, the application answered, a communication on
        the return (T4) and the audit event with the bytes' hash, in the caller's
        transaction."""
        now = self._clock()
        settings = self._settings
        from_address = settings.mail_from_address or company.email
        message_id = mail_reply.new_message_id(from_address)
        recipient = mail.sender or ""
        subject = mail_reply.reply_subject(mail.subject)
        raw = mail_reply.reply_bytes(mail_reply.Reply(
            message_id=message_id, from_address=from_address,
            from_name=settings.mail_from_name or company.name, to_address=recipient,
            to_name=mail.sender_name, subject=subject,
            in_reply_to=mail.message_key if mail.message_key.startswith("<") else None,
            date=now, body=body, attachments=attachments))
        digest = hashlib.sha256(raw).hexdigest()
        s.add(OutgoingMail(
            application_id=mail.id, message_id=message_id, kind=kind,
            rma_number=ret.rma_number if ret else None, rule_ids=rule_ids, language=lang,
            recipient=recipient,
            subject=subject, raw=raw, sha256=digest, size=len(raw), created_at=now,
            created_by=actor.username, attempts=0))
        mail.state = MailState.ANSWERED
        order_id = s.scalar(select(Order.id).where(Order.order_number == mail.order_number))
        s.add(Communication(return_id=ret.id if ret else None, order_id=order_id,
                            channel=CommunicationChannel.EMAIL, direction=Direction.OUTBOUND,
                            occurred_at=now, subject=subject[:300], body=body))
        record_event(s, actor.username, AuditAction.MAIL_ANSWERED, at=now,
                     entity_kind="mail", entity_key=mail.sha256,
                     after={"answer": kind, "return": ret.rma_number if ret else None,
                            **({"rules": rule_ids.split(",")} if rule_ids else {}),
                            "language": lang, "message_id": message_id, "sha256": digest,
                            "size": len(raw),
                            "attachments": [a.file_name for a in attachments]})
        log.info("application %s answered (%s, %s), queued as %s", mail.sha256[:12], kind,
                 ret.rma_number if ret else "no RMA", message_id)
        return QueuedAnswer(kind, ret.rma_number if ret else None, message_id, lang,
                            recipient, digest)


def _product(line: OrderLine, lang: str) -> str:
    return (line.product_name_zh or line.product_name_en) if lang == "zh" \
        else line.product_name_en
