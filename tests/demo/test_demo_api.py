"""generate_demo_data: what it reports, that it repeats itself, and what it refuses."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from livenon_desk.demo import generator, row_stream
from livenon_desk.demo.generator import DemoSummary, generate_demo_data
from livenon_desk.errors import KnownError
from livenon_desk.models import Customer, Inspection, Order, ReturnRequest
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store
from livenon_desk.store.search_index import rebuild_search_index, search_returns
from tests.demo.conftest import RETURNS, SEED, TODAY, dump, make_demo


def test_summary_matches_the_database(demo: tuple[Path, DemoSummary], store: Store) -> None:
    _, summary = demo
    with store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(ReturnRequest)) == summary.returns
        assert s.scalar(select(func.count()).select_from(Order)) == summary.orders
        assert s.scalar(select(func.count()).select_from(Customer)) == summary.customers
    assert summary.returns == RETURNS
    assert summary.customers == RETURNS // 3  # customers come back for more
    assert summary.seconds > 0


def test_same_seed_and_day_give_the_same_database(
    demo: tuple[Path, DemoSummary], tmp_path: Path
) -> None:
    again = tmp_path / "again.sqlite3"
    make_demo(again)
    assert dump(again) == dump(demo[0])


def test_another_seed_gives_other_data(demo: tuple[Path, DemoSummary], tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    make_demo(other, seed=SEED + 1)
    assert dump(other) != dump(demo[0])


def test_worker_process_makes_the_same_rows(
    demo: tuple[Path, DemoSummary], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator, "WORKER_FROM", 0)
    path = tmp_path / "worker.sqlite3"
    make_demo(path)
    assert dump(path) == dump(demo[0])


def test_progress_is_reported_after_every_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(row_stream, "CHUNK", 40)
    calls: list[tuple[int, int]] = []
    store = open_store(tmp_path / "progress.sqlite3")
    try:
        generate_demo_data(store, returns=100, seed=1, today=TODAY,
                           progress=lambda done, total: calls.append((done, total)))
    finally:
        store.dispose()
    assert calls == [(40, 100), (80, 100), (100, 100)]


def test_a_store_with_returns_is_refused(demo: tuple[Path, DemoSummary], store: Store) -> None:
    before = dump(demo[0])
    with pytest.raises(KnownError, match="already holds returns"):
        generate_demo_data(store, returns=5, seed=SEED, today=TODAY)
    assert dump(demo[0]) == before


def test_a_tiny_demo_still_has_every_country(tmp_path: Path) -> None:
    path = tmp_path / "tiny.sqlite3"
    summary = make_demo(path, returns=1)
    db = sqlite3.connect(path)
    try:
        countries = {r[0] for r in db.execute("SELECT country_code FROM addresses")}
        assert db.execute("SELECT count(*) FROM return_requests").fetchone() == (1,)
    finally:
        db.close()
    assert summary.customers == 4
    assert countries == {"US", "CN", "CA", "GB"}


def test_the_store_is_left_as_the_migrations_made_it(
    demo: tuple[Path, DemoSummary], tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    open_store(fresh).dispose()

    def schema(path: Path) -> list[tuple[str, str]]:
        db = sqlite3.connect(path)
        try:
            return db.execute(
                "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"
                " AND name NOT LIKE 'sqlite_stat%' ORDER BY name"
            ).fetchall()
        finally:
            db.close()

    assert schema(demo[0]) == schema(fresh)
    db = sqlite3.connect(demo[0])
    try:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()


def test_connections_after_loading_have_the_store_pragmas(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_moments_read_back_through_the_orm_as_aware_utc(store: Store) -> None:
    with store.read_session() as s:
        for ret in s.scalars(select(ReturnRequest).limit(50)):
            assert ret.applied_at.tzinfo is UTC
            assert ret.updated_at.tzinfo is UTC
        inspection = s.scalars(select(Inspection).where(Inspection.finished_at.is_not(None))
                               .limit(1)).one()
        assert inspection.finished_at is not None
        assert inspection.finished_at.tzinfo is UTC


def test_the_search_index_covers_every_return(store: Store) -> None:
    with store.read_session() as s:
        ret = s.scalars(select(ReturnRequest).order_by(ReturnRequest.id.desc()).limit(1)).one()
        order = s.get_one(Order, ret.order_id)
        customer = s.get_one(Customer, order.customer_id)
        assert ret.id in search_returns(s, customer.name)
        assert ret.id in search_returns(s, order.order_number)
    with store.engine.connect() as connection:
        count = connection.exec_driver_sql("SELECT count(*) FROM return_search").scalar()
    assert count == RETURNS


def test_the_search_index_is_written_as_a_rebuild_writes_it(
    demo: tuple[Path, DemoSummary], tmp_path: Path
) -> None:
    # The bulk load writes the index's rows with the returns'; they must be the very rows
    # the desk's own rebuild makes from the tables (Chinese spread, phones as dialled).
    copy = tmp_path / "copy.sqlite3"
    with sqlite3.connect(demo[0]) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    source.close()
    target.close()
    query = "SELECT rowid, * FROM return_search ORDER BY rowid"
    with sqlite3.connect(copy) as raw:
        loaded = raw.execute(query).fetchall()
    raw.close()
    copied = open_store(copy, create=False)
    try:
        with copied.engine.begin() as connection:
            rebuild_search_index(connection)
            rebuilt = connection.exec_driver_sql(query).all()
    finally:
        copied.dispose()
    assert len(loaded) == RETURNS
    assert [tuple(r) for r in rebuilt] == loaded
    assert any(" " in r[3] and not r[3].isascii() for r in loaded)  # a Chinese name, spread


def test_demo_records_are_at_the_servers_version(db: sqlite3.Connection) -> None:
    for table in ("return_requests", "inspections"):
        behind = f"SELECT count(*) FROM {table} WHERE server_version IS NOT version"
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
        assert db.execute(behind).fetchone()[0] == 0


def test_negative_counts_are_a_bug(store: Store) -> None:
    with pytest.raises(ValueError, match="negative"):
        generate_demo_data(store, returns=-1, seed=1, today=TODAY)


def test_a_failing_worker_process_is_reported() -> None:
    # Day one of the calendar has no business days before it: the worker fails at once.
    plan = row_stream.DemoPlan(returns=10, seed=1, today=date(1, 1, 1))
    with pytest.raises(RuntimeError, match="worker process failed"):
        list(row_stream.stream_chunks(plan, in_worker=True))
