"""Fill an empty store with seeded demo data, fast: plain tuples and executemany, in chunks.

The same seed and the same ``today`` give the same database, byte for byte.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar

from sqlalchemy import text

from livenon_desk.demo.catalogue import CUSTOMIZATIONS, build_catalogue
from livenon_desk.demo.customers import DemoCustomer, make_customers
from livenon_desk.demo.outcomes import InspectionPlan, plan_inspection
from livenon_desk.domain.enums import (
    Channel,
    LabelType,
    ParcelCondition,
    ReasonCode,
    ReturnStatus,
)
from livenon_desk.domain.policy import Policy, default_policies
from livenon_desk.errors import KnownError
from livenon_desk.store.database import Store
from livenon_desk.store.search_index import rebuild_search_index

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
S = ReturnStatus
CHUNK = 20_000

_STATUS_WEIGHTS = [
    (S.APPLIED, 6),
    (S.INSTRUCTIONS_SENT, 7),
    (S.IN_TRANSIT, 12),
    (S.PARTIALLY_RECEIVED, 2),
    (S.RECEIVED, 7),
    (S.INSPECTING, 3),
    (S.INSPECTED, 6),
    (S.REFUND_APPROVED, 12),
    (S.REFUND_REJECTED, 5),
    (S.CLOSED, 40),
]
_STATUSES = [s for s, _ in _STATUS_WEIGHTS]
_WEIGHTS = [w for _, w in _STATUS_WEIGHTS]
_RECEIVED_AGE = {  # days since receipt, by status
    S.PARTIALLY_RECEIVED: (0, 6),
    S.RECEIVED: (0, 9),
    S.INSPECTING: (1, 6),
    S.INSPECTED: (1, 8),
    S.REFUND_APPROVED: (4, 30),
    S.REFUND_REJECTED: (4, 30),
    S.CLOSED: (20, 400),
}
_APPLIED_AGE = {S.APPLIED: (0, 2), S.INSTRUCTIONS_SENT: (1, 6), S.IN_TRANSIT: (3, 14)}
_REASONS = list(ReasonCode)


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    orders: int
    returns: int
    seconds: float


def _ts(moment: datetime | None) -> str | None:
    """A UTC moment in the form SQLAlchemy's SQLite DateTime stores."""
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class _Batch:
    """Rows for one chunk, table by table, in insertion order."""

    TABLES: ClassVar[dict[str, str]] = {
        "orders": "id, order_number, customer_id, placed_at, delivered_at, currency, "
        "payment_method, payment_brand, payment_last4, billing_address_id, "
        "shipping_address_id, cross_border, subtotal_cents, tax_cents, "
        "shipping_cents, total_cents, version, updated_at",
        "order_lines": "id, order_id, line_no, sku, product_name_en, product_name_zh, "
        "quantity, unit_price_cents, cartons, customized, customization, "
        "clearance",
        "return_requests": "id, rma_number, order_id, status, reason_code, reason_category, "
        "reason_text, channel, applied_at, instructions_sent_at, "
        "label_type, label_cost_cents, carrier, tracking_number, "
        "returned_goods_marked, received_at, parcel_condition, closed_at, "
        "restricted, restricted_reason, version, updated_at",
        "return_lines": "id, return_id, order_line_id, quantity, tag_code, cartons_expected, "
        "cartons_received",
        "inspections": "id, uuid, return_line_id, inspector, started_at, finished_at, "
        "checklist, notes, decision, rule_results, policy_version, "
        "disposition, override_decision, override_reason, override_by, "
        "override_at, version, updated_at",
        "communications": "id, return_id, order_id, channel, direction, occurred_at, subject, body",
    }

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in self.TABLES}

    def write(self, cursor: Any) -> None:
        for table, columns in self.TABLES.items():
            if self.rows[table]:
                marks = ",".join("?" * (columns.count(",") + 1))
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})", self.rows[table]
                )


class _Generator:
    def __init__(self, rng: random.Random, today: date, policy: Policy, returns: int) -> None:
        self.rng = rng
        self.today = today
        self.policy = policy
        self.zone = policy.time_zone
        self.catalogue = build_catalogue()
        self.customers = make_customers(rng, max(1, returns // 3))
        self.order_seq: dict[str, int] = {}
        self.ids = {"line": 0, "return_line": 0, "inspection": 0, "communication": 0}

    def local(self, day: date, hour: int | None = None) -> datetime:
        h = self.rng.randint(8, 18) if hour is None else hour
        return datetime(
            day.year,
            day.month,
            day.day,
            h,
            self.rng.randint(0, 59),
            self.rng.randint(0, 59),
            tzinfo=self.zone,
        ).astimezone(UTC)

    def next_id(self, kind: str) -> int:
        self.ids[kind] += 1
        return self.ids[kind]

    def add_return(self, batch: _Batch, n: int) -> None:
        rng = self.rng
        status = rng.choices(_STATUSES, _WEIGHTS)[0]
        customer = self.customers[rng.randrange(len(self.customers))]
        withdrawn = status is S.CLOSED and rng.random() < 0.05
        received_day = None
        if status in _RECEIVED_AGE and not withdrawn:
            low, high = _RECEIVED_AGE[status]
            received_day = self.today - timedelta(days=rng.randint(low, high))
            applied_day = received_day - timedelta(days=rng.randint(4, 12))
        else:
            low, high = _APPLIED_AGE.get(status, (30, 200))
            applied_day = self.today - timedelta(days=rng.randint(low, high))
        plan = plan_inspection(rng, status, self.policy, received=received_day is not None)
        delivered_day = None if plan.e2_days is None else applied_day - timedelta(plan.e2_days)
        placed_day = (delivered_day or applied_day - timedelta(days=20)) - timedelta(
            days=rng.randint(5, 25)
        )
        applied_at = self.local(applied_day)
        delivered_at = self.local(delivered_day) if delivered_day else None
        received_at = self.local(received_day) if received_day else None
        order_id = n
        order_number = self.order_number(placed_day)
        reason = rng.choice(_REASONS)
        lines = self.add_order(
            batch, customer, order_id, order_number, placed_day, delivered_at, plan
        )
        label = LabelType.PREPAID if rng.random() < 0.65 else LabelType.OWN_COURIER
        carrier, tracking = self.shipment(n, label, customer)
        shipped = status not in (S.APPLIED, S.INSTRUCTIONS_SENT) and not withdrawn
        returned = rng.choices(lines, k=1) if rng.random() < 0.75 else lines
        price = sum(line[7] * line[6] for line in returned)
        label_cost = (
            int(price * rng.uniform(0.05, 0.3))
            if label is LabelType.PREPAID and rng.random() < 0.5
            else None
        )
        closed_at = (
            self.local(
                min(self.today, (received_day or applied_day) + timedelta(days=rng.randint(8, 20)))
            )
            if status is S.CLOSED
            else None
        )
        restricted = rng.random() < 0.003 or n == 3  # the demo always shows one
        rma = f"RMA-{applied_day.year}-{n:07d}"
        batch.rows["return_requests"].append(
            (
                n,
                rma,
                order_id,
                status.value,
                reason.value,
                reason.category.value,
                _REASON_TEXT.get(reason),
                (Channel.EMAIL if rng.random() < 0.3 else Channel.WEB).value,
                _ts(applied_at),
                _ts(self.local(applied_day + timedelta(days=1)))
                if status is not S.APPLIED
                else None,
                label.value if status is not S.APPLIED else None,
                label_cost,
                carrier if shipped else None,
                tracking if shipped else None,
                self.marking(customer, received_at),
                _ts(received_at),
                self.condition() if received_at else None,
                _ts(closed_at),
                int(restricted),
                _RESTRICTION.format(ticket=n % 9000 + 1000) if restricted else None,
                1,
                _ts(closed_at or received_at or applied_at),
            )
        )
        for number, line in enumerate(returned, start=1):
            self.add_return_line(batch, n, number, line, status, received_at, plan)
        self.add_communications(
            batch, n, order_id, order_number, rma, customer, lines[0], reason, applied_at, status
        )

    def order_number(self, placed_day: date) -> str:
        key = placed_day.strftime("%Y%m%d")
        seq = self.order_seq.get(key, 0) + 1
        self.order_seq[key] = seq
        return f"LVN{key}{seq:05d}"

    def add_order(
        self,
        batch: _Batch,
        customer: DemoCustomer,
        order_id: int,
        order_number: str,
        placed_day: date,
        delivered_at: datetime | None,
        plan: InspectionPlan,
    ) -> list[tuple[Any, ...]]:
        rng = self.rng
        count = rng.choices((1, 2, 3), (60, 30, 10))[0]
        lines = []
        for line_no in range(1, count + 1):
            product = self.catalogue[rng.randrange(len(self.catalogue))]
            quantity = 1 if rng.random() < 0.9 else 2
            customized = plan.customized and line_no == 1
            clearance = plan.clearance and line_no == 1
            line = (
                self.next_id("line"),
                order_id,
                line_no,
                product.sku,
                product.name_en,
                product.name_zh,
                quantity,
                product.price_cents,
                product.cartons,
                int(customized),
                rng.choice(CUSTOMIZATIONS) if customized else None,
                int(clearance),
            )
            lines.append(line)
        batch.rows["order_lines"].extend(lines)
        subtotal = sum(line[6] * line[7] for line in lines)
        method, brand, last4 = customer.payment
        batch.rows["orders"].append(
            (
                order_id,
                order_number,
                customer.id,
                _ts(self.local(placed_day)),
                _ts(delivered_at),
                "USD",
                method,
                brand,
                last4,
                customer.address_id,
                customer.address_id,
                int(customer.cross_border),
                subtotal,
                0,
                0,
                subtotal,
                1,
                _ts(delivered_at or self.local(placed_day)),
            )
        )
        return lines

    def shipment(self, n: int, label: LabelType, customer: DemoCustomer) -> tuple[str, str]:
        rng = self.rng
        if label is LabelType.PREPAID:
            carrier = rng.choice(("UPS", "DHL"))
        elif customer.country == "CN":
            carrier = rng.choice(("SF Express", "DHL"))
        else:
            carrier = rng.choice(("FedEx", "USPS", "DHL"))
        if carrier == "UPS":
            alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
            head = "".join(rng.choice(alphabet) for _ in range(8))
            return carrier, f"1Z{head}{n:08d}"
        if carrier == "DHL":
            return carrier, f"{rng.randint(10, 99)}{n:08d}"
        if carrier == "FedEx":
            return carrier, f"{rng.randint(1000, 9999)}{n:08d}"
        if carrier == "USPS":
            return carrier, f"9400{rng.randint(10**9, 10**10 - 1)}{n:08d}"
        return carrier, f"SF{rng.randint(1000, 9999)}{n:08d}"

    def marking(self, customer: DemoCustomer, received_at: datetime | None) -> int | None:
        if not customer.cross_border or received_at is None:
            return None
        roll = self.rng.random()
        return 1 if roll < 0.8 else (0 if roll < 0.95 else None)

    def condition(self) -> str:
        roll = self.rng.random()
        if roll < 0.85:
            return ParcelCondition.INTACT.value
        return (ParcelCondition.DAMAGED_OUTER_BOX if roll < 0.95 else ParcelCondition.OPENED).value

    def add_return_line(
        self,
        batch: _Batch,
        return_id: int,
        number: int,
        line: tuple[Any, ...],
        status: ReturnStatus,
        received_at: datetime | None,
        plan: InspectionPlan,
    ) -> None:
        rid = self.next_id("return_line")
        expected = line[8] * line[6]
        received = expected if received_at else 0
        if status is S.PARTIALLY_RECEIVED and number == 1:
            received = self.rng.randint(0, expected - 1) if expected > 1 else 0
        batch.rows["return_lines"].append(
            (rid, return_id, line[0], line[6], f"TAG-{return_id:07d}-{number}", expected, received)
        )
        if received_at is None or status in (S.RECEIVED, S.PARTIALLY_RECEIVED):
            return
        started = min(
            received_at + timedelta(hours=self.rng.randint(2, 60)), self.local(self.today, 8)
        )
        finished = (
            None
            if status is S.INSPECTING
            else started + timedelta(minutes=self.rng.randint(12, 90))
        )
        iid = self.next_id("inspection")
        batch.rows["inspections"].append(
            (
                iid,
                f"00000000-0000-4000-8000-{iid:012d}",
                rid,
                plan.inspector,
                _ts(started),
                _ts(finished),
                json.dumps(plan.answers),
                plan.notes,
                plan.decision.value if finished else None,
                "[]",
                self.policy.version,
                plan.disposition.value if finished and plan.disposition else None,
                plan.override.value if finished and plan.override else None,
                plan.override_reason if finished else None,
                plan.override_by if finished else None,
                _ts(finished + timedelta(hours=2)) if finished and plan.override else None,
                1,
                _ts(finished or started),
            )
        )

    def add_communications(
        self,
        batch: _Batch,
        return_id: int,
        order_id: int,
        order_number: str,
        rma: str,
        customer: DemoCustomer,
        line: tuple[Any, ...],
        reason: ReasonCode,
        applied_at: datetime,
        status: ReturnStatus,
    ) -> None:
        rows = batch.rows["communications"]
        if return_id % 3 == 0:
            rows.append(
                (
                    self.next_id("communication"),
                    return_id,
                    order_id,
                    "email",
                    "inbound",
                    _ts(applied_at),
                    f"【Return Application + {order_number}】",
                    f"Order Number: {order_number}\nProduct Name: {line[4]}\n"
                    f"Return Reason: {_REASON_TEXT[reason]}\nContact Info: {customer.phone}",
                )
            )
        if status is not S.APPLIED and return_id % 2 == 0:
            rows.append(
                (
                    self.next_id("communication"),
                    return_id,
                    order_id,
                    "email",
                    "outbound",
                    _ts(applied_at + timedelta(days=1)),
                    f"Return instructions for {rma}",
                    f"Dear {customer.name},\nyour return {rma} for order {order_number} is "
                    "approved for shipping. Please pack the item in its original packaging, "
                    "enclose the invoice and the return form, and attach the label.",
                )
            )


_RESTRICTION = "Customer asked to restrict processing (privacy policy IV(3)), ticket #{ticket}"
_REASON_TEXT = {
    ReasonCode.DEFECTIVE: "Quality issue: a leg arrived cracked",
    ReasonCode.DAMAGED_IN_TRANSIT: "Box crushed in delivery, frame scratched",
    ReasonCode.WRONG_ITEM: "Received a different colour than ordered",
    ReasonCode.NOT_AS_DESCRIBED: "Fabric not as shown on the product page",
    ReasonCode.SIZE_MISMATCH: "Size mismatch: does not fit the room",
    ReasonCode.CHANGED_MIND: "Changed my mind",
    ReasonCode.STYLE_COLOUR: "Colour does not match our interior",
    ReasonCode.FOUND_CHEAPER: "Found a better offer",
}


def generate_demo_data(
    store: Store,
    *,
    returns: int,
    seed: int,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty ``store`` with ``returns`` demo returns relative to ``today``."""
    started = time.perf_counter()
    with store.engine.connect() as connection:
        if connection.execute(text("SELECT 1 FROM return_requests LIMIT 1")).first():
            raise KnownError(
                f"{store.path} already holds returns; demo data goes into a new database.",
                f"{store.path} 已有退货数据;演示数据只能写入新数据库。",
            )
    policy = default_policies().latest
    gen = _Generator(random.Random(seed), today or date.today(), policy, returns)
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.executemany(
            "INSERT INTO customers (id, customer_number, name, email, phone, phone_digits, "
            "language, anonymized, version, updated_at) VALUES (?,?,?,?,?,?,?,0,1,?)",
            [
                c.customer_row(_ts(gen.local(gen.today - timedelta(days=500))))
                for c in gen.customers
            ],
        )
        cursor.executemany(
            "INSERT INTO addresses (id, customer_id, recipient, line1, line2, city, region, "
            "postal_code, country_code, phone) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [c.address_row() for c in gen.customers],
        )
        raw.commit()
        for start in range(1, returns + 1, CHUNK):
            batch = _Batch()
            for n in range(start, min(start + CHUNK, returns + 1)):
                gen.add_return(batch, n)
            batch.write(cursor)
            raw.commit()
            if progress:
                progress(min(start + CHUNK - 1, returns), returns)
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()
    finally:
        raw.close()
    with store.engine.begin() as connection:
        rebuild_search_index(connection)
        connection.exec_driver_sql("ANALYZE")
    seconds = time.perf_counter() - started
    log.info("demo data: %d returns in %.1f s", returns, seconds)
    return DemoSummary(len(gen.customers), returns, returns, seconds)
