"""Even a small demo shows every case the desk knows: statuses, reasons, edges of the rules."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from livenon_desk.domain.enums import Channel, LabelType, ReasonCode, ReturnStatus
from livenon_desk.domain.policy import default_policies

POLICY = default_policies().latest


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _values(db: sqlite3.Connection, sql: str) -> set[object]:
    return {row[0] for row in db.execute(sql)}


def test_every_status_and_reason(db: sqlite3.Connection) -> None:
    assert _values(db, "SELECT status FROM return_requests") == {s.value for s in ReturnStatus}
    assert _values(db, "SELECT reason_code FROM return_requests") == {r.value for r in ReasonCode}


def test_both_channels_and_label_types(db: sqlite3.Connection) -> None:
    assert _values(db, "SELECT channel FROM return_requests") == {c.value for c in Channel}
    labels = _values(db, "SELECT label_type FROM return_requests WHERE label_type IS NOT NULL")
    assert labels == {t.value for t in LabelType}


def test_cross_border_customers_and_the_returned_goods_mark(db: sqlite3.Connection) -> None:
    """T3: China, Canada and the UK; the mark present, missing and not yet checked."""
    rows = db.execute(
        "SELECT a.country_code, o.cross_border, r.returned_goods_marked, r.received_at"
        " FROM return_requests r JOIN orders o ON o.id = r.order_id"
        " JOIN addresses a ON a.id = o.shipping_address_id"
    ).fetchall()
    assert {r[0] for r in rows if r[1]} == {"CN", "CA", "GB"}
    assert all(bool(r[1]) == (r[0] != "US") for r in rows)
    received_abroad = [r[2] for r in rows if r[1] and r[3] is not None]
    assert {1, 0, None} <= set(received_abroad)
    assert all(r[2] is None for r in rows if not r[1] or r[3] is None)
    chinese = db.execute(
        "SELECT c.name, c.language, a.city FROM customers c JOIN addresses a"
        " ON a.customer_id = c.id WHERE a.country_code = 'CN' LIMIT 1"
    ).fetchone()
    assert chinese["language"] == "zh"
    assert chinese["city"].endswith("市")


def test_customized_and_clearance_lines(db: sqlite3.Connection) -> None:
    customized = db.execute(
        "SELECT customization FROM order_lines WHERE customized"
    ).fetchall()
    assert customized
    assert all(r[0] and (r[0].startswith("engraving: ") or r[0].startswith("custom "))
               for r in customized)
    assert db.execute(
        "SELECT count(*) FROM order_lines WHERE NOT customized AND customization IS NOT NULL"
    ).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM order_lines WHERE clearance").fetchone()[0] > 0


def test_missing_sign_off_and_both_sides_of_e2(db: sqlite3.Connection) -> None:
    """E2: day 30 is still in, day 31 is out; a missing sign-off is there too."""
    assert db.execute("SELECT count(*) FROM orders WHERE delivered_at IS NULL").fetchone()[0]
    days = set()
    for applied, delivered in db.execute(
        "SELECT r.applied_at, o.delivered_at FROM return_requests r"
        " JOIN orders o ON o.id = r.order_id WHERE o.delivered_at IS NOT NULL"
    ):
        days.add((POLICY.local_date(_moment(applied)) - POLICY.local_date(_moment(delivered))).days)
    assert {30, 31} <= days
    assert min(days) >= 1


def test_multi_carton_parcels_partly_received(db: sqlite3.Connection) -> None:
    partial = db.execute(
        "SELECT r.id, sum(l.cartons_received), sum(l.cartons_expected),"
        " max(l.cartons_expected) FROM return_requests r"
        " JOIN return_lines l ON l.return_id = r.id WHERE r.status = 'partially_received'"
        " GROUP BY r.id"
    ).fetchall()
    assert partial
    for _id, received, expected, biggest in partial:
        assert 0 < received < expected
        assert biggest > 1
    assert db.execute(
        "SELECT count(*) FROM return_lines WHERE cartons_received > cartons_expected"
    ).fetchone()[0] == 0
    assert set(_values(db, "SELECT cartons FROM order_lines")) <= {1, 2, 3, 4}
    assert 4 in _values(db, "SELECT cartons FROM order_lines")


def test_restricted_returns_say_why(db: sqlite3.Connection) -> None:
    restricted = db.execute(
        "SELECT restricted_reason FROM return_requests WHERE restricted"
    ).fetchall()
    assert len(restricted) >= 2
    assert all(r[0] for r in restricted)
    assert db.execute(
        "SELECT count(*) FROM return_requests WHERE NOT restricted"
        " AND restricted_reason IS NOT NULL"
    ).fetchone()[0] == 0


def test_supervisor_overrides(db: sqlite3.Connection) -> None:
    overrides = db.execute(
        "SELECT decision, override_decision, override_reason, override_by, override_at,"
        " finished_at FROM inspections WHERE override_decision IS NOT NULL"
    ).fetchall()
    assert overrides
    for decision, override, reason, by, at, finished in overrides:
        assert override != decision
        assert reason
        assert by in {"akim", "rpatel"}
        assert at >= finished


def test_communications_kept_as_evidence(db: sqlite3.Connection) -> None:
    """T4 and P1: e-mail applications in the customer's format; P2: instructions sent."""
    emailed = db.execute(
        "SELECT r.id, r.applied_at, o.order_number FROM return_requests r"
        " JOIN orders o ON o.id = r.order_id WHERE r.channel = 'email'"
    ).fetchall()
    assert emailed
    for return_id, applied_at, order_number in emailed:
        mail = db.execute(
            "SELECT subject, body, occurred_at FROM communications WHERE return_id = ?"
            " AND direction = 'inbound' AND channel = 'email' ORDER BY id LIMIT 1",
            (return_id,),
        ).fetchone()
        assert mail["subject"] == f"【Return Application + {order_number}】"
        assert mail["occurred_at"] == applied_at
        fields = [line.split(":", 1)[0] for line in mail["body"].splitlines()]
        assert fields == ["Order Number", "Product Name", "Return Reason", "Contact Info"]
        assert mail["body"].startswith(f"Order Number: {order_number}\n")
    sent = db.execute(
        "SELECT id, instructions_sent_at FROM return_requests"
        " WHERE instructions_sent_at IS NOT NULL"
    ).fetchall()
    for return_id, sent_at in sent:
        assert db.execute(
            "SELECT count(*) FROM communications WHERE return_id = ? AND direction = 'outbound'"
            " AND occurred_at = ?", (return_id, sent_at),
        ).fetchone()[0] == 1
    per_return = db.execute(
        "SELECT count(*) * 1.0 / (SELECT count(*) FROM return_requests) FROM communications"
    ).fetchone()[0]
    assert per_return > 1.2
