"""One demo return at a time, as plain row tuples: its order, lines, return and evidence.

Everything is drawn from one seeded ``random.Random`` in a fixed order, and moments are
warehouse-local days turned into UTC by :class:`DemoClock`, so the same seed and the same
``today`` give the same rows. Speed matters (a million returns): ``int(r() * n)`` instead
of ``randint``, precomputed tables, tuples instead of objects.
"""

from __future__ import annotations

import random
from datetime import date

from livenon_desk.demo import codes
from livenon_desk.demo.catalogue import CATALOGUE, CUSTOMIZATIONS, Product
from livenon_desk.demo.clock import DemoClock
from livenon_desk.demo.coverage import FORCED, UNSET, Traits
from livenon_desk.demo.customers import DemoCustomer
from livenon_desk.demo.evidence import Evidence, ReturnFacts
from livenon_desk.demo.outcomes import Outcomes, Story
from livenon_desk.demo.texts import (
    REASON_TEXT_EN,
    REASON_TEXT_ZH,
    REASON_WEIGHTS,
    RESTRICTION_REASONS,
)
from livenon_desk.domain.enums import (
    Channel,
    LabelType,
    ParcelCondition,
    PaymentMethod,
    ReasonCategory,
    ReasonCode,
)
from livenon_desk.domain.enums import ReturnStatus as S
from livenon_desk.domain.policy import Policy
from livenon_desk.store.search_index import customer_terms, products_terms

Row = tuple[object, ...]
TABLES = ("orders", "order_lines", "return_requests", "return_lines", "inspections",
          "communications", "return_search")

_STATUS_WEIGHTS = (
    (S.APPLIED, 7), (S.INSTRUCTIONS_SENT, 7), (S.IN_TRANSIT, 12), (S.PARTIALLY_RECEIVED, 2),
    (S.RECEIVED, 7), (S.INSPECTING, 3), (S.INSPECTED, 5), (S.REFUND_APPROVED, 12),
    (S.REFUND_REJECTED, 5), (S.CLOSED, 40),
)
_STATUS_TABLE = tuple(s for s, w in _STATUS_WEIGHTS for _ in range(w))
_STATUS_VALUE = {s: s.value for s in S}
# Reason, its value, its category (T1/T2) and whether it is personal (P7), looked up once.
_REASONS = {c: (c, c.value, c.category.value, c.category is ReasonCategory.PERSONAL)
            for c in ReasonCode}
_REASON_TABLE = tuple(_REASONS[c] for c, w in REASON_WEIGHTS for _ in range(w))
_VERSION = {S.APPLIED: 1, S.INSTRUCTIONS_SENT: 2, S.IN_TRANSIT: 3, S.PARTIALLY_RECEIVED: 4,
            S.RECEIVED: 4, S.INSPECTING: 5, S.INSPECTED: 6, S.REFUND_APPROVED: 7,
            S.REFUND_REJECTED: 7, S.CLOSED: 8}
# Business days since receipt, by status: the queue holds fresh, due and overdue parcels
# (P5: inspected by the 5th business day).
_RECEIVED_AGE = {S.PARTIALLY_RECEIVED: (0, 6), S.RECEIVED: (0, 10), S.INSPECTING: (0, 6),
                 S.INSPECTED: (1, 8), S.REFUND_APPROVED: (2, 15), S.REFUND_REJECTED: (2, 15),
                 S.CLOSED: (12, 290)}
# Calendar days since the application, for returns not (yet) received.
_APPLIED_AGE = {S.APPLIED: (0, 4), S.INSTRUCTIONS_SENT: (1, 8), S.IN_TRANSIT: (4, 18),
                S.CLOSED: (10, 300)}
_AFTER_INSTRUCTIONS = frozenset(_VERSION) - {S.APPLIED}
_INSPECTED = frozenset({S.INSPECTING, S.INSPECTED, S.REFUND_APPROVED, S.REFUND_REJECTED,
                        S.CLOSED})
_LINE_COUNTS = (1, 1, 1, 1, 1, 1, 2, 2, 2, 3)
_CARD_BRANDS = ("Visa",) * 9 + ("Mastercard",) * 6 + ("American Express",) * 3 + ("Discover",) * 2
_OWN_CARRIERS = {"US": ("FedEx", "USPS", "UPS"), "CN": ("SF Express", "DHL"),
                 "CA": ("Canada Post", "FedEx", "UPS"), "GB": ("Royal Mail", "DHL")}
_CONDITIONS = ((ParcelCondition.INTACT.value,) * 17 + (ParcelCondition.DAMAGED_OUTER_BOX.value,) * 2
               + (ParcelCondition.OPENED.value,))
_HOUR = 3600
_DAY = 86_400
_PRE_2025_TAX = date(2025, 1, 1).toordinal()  # prices include taxes from 2025


class ReturnRows:
    """Builds the rows of returns ``1..n`` in order; ``take()`` hands over a chunk."""

    def __init__(self, rng: random.Random, clock: DemoClock, policy: Policy,
                 customers: list[DemoCustomer]) -> None:
        self.rng = rng
        self.clock = clock
        self.outcomes = Outcomes(policy)
        self.story = self.outcomes.story
        self.evidence = Evidence(rng, clock, self.outcomes, policy.version)
        self.customers = customers
        self.by_country: dict[str, list[DemoCustomer]] = {}
        for c in customers:
            self.by_country.setdefault(c.country, []).append(c)
        self.multi_carton = tuple(p for p in CATALOGUE if p.cartons > 1)
        self.order_numbers = codes.OrderNumbers()
        self.line_id = 0
        self.return_line_id = 0
        self.rows: dict[str, list[Row]] = {t: [] for t in TABLES}
        # The full-text index's terms of a customer and of a set of returned products,
        # made once each: the rows of the index are written with the returns'.
        self._customer_terms: dict[int, tuple[str, object, str]] = {}
        self._products_terms: dict[object, str] = {}

    def take(self) -> dict[str, list[Row]]:
        rows, self.rows = self.rows, {t: [] for t in TABLES}
        self.evidence.flush_into(rows)
        return rows

    def add(self, n: int) -> None:
        """Make return ``n`` with its order, lines, inspections and messages, and its row
        of the full-text index.

        Returns and inspections are at the server's version (``server_version`` =
        ``version``): demo data stands for the central server's records (its ``--demo``
        holds the same ones at the same versions), so the desk's next change is sent with
        this version.

        Each step draws from the one generator in turn, so their order is the seed's
        contract: the same seed gives the same rows only while it stays as it is.
        """
        r, clock, text = self.rng.random, self.clock, self.clock.text
        t: Traits | None = FORCED[n - 1] if n <= len(FORCED) else None
        status, withdrawn, approved, customer, story = self._case(t)
        received, applied_day, applied, sent, delivered_text, placed_day, placed = (
            self._timeline(status, withdrawn, story.e2_days))
        # The order and its lines; the lines that come back, with their cartons (E5).
        partial = status is S.PARTIALLY_RECEIVED
        order_number, returned, payment = self._order(
            n, customer, story, partial, placed_day, placed, delivered_text)
        year = clock.year(applied_day)
        price, cartons, facts_lines = self._return_lines(
            n, year, returned, story, received is not None, partial)

        # The return: reason, channel, label (P4), carrier and tracking, the T3 mark.
        reason, reason_value, category, personal = (
            _REASONS[t.reason] if t else _REASON_TABLE[int(r() * 100)]
        )
        channel = t.channel if t else (Channel.EMAIL if r() < 0.3 else Channel.WEB)
        label = t.label if t else (LabelType.PREPAID if r() < 0.65 else LabelType.OWN_COURIER)
        prepaid = label is LabelType.PREPAID
        cross_border = customer.country != "US"
        reason_text = self._reason_text(customer, reason, channel)
        label_cost = carrier = tracking = None
        if sent is not None:
            label_cost, carrier, tracking = self._carriage(
                n, customer, prepaid, price, cartons,
                shipped=received is not None or status is S.IN_TRANSIT)
        marking = self._marking(t, cross_border and received is not None)
        restricted = t.restricted if t else r() < 0.002
        restricted_reason = None
        if restricted:
            template = RESTRICTION_REASONS[n % len(RESTRICTION_REASONS)]
            restricted_reason = template.format(ticket=40_000 + n % 60_000)
        rma = codes.rma_number(year, n)

        facts = ReturnFacts(
            n, status, story, customer, order_number, returned[0][4], returned[0][5],
            reason_text, channel, applied, sent, received, carrier, tracking, personal,
            prepaid, payment, rma,
        )
        decided = closed = None
        if status in _INSPECTED and not withdrawn:
            decided = self.evidence.inspect(facts, facts_lines)
        if status is S.CLOSED:
            closed = decided or sent or applied
            closed = min(closed + _DAY + int(r() * (5 if withdrawn else 8) * _DAY), clock.now)
        self.evidence.messages(facts, decided, approved, withdrawn)
        applied_text = text(applied)
        self.rows["return_requests"].append((
            n, rma, n, _STATUS_VALUE[status], reason_value, category, reason_text,
            channel.value, applied_text, None if sent is None else text(sent),
            None if sent is None else label.value, label_cost, carrier, tracking, marking,
            None if received is None else text(received),
            None if received is None else _CONDITIONS[int(r() * 20)],
            None if closed is None else text(closed), restricted, restricted_reason,
            _VERSION[status], _VERSION[status],
            text(max(applied, sent or 0, received or 0, decided or 0, closed or 0)),
        ))
        self._index(n, rma, order_number, customer, returned)

    def _index(self, n: int, rma: str, order_number: str, customer: DemoCustomer,
               returned: list[Row]) -> None:
        """The return's row of the full-text index, as ``rebuild_search_index`` makes it."""
        terms = self._customer_terms.get(customer.id)
        if terms is None:
            terms = self._customer_terms[customer.id] = customer_terms(
                customer.name, customer.email, customer.phone_digits)
        # Most returns bring back one line: its SKU alone is the key.
        skus = returned[0][3] if len(returned) == 1 else tuple(line[3] for line in returned)
        products = self._products_terms.get(skus)
        if products is None:
            products = self._products_terms[skus] = products_terms(
                (str(line[4]), None if line[5] is None else str(line[5]), str(line[3]))
                for line in returned)
        self.rows["return_search"].append((n, rma, order_number, *terms, products))

    def _case(self, t: Traits | None) -> tuple[S, bool, bool, DemoCustomer, Story]:
        """The return's status, whether it was withdrawn or approved, its customer and
        its story: drawn, or forced by the coverage table."""
        r = self.rng.random
        if t is None:
            status = _STATUS_TABLE[int(r() * 100)]
            customer = self.customers[int(r() * len(self.customers))]
            withdrawn = status is S.CLOSED and r() < 0.05
            approved = r() < 0.72
            story = self.story(self.rng, S.APPLIED if withdrawn else status, approved)
            return status, withdrawn, approved, customer, story
        pool = self.customers if t.country is None else self.by_country[t.country]
        customer = pool[int(r() * len(pool))]
        story = t.story or self.story(self.rng, t.status, t.approved)
        return t.status, False, t.approved, customer, story

    def _timeline(self, status: S, withdrawn: bool, e2_days: int | None) -> tuple[
            int | None, int, int, int | None, str | None, int, int]:
        """Received, the day and moment applied, instructions sent, delivered (as text),
        the day and moment ordered: in warehouse-local days, backwards from receipt or
        from today."""
        r, clock = self.rng.random, self.clock
        received = None
        if status in _RECEIVED_AGE and not withdrawn:
            lo, hi = _RECEIVED_AGE[status]
            received_day = clock.business_days_back[lo + int(r() * (hi - lo + 1))]
            received = clock.moment(received_day, 28_800 + int(r() * 28_800))  # 08:00-16:00
            applied_day = received_day - 6 - int(r() * 12)
        else:
            lo, hi = _APPLIED_AGE[status]
            applied_day = clock.today - lo - int(r() * (hi - lo + 1))
        hours = 9 if applied_day == clock.today else 15
        applied = clock.moment(applied_day, 25_200 + int(r() * hours * _HOUR))  # from 07:00
        sent = None
        if status in _AFTER_INSTRUCTIONS and not (withdrawn and r() < 0.5):
            sent_day = clock.next_business_day(applied_day)
            if r() < 0.1:  # P2's deadline missed now and then
                sent_day = clock.next_business_day(sent_day)
            sent = clock.moment(min(sent_day, clock.today), 32_400 + int(r() * 28_800))
            sent = min(max(applied + _HOUR, sent), clock.now)
        delivered_text = None
        if e2_days is None:
            placed_day = applied_day - 15 - int(r() * 25)
        else:
            delivered_day = applied_day - e2_days
            delivered = clock.moment(delivered_day, 32_400 + int(r() * 39_600))  # 09:00-20:00
            delivered_text = clock.text(delivered)
            placed_day = delivered_day - 3 - int(r() * 25)
        # 06:00-15:59 in Los Angeles: the order's date is then the same in the warehouse's
        # zone and in UTC, and so is the date its number carries.
        placed = clock.moment(placed_day, 21_600 + int(r() * 36_000))
        return received, applied_day, applied, sent, delivered_text, placed_day, placed

    def _order(self, n: int, customer: DemoCustomer, story: Story, partial: bool,
               placed_day: int, placed: int, delivered_text: str | None,
               ) -> tuple[str, list[Row], tuple[str, str | None, str | None]]:
        """Order ``n`` with its lines; its number, the lines that come back and how it
        was paid."""
        r = self.rng.random
        lines, subtotal = self._order_lines(n, story.customized, story.clearance, partial)
        returned = lines[:1]
        if len(lines) > 1 and r() < 0.25 and not story.single_line:
            returned = lines
        tax = 0
        if placed_day < _PRE_2025_TAX and customer.country == "US":
            tax = subtotal * (600 + int(r() * 425)) // 10_000
        method, brand, last4 = self._payment()
        placed_text = self.clock.text(placed)
        order_number = self.order_numbers.issue(self.clock.utc_compact_date(placed))
        self.rows["orders"].append((
            n, order_number, customer.id, placed_text, delivered_text, "USD", method, brand,
            last4, customer.id, customer.id, customer.cross_border, subtotal, tax, 0,
            subtotal + tax, 1, delivered_text or placed_text,
        ))
        return order_number, returned, (method, brand, last4)

    def _return_lines(self, n: int, year: int, returned: list[Row], story: Story,
                      received: bool, partial: bool,
                      ) -> tuple[int, int, list[tuple[int, bool, bool]]]:
        """The return's lines with the cartons expected and received; the price of what
        comes back, its cartons, and each line's facts for the evidence."""
        r = self.rng.random
        price = cartons = 0
        facts_lines = []
        return_lines = self.rows["return_lines"]
        for k, line in enumerate(returned, start=1):
            self.return_line_id += 1
            quantity, unit_price, per_item = line[6], line[7], line[8]
            expected = per_item * quantity  # type: ignore[operator]
            price += unit_price * quantity  # type: ignore[operator]
            cartons += expected
            got = expected if received else 0
            if partial:
                got = 1 + int(r() * (expected - 1)) if k == 1 else int(r() * (expected + 1))
            return_lines.append((self.return_line_id, n, line[0], quantity,
                                 codes.tag_code(year, n, k), expected, got))
            facts_lines.append((self.return_line_id, k == 1 and story.customized,
                                k == 1 and story.clearance))
        return price, cartons, facts_lines

    def _reason_text(self, customer: DemoCustomer, reason: ReasonCode,
                     channel: Channel) -> str | None:
        """The customer's own words, in their language; nearly always given, always by
        email."""
        r = self.rng.random
        choices = (REASON_TEXT_ZH if customer.language == "zh" else REASON_TEXT_EN)[reason]
        if channel is Channel.EMAIL or r() >= 0.1:
            return choices[int(r() * len(choices))]
        return None

    def _carriage(self, n: int, customer: DemoCustomer, prepaid: bool, price: int,
                  cartons: int, *, shipped: bool,
                  ) -> tuple[int | None, str | None, str | None]:
        """Once instructions went out: the prepaid label's cost (T2), the carrier and the
        tracking number."""
        r = self.rng.random
        label_cost = carrier = tracking = None
        if prepaid:
            if customer.country != "US":  # T2: often 20-40 % of the price abroad
                label_cost = price * (20 + int(r() * 21)) // 100
                carrier = "DHL" if r() < 0.8 else "UPS"
            else:
                label_cost = 3_900 + 1_800 * cartons
                carrier = "UPS" if r() < 0.7 else "DHL"
            if r() < 0.15:
                label_cost = None  # not on file: the refund estimates it
            tracking = codes.tracking_number(self.rng, carrier, n, True)
        elif shipped:
            own = _OWN_CARRIERS[customer.country]
            carrier = own[int(r() * len(own))]
            tracking = codes.tracking_number(self.rng, carrier, n, False)
        return label_cost, carrier, tracking

    def _marking(self, t: Traits | None, received_from_abroad: bool) -> bool | None:
        """The T3 "Returned Goods" mark on a parcel received from abroad."""
        if not received_from_abroad:
            return None
        if t and t.marking != UNSET:
            return t.marking  # type: ignore[return-value]
        roll = self.rng.random()
        return True if roll < 0.8 else (False if roll < 0.92 else None)

    def _order_lines(self, order_id: int, customized: bool, clearance: bool,
                     multi_carton: bool) -> tuple[list[Row], int]:
        r = self.rng.random
        out: list[Row] = []
        subtotal = 0
        for line_no in range(1, _LINE_COUNTS[int(r() * 10)] + 1):
            pool: tuple[Product, ...] = CATALOGUE
            if line_no == 1 and multi_carton:
                pool = self.multi_carton
            product = pool[int(r() * len(pool))]
            quantity = 1 if r() < 0.92 else 2
            price = product.price_cents
            custom = customized and line_no == 1
            sale = clearance and line_no == 1
            customization = None
            if custom:
                price = price * 115 // 10_000 * 100
                customization = CUSTOMIZATIONS[int(r() * len(CUSTOMIZATIONS))]
            if sale:
                price = price * (40 + int(r() * 31)) // 10_000 * 100 + 99
            self.line_id += 1
            subtotal += price * quantity
            # The catalogue's weight of a piece, which the weight check compares with.
            out.append((self.line_id, order_id, line_no, product.sku, product.name_en,
                        product.name_zh, quantity, price, product.cartons, custom,
                        customization, sale, product.weight_g or None))
        self.rows["order_lines"].extend(out)
        return out, subtotal

    def _payment(self) -> tuple[str, str | None, str | None]:
        r = self.rng.random
        roll = r()
        last4 = f"{int(r() * 10_000):04d}"
        if roll < 0.45:
            return PaymentMethod.CREDIT_CARD.value, _CARD_BRANDS[int(r() * 20)], last4
        if roll < 0.6:
            return PaymentMethod.DEBIT_CARD.value, _CARD_BRANDS[int(r() * 15)], last4
        if roll < 0.75:  # the card behind Apple Pay, by its device account's last four
            return PaymentMethod.APPLE_PAY.value, _CARD_BRANDS[int(r() * 15)], last4
        if roll < 0.93:
            return PaymentMethod.PAYPAL.value, None, None
        return PaymentMethod.TT.value, None, None
