"""Checking an email application against the order it names (P1), before anyone answers
it (P2): the order must exist, the sender should be its customer, the product names one
of its lines, the reason text points to a reason code (T1/T2), and E1, E2, X1 and X2 are
judged at once, so that an ineligible application is answered with the rule.

What the check cannot settle is said as a problem, and the message waits for a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from livenon_desk.catalogue import Message
from livenon_desk.domain.eligibility import LineFacts, RuleResult, application_rules
from livenon_desk.domain.enums import MailState, ReasonCategory, ReasonCode, RuleOutcome
from livenon_desk.domain.mail_matching import OrderLineName, guess_reason, matching_lines
from livenon_desk.domain.policy import PolicySet
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.errors import NotFoundError, RestrictedError
from livenon_desk.models import Customer, IncomingMail, Order, OrderLine
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.mail_service import restricted_orders_and_senders
from livenon_desk.store.database import Store


@dataclass(frozen=True)
class LineCheck:
    line_no: int
    sku: str
    name_en: str
    name_zh: str | None
    # E1, E2, X1, X2 for this line, judged on the day the email was sent.
    rules: tuple[RuleResult, ...]

    @property
    def refused_by(self) -> tuple[RuleResult, ...]:
        """The rules that make the line ineligible now, whatever the inspection finds."""
        return tuple(r for r in self.rules if r.outcome is RuleOutcome.FAIL)


@dataclass(frozen=True)
class ApplicationCheck:
    key: str
    order_number: str | None
    order_found: bool
    # None when there is no sender or the customer has no email on file.
    sender_is_customer: bool | None
    # The lines the product may be, best first: one is a match; several, a person picks.
    lines: tuple[LineCheck, ...]
    reason_guess: ReasonCode | None
    policy_version: str | None
    problems: tuple[Message, ...]

    @property
    def reason_category(self) -> ReasonCategory | None:
        """T1 (quality: Livenon pays the shipping) or T2 (personal) for the guess."""
        return self.reason_guess.category if self.reason_guess else None

    @property
    def needs_person(self) -> bool:
        return bool(self.problems)


class ApplicationCheckService:
    def __init__(self, store: Store, policies: PolicySet, clock: Clock = utc_now) -> None:
        self._store = store
        self._policies = policies
        self._clock = clock

    def check(self, actor: Actor, key: str) -> ApplicationCheck:
        """Check the application kept under ``key`` (P1; E1, E2, X1, X2; T1/T2). A
        message with a problem moves to "needs a person"; one naming a restricted return
        is not processed (privacy policy IV(3))."""
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            mail = s.scalar(select(IncomingMail).where(IncomingMail.message_key == key))
            if mail is None or mail.purged_at is not None:
                raise NotFoundError("error.no-mail-with-key", key=key)
            orders, senders = restricted_orders_and_senders(s)
            if mail.order_number in orders or (mail.sender or "").lower() in senders:
                raise RestrictedError("error.mail-restricted", key=key)
            result = self._check(s, mail)
            if result.needs_person and mail.state is MailState.NEW:
                mail.state = MailState.NEEDS_PERSON
            return result

    def _check(self, s: Session, mail: IncomingMail) -> ApplicationCheck:
        problems: list[Message] = []
        if mail.unreadable_reason:
            problems.append(Message.of(mail.unreadable_reason))
        order = (s.scalar(select(Order).where(func.upper(Order.order_number)
                                              == mail.order_number))
                 if mail.order_number else None)
        reason = guess_reason(mail.reason_text)
        if order is None:
            if mail.order_number:
                problems.append(Message.of("mailbox.order-not-found",
                                           order_number=mail.order_number))
            return ApplicationCheck(mail.message_key, mail.order_number, False, None, (),
                                    reason, None, tuple(problems))
        customer = s.get_one(Customer, order.customer_id)
        sender_is_customer = (None if not (mail.sender and customer.email)
                              else mail.sender.lower() == customer.email.lower())
        if sender_is_customer is False:
            problems.append(Message.of("mailbox.sender-not-customer", sender=mail.sender))
        applied_at = mail.sent_at or mail.received_at
        policy = self._policies.for_application(applied_at)
        order_lines = list(s.scalars(select(OrderLine).where(OrderLine.order_id == order.id)
                                     .order_by(OrderLine.line_no)))
        names = [OrderLineName(ln.line_no, ln.sku, ln.product_name_en, ln.product_name_zh)
                 for ln in order_lines]
        picked = matching_lines(mail.product_name, names)
        by_no = {ln.line_no: ln for ln in order_lines}
        lines = tuple(LineCheck(
            n, by_no[n].sku, by_no[n].product_name_en, by_no[n].product_name_zh,
            application_rules(policy, LineFacts(
                customized=by_no[n].customized, customization=by_no[n].customization,
                clearance=by_no[n].clearance, delivered_at=order.delivered_at,
                applied_at=applied_at, answers={}, reason_category=(
                    reason.category if reason else None))))
            for n in picked)
        if len(lines) > 1:
            problems.append(Message.of("mailbox.several-lines", count=len(lines)))
        if reason is None:
            problems.append(Message.of("mailbox.reason-not-recognised"))
        return ApplicationCheck(mail.message_key, order.order_number, True,
                                sender_is_customer, lines, reason, policy.version,
                                tuple(problems))
