"""The evidence of a demo return: inspections of its lines and the messages kept (T4).

Inspections carry checklist answers keyed by the policy file's checklist ids, the
policy's own decision for those facts, the policy version, a disposition, and now and
then a supervisor's override with a written reason.
"""

from __future__ import annotations

import random
from typing import NamedTuple

from livenon_desk.demo import codes, texts
from livenon_desk.demo.clock import DemoClock
from livenon_desk.demo.customers import DemoCustomer
from livenon_desk.demo.outcomes import INSPECTORS, SUPERVISORS, Outcomes, Story
from livenon_desk.domain.enums import (
    Channel,
    CommunicationChannel,
    Direction,
    PaymentMethod,
)
from livenon_desk.domain.enums import ReturnStatus as S
from livenon_desk.domain.payment_display import payment_display

Row = tuple[object, ...]
_HOUR = 3600
_DAY = 86_400
_EMAIL = CommunicationChannel.EMAIL.value
_IN, _OUT = Direction.INBOUND.value, Direction.OUTBOUND.value
_DECIDED = frozenset({S.INSPECTED, S.REFUND_APPROVED, S.REFUND_REJECTED, S.CLOSED})
_NOTIFIED = frozenset({S.REFUND_APPROVED, S.REFUND_REJECTED, S.CLOSED})


class ReturnFacts(NamedTuple):
    """What the evidence of one return needs to know about it (a tuple: made by the
    million)."""

    n: int
    status: S
    story: Story
    customer: DemoCustomer
    order_number: str
    product_en: object
    product_zh: object
    reason_text: str | None
    channel: Channel
    applied: int
    sent: int | None
    received: int | None
    carrier: str | None
    tracking: str | None
    personal: bool
    prepaid: bool
    payment: tuple[str, str | None, str | None]
    rma: str


class Evidence:
    """Appends inspection and communication rows; ids count up from 1."""

    def __init__(self, rng: random.Random, clock: DemoClock, outcomes: Outcomes,
                 policy_version: str) -> None:
        self.rng = rng
        self.clock = clock
        self.outcomes = outcomes
        self.policy_version = policy_version
        self.inspection_id = 0
        self.message_id = 0
        self.inspections: list[Row] = []
        self.communications: list[Row] = []

    def flush_into(self, rows: dict[str, list[Row]]) -> None:
        rows["inspections"], self.inspections = self.inspections, []
        rows["communications"], self.communications = self.communications, []

    def inspect(self, f: ReturnFacts, lines: list[tuple[int, bool, bool]]) -> int:
        """One inspection per returned line; returns the moment of the last change."""
        assert f.received is not None
        rng, clock, outcomes, story = self.rng, self.clock, self.outcomes, f.story
        r = rng.random
        text = clock.text
        inspector = INSPECTORS[int(r() * len(INSPECTORS))]
        room = max(0, min(clock.now - f.received - 2 * _HOUR, 3 * _DAY))
        moment = f.received + 1800 + int(r() * room)
        finished_all = f.status in _DECIDED
        last = moment
        for k, (line_id, customized, clearance) in enumerate(lines, start=1):
            self.inspection_id += 1
            started = min(moment, clock.now - 600)  # several lines may be done side by side
            if not finished_all:
                profile = outcomes.partials[int(r() * len(outcomes.partials))]
                self.inspections.append((
                    self.inspection_id, codes.inspection_uuid(rng), line_id, inspector,
                    text(started), None, outcomes.checklist_json[profile], None, None, "[]",
                    None, None, None, None, None, None, 1, 1, text(started),
                ))
                last = started
                moment = started + 300
                continue
            finished = min(started + 600 + int(r() * 4800), clock.now)
            profile = story.first if k == 1 else story.others
            decision = outcomes.decide(profile, customized, clearance, story.e2_days)
            final = decision
            override = reason = by = at = None
            if story.target is not None and decision is not story.target:
                final = override = story.target
                reason = story.override_reason
                by = SUPERVISORS[int(r() * len(SUPERVISORS))]
                at = min(finished + _HOUR + int(r() * 20 * _HOUR), clock.now)
            disposition = outcomes.disposition(rng, final)
            last = max(last, at or finished)
            self.inspections.append((
                self.inspection_id, codes.inspection_uuid(rng), line_id, inspector,
                text(started), text(finished), outcomes.checklist_json[profile],
                outcomes.notes(profile), decision.value, "[]", self.policy_version,
                None if disposition is None else disposition.value,
                None if override is None else override.value, reason, by,
                None if at is None else text(at), 2 if override else 1, 2 if override else 1,
                text(at or finished),
            ))
            moment = finished + 60 + int(r() * 600)
        return last

    def messages(self, f: ReturnFacts, decided: int | None, approved: bool,
                 withdrawn: bool) -> None:
        """T4: the application e-mail (P1), instructions (P2), the decision notice (P6/P7)."""
        rng, clock = self.rng, self.clock
        r = rng.random
        out = self.communications
        c = f.customer
        zh = c.language == "zh"
        if f.channel is Channel.EMAIL:
            contact = c.email if r() < 0.6 else c.phone
            subject, body = texts.application_email(
                f.order_number, str(f.product_zh if zh else f.product_en), f.reason_text or "",
                contact,
            )
            self.message_id += 1
            out.append((self.message_id, f.n, f.n, _EMAIL, _IN, clock.text(f.applied),
                        subject, body))
        if f.sent is not None:
            subject, body = texts.instructions_email(
                zh, c.name, f.rma, f.order_number, f.carrier,
                f.tracking if f.prepaid else None, c.cross_border, f.personal,
            )
            self.message_id += 1
            out.append((self.message_id, f.n, f.n, _EMAIL, _OUT, clock.text(f.sent), subject,
                        body))
        if decided is not None and f.status in _NOTIFIED:
            ok = f.status is S.REFUND_APPROVED or (f.status is S.CLOSED and approved)
            method, brand, last4 = f.payment
            pay = payment_display(PaymentMethod(method), brand, last4, c.language)
            subject, body = texts.decision_email(
                zh, c.name, f.rma, f.order_number, ok, pay, ok and f.personal and f.prepaid
            )
            self.message_id += 1
            at = min(decided + 300 + int(r() * 3 * _HOUR), clock.now)
            out.append((self.message_id, f.n, f.n, _EMAIL, _OUT, clock.text(at), subject, body))
        if withdrawn:
            self.message_id += 1
            at = (f.sent or f.applied) + _HOUR + int(r() * _DAY)
            out.append((self.message_id, f.n, f.n, _EMAIL, _IN, clock.text(min(at, clock.now)),
                        f"Re: {f.rma}", "Please cancel my return, I will keep the item."))
        if r() < 0.03:
            channel, note = texts.FOLLOW_UPS[int(r() * len(texts.FOLLOW_UPS))]
            at = f.applied + int(r() * max(1, clock.now - f.applied))
            self.message_id += 1
            out.append((self.message_id, f.n, f.n, channel, _IN, clock.text(at), None, note))
