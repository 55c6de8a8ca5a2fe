from __future__ import annotations

import re
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from livenon_desk.demo.generator import generate_demo_data
from livenon_desk.domain.enums import ReasonCode, ReturnStatus
from livenon_desk.errors import KnownError
from livenon_desk.store.opening import open_store

TODAY = date(2026, 11, 25)
TABLES = ("customers", "addresses", "orders", "order_lines", "return_requests", "return_lines",
          "inspections", "communications")


def _make(path: Path, returns: int = 400, seed: int = 11) -> None:
    store = open_store(path)
    try:
        generate_demo_data(store, returns=returns, seed=seed, today=TODAY)
    finally:
        store.dispose()


def _dump(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as raw:
        rows = [(t, *r) for t in TABLES for r in raw.execute(f"SELECT * FROM {t} ORDER BY id")]
    raw.close()
    return rows


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    _make(path)
    return sqlite3.connect(path)


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    _make(tmp_path / "a.sqlite3", 120, seed=3)
    _make(tmp_path / "b.sqlite3", 120, seed=3)
    _make(tmp_path / "c.sqlite3", 120, seed=4)
    assert _dump(tmp_path / "a.sqlite3") == _dump(tmp_path / "b.sqlite3")
    assert _dump(tmp_path / "a.sqlite3") != _dump(tmp_path / "c.sqlite3")


def test_every_status_and_reason_is_there(demo: sqlite3.Connection) -> None:
    statuses = {r[0] for r in demo.execute("SELECT DISTINCT status FROM return_requests")}
    reasons = {r[0] for r in demo.execute("SELECT DISTINCT reason_code FROM return_requests")}
    assert statuses == {s.value for s in ReturnStatus}
    assert reasons == {r.value for r in ReasonCode}


def test_counts_and_summary(tmp_path: Path) -> None:
    store = open_store(tmp_path / "d.sqlite3")
    calls: list[tuple[int, int]] = []
    summary = generate_demo_data(store, returns=50, seed=1, today=TODAY,
                                 progress=lambda done, total: calls.append((done, total)))
    with store.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM return_requests").scalar() == 50
        assert c.exec_driver_sql("SELECT count(*) FROM customers").scalar() == summary.customers
        assert c.exec_driver_sql("SELECT count(*) FROM return_search").scalar() == 50
    assert (summary.returns, summary.orders) == (50, 50)
    assert calls[-1] == (50, 50)
    with pytest.raises(KnownError, match="already holds returns"):
        generate_demo_data(store, returns=5, seed=1, today=TODAY)
    store.dispose()


def test_the_story_is_consistent(demo: sqlite3.Connection) -> None:
    q = demo.execute
    assert q("SELECT count(*) FROM return_requests WHERE reason_category != CASE WHEN "
             "reason_code IN ('defective','damaged_in_transit','wrong_item','not_as_described')"
             " THEN 'quality' ELSE 'personal' END").fetchone() == (0,)
    assert q("SELECT count(*) FROM return_requests WHERE status IN ('received','inspecting',"
             "'inspected','refund_approved','refund_rejected','partially_received') "
             "AND received_at IS NULL").fetchone() == (0,)
    assert q("SELECT count(*) FROM return_lines WHERE cartons_received > cartons_expected"
             ).fetchone() == (0,)
    assert q("SELECT count(*) FROM return_requests r WHERE status = 'partially_received' AND "
             "NOT EXISTS (SELECT 1 FROM return_lines l WHERE l.return_id = r.id AND "
             "l.cartons_received < l.cartons_expected)").fetchone() == (0,)
    assert q("SELECT count(*) FROM return_requests r JOIN return_lines l ON l.return_id = r.id"
             " JOIN inspections i ON i.return_line_id = l.id WHERE r.status = 'refund_approved'"
             " AND coalesce(i.override_decision, i.decision) != 'eligible'").fetchone() == (0,)
    assert q("SELECT count(*) FROM return_requests r JOIN return_lines l ON l.return_id = r.id"
             " JOIN inspections i ON i.return_line_id = l.id WHERE r.status = 'refund_rejected'"
             " AND i.decision = 'eligible'").fetchone() == (0,)
    la = ZoneInfo("America/Los_Angeles")
    for number, placed in q("SELECT order_number, placed_at FROM orders"):
        local = datetime.fromisoformat(placed).replace(tzinfo=UTC).astimezone(la)
        assert number[3:11] == local.strftime("%Y%m%d")
    assert q("SELECT count(*) FROM orders WHERE order_number NOT LIKE 'LVN%'").fetchone() == (0,)


def test_only_last_four_digits_anywhere(demo: sqlite3.Connection) -> None:
    last4 = [r[0] for r in demo.execute("SELECT payment_last4 FROM orders")]
    assert all(v is None or re.fullmatch(r"\d{4}", v) for v in last4)
    for table, column in (("communications", "body"), ("return_requests", "reason_text"),
                          ("inspections", "notes"), ("customers", "name"),
                          ("customers", "phone")):
        for (value,) in demo.execute(f"SELECT {column} FROM {table}"):
            assert not _card_numbers(value or ""), (table, value)


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _card_numbers(value: str) -> list[str]:
    """Runs of 13-19 digits (spaces or dashes allowed) that pass the Luhn check and do not
    belong to a code such as an order number."""
    runs = re.findall(r"(?<![\w+-])(?:\d[ -]?){12,18}\d(?![\w])", value)
    return [r for r in runs if _luhn(re.sub(r"\D", "", r))]


def test_the_card_check_finds_a_card() -> None:
    assert _card_numbers("paid with 4111 1111 1111 1111 yesterday") == ["4111 1111 1111 1111"]
    assert _card_numbers("order LVN2026100800001") == []


def test_edges_the_queue_needs(demo: sqlite3.Connection) -> None:
    q = demo.execute
    assert q("SELECT count(*) FROM orders WHERE delivered_at IS NULL").fetchone()[0] > 0
    assert q("SELECT count(*) FROM order_lines WHERE customized = 1 AND customization IS NOT "
             "NULL").fetchone()[0] > 0
    assert q("SELECT count(*) FROM order_lines WHERE clearance = 1").fetchone()[0] > 0
    assert q("SELECT count(*) FROM orders WHERE cross_border = 1").fetchone()[0] > 0
    assert q("SELECT count(*) FROM return_requests WHERE restricted = 1 AND restricted_reason"
             " IS NOT NULL").fetchone()[0] > 0
    assert q("SELECT count(*) FROM inspections WHERE override_decision IS NOT NULL AND "
             "override_reason IS NOT NULL").fetchone()[0] > 0
    assert q("SELECT count(*) FROM communications WHERE subject LIKE '【Return Application + "
             "LVN%】'").fetchone()[0] > 0
    assert q("SELECT count(DISTINCT rma_number) = count(*) FROM return_requests").fetchone() == (1,)
    assert q("SELECT count(DISTINCT tag_code) = count(*) FROM return_lines").fetchone() == (1,)
    assert q("SELECT count(*) FROM customers WHERE language = 'zh'").fetchone()[0] > 0
