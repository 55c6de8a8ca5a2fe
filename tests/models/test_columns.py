from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from livenon_desk.domain.enums import ConflictResolution, OutboxState, PaymentMethod, ReturnStatus
from livenon_desk.models import Base, Customer, Order, OutboxRow, SyncConflict
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



def test_outbox_and_conflict_states_are_enums_stored_as_the_same_words(store: Store) -> None:
    with store.session() as s:
        # A row as a desk from before the enums wrote it: plain words in the column.
        s.execute(text(
            "INSERT INTO outbox (kind, entity_key, idempotency_key, body, created_at, "
            "updated_at, attempts, state) VALUES ('receipt', 'RMA-1', 'k-1', '{}', "
            "'2026-11-25 12:00:00', '2026-11-25 12:00:00', 0, 'failed')"))
        row = s.scalars(select(OutboxRow)).one()
        assert row.state is OutboxState.FAILED
        row.state = OutboxState.SUPERSEDED
        s.add(SyncConflict(outbox_id=row.id, kind="receipt", entity_key="RMA-1",
                           detected_at=NOW, resolution=ConflictResolution.THEIRS))
    with store.read_session() as s:
        assert s.execute(text("SELECT state FROM outbox")).scalar_one() == "superseded"
        assert s.execute(text("SELECT resolution FROM sync_conflicts")).scalar_one() == "theirs"
        assert s.scalars(select(OutboxRow)).one().state is OutboxState.SUPERSEDED
    with pytest.raises(StatementError, match="lost"), store.session() as s:
        s.add(OutboxRow(kind="receipt", entity_key="RMA-2", idempotency_key="k-2", body={},
                        created_at=NOW, updated_at=NOW, state="lost"))
