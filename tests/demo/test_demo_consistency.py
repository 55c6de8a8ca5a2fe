"""Demo rows agree with each other, with the policy, and with the privacy rules."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import UTC, datetime, time

from livenon_desk.domain.eligibility import LineFacts, evaluate_line
from livenon_desk.domain.enums import Answer, Decision, Disposition, ReasonCode
from livenon_desk.domain.policy import default_policies
from tests.demo.conftest import TODAY

POLICY = default_policies().latest
RECEIVED = {"partially_received", "received", "inspecting", "inspected", "refund_approved",
            "refund_rejected"}
DECIDED = {"inspected", "refund_approved", "refund_rejected", "closed"}
TRACKING = {
    "UPS": re.compile(r"1Z[0-9A-Z]{16}"),
    "DHL": re.compile(r"\d{10}"),
    "FedEx": re.compile(r"\d{12}"),
    "USPS": re.compile(r"\d{22}"),
    "SF Express": re.compile(r"SF\d{13}"),
    "Royal Mail": re.compile(r"[A-Z]{2}\d{9}GB"),
    "Canada Post": re.compile(r"[A-Z]{2}\d{9}CA"),
}


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_reason_category_is_the_reasons_own(db: sqlite3.Connection) -> None:
    for code, category in db.execute("SELECT reason_code, reason_category FROM return_requests"):
        assert category == ReasonCode(code).category.value


def test_timestamps_follow_the_status(db: sqlite3.Connection) -> None:
    end_of_today = datetime.combine(TODAY, time(23, 59, 59), POLICY.time_zone)
    rows = db.execute(
        "SELECT r.*, o.placed_at, o.delivered_at FROM return_requests r"
        " JOIN orders o ON o.id = r.order_id"
    ).fetchall()
    for r in rows:
        status = r["status"]
        applied = _moment(r["applied_at"])
        moments = [_moment(r[k]) for k in ("placed_at", "delivered_at", "applied_at",
                   "instructions_sent_at", "received_at", "closed_at", "updated_at") if r[k]]
        assert max(moments) <= end_of_today
        assert _moment(r["placed_at"]) < applied
        if r["delivered_at"]:
            assert _moment(r["placed_at"]) < _moment(r["delivered_at"]) < applied
        if status in RECEIVED:
            assert r["received_at"] and r["parcel_condition"]
        if status in RECEIVED or status == "in_transit":
            assert r["carrier"] and r["tracking_number"]
        if status in ("applied", "instructions_sent", "in_transit"):
            assert r["received_at"] is None
        if status != "applied" and status != "closed":
            assert r["instructions_sent_at"] and r["label_type"]
        if r["instructions_sent_at"]:
            assert _moment(r["instructions_sent_at"]) >= applied
        if r["received_at"]:
            assert r["instructions_sent_at"]
            assert _moment(r["received_at"]) > _moment(r["instructions_sent_at"])
        assert (r["closed_at"] is not None) == (status == "closed")
        assert r["updated_at"] == max(
            r[k] for k in ("applied_at", "instructions_sent_at", "received_at", "closed_at",
                           "updated_at") if r[k]
        )


def test_cartons_received_follow_the_status(db: sqlite3.Connection) -> None:
    for status, expected, received in db.execute(
        "SELECT r.status, l.cartons_expected, l.cartons_received FROM return_lines l"
        " JOIN return_requests r ON r.id = l.return_id"
    ):
        assert 0 <= received <= expected
        if status in RECEIVED - {"partially_received"}:
            assert received == expected
        elif status in ("applied", "instructions_sent", "in_transit"):
            assert received == 0


def test_cartons_expected_are_the_order_lines(db: sqlite3.Connection) -> None:
    assert db.execute(
        "SELECT count(*) FROM return_lines l JOIN order_lines ol ON ol.id = l.order_line_id"
        " WHERE l.cartons_expected != ol.cartons * ol.quantity OR l.quantity != ol.quantity"
    ).fetchone()[0] == 0
    assert db.execute(
        "SELECT count(*) FROM return_lines l JOIN order_lines ol ON ol.id = l.order_line_id"
        " JOIN return_requests r ON r.id = l.return_id WHERE ol.order_id != r.order_id"
    ).fetchone()[0] == 0


def test_inspections_agree_with_the_policy(db: sqlite3.Connection) -> None:
    """Each finished inspection's decision is the policy's own for the stored facts; an
    approved refund passed on every line (or was overridden), a rejected one on none.
    """
    checklist_ids = {item.id for item in POLICY.checklist}
    rows = db.execute(
        "SELECT r.status, r.id AS return_id, r.applied_at, r.received_at, o.delivered_at,"
        " ol.customized,"
        " ol.customization, ol.clearance, i.* FROM return_requests r"
        " JOIN orders o ON o.id = r.order_id JOIN return_lines l ON l.return_id = r.id"
        " JOIN order_lines ol ON ol.id = l.order_line_id"
        " LEFT JOIN inspections i ON i.return_line_id = l.id"
    ).fetchall()
    finals: dict[int, list[str]] = {}
    for row in rows:
        status = row["status"]
        if row["id"] is None:
            # Not inspected yet, or closed because the customer withdrew before shipping.
            assert status not in DECIDED | {"inspecting"} or (
                status == "closed" and row["received_at"] is None
            )
            continue
        answers = json.loads(row["checklist"])
        assert set(answers) <= checklist_ids
        assert row["inspector"] in {"mchen", "jlopez", "aokafor", "lwang", "sbrooks", "dnguyen"}
        if status == "inspecting":
            assert row["finished_at"] is None and row["decision"] is None
            continue
        assert status in DECIDED
        assert set(answers) == checklist_ids
        assert row["policy_version"] == POLICY.version == "2025.1"
        facts = LineFacts(
            customized=bool(row["customized"]), customization=row["customization"],
            clearance=bool(row["clearance"]),
            delivered_at=_moment(row["delivered_at"]) if row["delivered_at"] else None,
            applied_at=_moment(row["applied_at"]),
            answers={k: Answer(v) for k, v in answers.items()},
        )
        assert evaluate_line(POLICY, facts).decision.value == row["decision"]
        final = row["override_decision"] or row["decision"]
        finals.setdefault(row["return_id"], []).append(final)
        if final == Decision.ELIGIBLE:
            assert row["disposition"] in {Disposition.RESTOCK, Disposition.REFURBISH}
        elif final == Decision.NOT_ELIGIBLE:
            assert row["disposition"] in {Disposition.RETURN_TO_CUSTOMER, Disposition.LIQUIDATE,
                                          Disposition.DISPOSE}
        else:
            assert row["disposition"] is None
        assert _moment(row["started_at"]) > _moment(row["received_at"])
        assert _moment(row["finished_at"]) > _moment(row["started_at"])
    statuses = dict(db.execute("SELECT id, status FROM return_requests").fetchall())
    for return_id, decisions in finals.items():
        if statuses[return_id] == "refund_approved":
            assert set(decisions) == {Decision.ELIGIBLE.value}
        if statuses[return_id] == "refund_rejected":
            assert set(decisions) == {Decision.NOT_ELIGIBLE.value}
    assert {"refund_approved", "refund_rejected", "inspected", "closed"} <= {
        statuses[i] for i in finals
    }


def test_order_totals_add_up(db: sqlite3.Connection) -> None:
    for order_id, subtotal, tax, shipping, total in db.execute(
        "SELECT id, subtotal_cents, tax_cents, shipping_cents, total_cents FROM orders"
    ):
        lines = db.execute(
            "SELECT sum(quantity * unit_price_cents) FROM order_lines WHERE order_id = ?",
            (order_id,),
        ).fetchone()[0]
        assert subtotal == lines
        assert total == subtotal + tax + shipping
        assert tax >= 0 and shipping == 0


def test_codes_have_their_shapes_and_are_unique(db: sqlite3.Connection) -> None:
    for number, placed in db.execute("SELECT order_number, placed_at FROM orders"):
        assert re.fullmatch(r"LVN\d{13}", number)
        # The order's date, which is the same in UTC and in the warehouse's zone.
        assert number[3:11] == _moment(placed).strftime("%Y%m%d")
        assert number[3:11] == POLICY.local_date(_moment(placed)).strftime("%Y%m%d")
    for rma, applied in db.execute("SELECT rma_number, applied_at FROM return_requests"):
        assert re.fullmatch(r"RMA-\d{4}-\d{6,}", rma)
        assert rma[4:8] == str(POLICY.local_date(_moment(applied)).year)
    for tag, rma in db.execute(
        "SELECT l.tag_code, r.rma_number FROM return_lines l"
        " JOIN return_requests r ON r.id = l.return_id"
    ):
        assert tag.startswith(f"TAG-{rma[4:8]}{rma[9:]}-")
    for carrier, tracking, label in db.execute(
        "SELECT carrier, tracking_number, label_type FROM return_requests"
        " WHERE tracking_number IS NOT NULL"
    ):
        assert TRACKING[carrier].fullmatch(tracking), (carrier, tracking)
        if label == "prepaid":
            assert carrier in {"UPS", "DHL"}  # P4
    for column, table in (("order_number", "orders"), ("rma_number", "return_requests"),
                          ("tracking_number", "return_requests"), ("tag_code", "return_lines"),
                          ("uuid", "inspections"), ("customer_number", "customers"),
                          ("email", "customers")):
        values = [r[0] for r in db.execute(f"SELECT {column} FROM {table}") if r[0]]
        assert len(values) == len(set(values)), column
    for (uuid,) in db.execute("SELECT uuid FROM inspections"):
        assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                            uuid)


def test_payments_show_at_most_the_last_four_digits(db: sqlite3.Connection) -> None:
    for method, brand, last4 in db.execute(
        "SELECT payment_method, payment_brand, payment_last4 FROM orders"
    ):
        if method in ("paypal", "tt"):
            assert brand is None and last4 is None
        else:
            assert re.fullmatch(r"\d{4}", last4)
            assert brand in {"Visa", "American Express", "Discover", "Mastercard"}
    methods = {r[0] for r in db.execute("SELECT payment_method FROM orders")}
    assert methods == {"credit_card", "debit_card", "apple_pay", "paypal", "tt"}


def _luhn(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _looks_like_a_card(digits: str) -> bool:
    """13-19 digits of a card brand's range that pass the Luhn check."""
    if not 13 <= len(digits) <= 19 or not _luhn(digits):
        return False
    two, four = int(digits[:2]), int(digits[:4])
    return (digits[0] == "4" or 51 <= two <= 55 or 2221 <= four <= 2720 or two in (34, 37)
            or four == 6011 or two == 65 or 644 <= int(digits[:3]) <= 649)


_DIGIT_RUN = re.compile(r"(?<!\d)\d(?:[ -]?\d){11,}(?![ -]?\d)")
# Codes that are long digit runs by design, none of them a card: order and tracking
# numbers, phone digits (searchable), UUIDs.
_LONG_BY_DESIGN = {("return_requests", "tracking_number"), ("customers", "phone_digits"),
                   ("orders", "order_number"), ("inspections", "uuid")}


def test_no_text_anywhere_looks_like_a_card_number(db: sqlite3.Connection) -> None:
    """Privacy: the desk never stores a full payment number, in any text column."""
    codes = {r[0] for r in db.execute("SELECT order_number FROM orders")}
    codes |= {r[0] for r in db.execute(
        "SELECT tracking_number FROM return_requests WHERE tracking_number IS NOT NULL")}
    code_pattern = re.compile("|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True)))
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'return_search%' AND name != 'alembic_version'")]
    checked = 0
    for table in tables:
        columns = [c[1] for c in db.execute(f"PRAGMA table_info({table})")]
        for row in db.execute(f"SELECT * FROM {table}"):
            for column, value in zip(columns, row, strict=True):
                if not isinstance(value, str):
                    continue
                checked += 1
                if column == "uuid":
                    continue  # hex in dashed groups, made by the desk: never a card
                for run in _DIGIT_RUN.findall(value):
                    assert not _looks_like_a_card(re.sub(r"\D", "", run)), (table, column, run)
                if (table, column) not in _LONG_BY_DESIGN:
                    rest = code_pattern.sub("", value)
                    assert not re.search(r"\d{12}", rest), (table, column, value)
    assert checked > 10_000
