from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, StatementError

from livenon_desk.domain.enums import PaymentMethod, ReturnStatus
from livenon_desk.models import Base, Customer, Order
from livenon_desk.store.database import Store, make_engine

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "m.sqlite3"
    s = Store(path, make_engine(path))
    Base.metadata.create_all(s.engine)
    yield s
    s.dispose()


def _order(customer_id: int, **kw: object) -> Order:
    values: dict[str, object] = {
        "order_number": "LVN2026110100001",
        "customer_id": customer_id,
        "placed_at": NOW,
        "currency": "USD",
        "payment_method": PaymentMethod.CREDIT_CARD,
        "subtotal_cents": 100,
        "total_cents": 100,
        "updated_at": NOW,
    }
    values.update(kw)
    return Order(**values)


def _customer(store: Store) -> int:
    with store.session() as s:
        c = Customer(customer_number="C1", name="Ann", updated_at=NOW)
        s.add(c)
        s.flush()
        return c.id


@pytest.mark.parametrize("bad", ["4111111111111111", "42a2", "123", "12345"])
def test_only_last_four_digits_can_be_stored(store: Store, bad: str) -> None:
    customer_id = _customer(store)
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(_order(customer_id, payment_last4=bad))


def test_last_four_digits_are_stored(store: Store) -> None:
    customer_id = _customer(store)
    with store.session() as s:
        s.add(_order(customer_id, payment_last4="0042"))
    with store.read_session() as s:
        assert s.scalar(text("SELECT payment_last4 FROM orders")) == "0042"


def test_times_round_trip_as_aware_utc(store: Store) -> None:
    customer_id = _customer(store)
    shanghai = timezone(timedelta(hours=8))
    with store.session() as s:
        s.add(_order(customer_id, delivered_at=datetime(2026, 11, 2, 8, 0, tzinfo=shanghai)))
    with store.read_session() as s:
        order = s.query(Order).one()
    assert order.delivered_at == datetime(2026, 11, 2, 0, 0, tzinfo=UTC)
    assert order.delivered_at is not None and order.delivered_at.tzinfo is UTC


def test_naive_times_are_refused(store: Store) -> None:
    customer_id = _customer(store)
    with pytest.raises(StatementError, match="naive datetime"), store.session() as s:
        s.add(_order(customer_id, placed_at=datetime(2026, 11, 2, 8, 0)))


def test_enums_are_stored_by_value(store: Store) -> None:
    customer_id = _customer(store)
    with store.session() as s:
        s.add(_order(customer_id, payment_method=PaymentMethod.APPLE_PAY))
    with store.read_session() as s:
        assert s.scalar(text("SELECT payment_method FROM orders")) == "apple_pay"
    assert ReturnStatus("refund_approved") is ReturnStatus.REFUND_APPROVED
