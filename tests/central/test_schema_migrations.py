"""The central schema is made and changed by Alembic migrations, on SQLite and PostgreSQL:
a new database, one made before migrations existed, and one from a newer server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, inspect, select, text

from livenon_desk.central import tables
from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.schema import (
    BASELINE_REVISION,
    HEAD_REVISION,
    script_head,
    stored_revision,
)
from livenon_desk.errors import DatabaseError

# What ``create_all`` made before the schema was migrated.
BEFORE_MIGRATIONS = ("customers", "orders", "returns", "inspections", "counters",
                     "audit_events", "refund_decisions", "photos", "users", "tokens",
                     "idempotency")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "central.sqlite3")
    value: str = request.getfixturevalue("postgres_url")
    return value


@pytest.fixture
def db(url: str) -> Iterator[CentralDatabase]:
    database = CentralDatabase(url)
    try:
        yield database
    finally:
        database.dispose()


def test_the_head_constant_is_the_newest_script() -> None:
    assert script_head() == HEAD_REVISION


def test_a_new_database_is_migrated_to_exactly_the_tables_the_server_uses(
        db: CentralDatabase) -> None:
    db.create_schema()
    with db.read() as c:
        assert stored_revision(c) == HEAD_REVISION
        differences = compare_metadata(MigrationContext.configure(c), tables.metadata)
        seq = c.execute(select(tables.counters.c.value)).scalar_one()
    assert differences == []
    assert seq == 0
    db.create_schema()  # a second start finds it at head and changes nothing


def test_a_database_made_before_migrations_is_adopted_with_its_data(
        db: CentralDatabase) -> None:
    released = MetaData()
    for name in BEFORE_MIGRATIONS:
        tables.metadata.tables[name].to_metadata(released)
    released.create_all(db.engine)
    with db.write() as c:
        c.execute(tables.counters.insert().values(name="seq", value=7))
        c.execute(tables.users.insert().values(username="ada", role="admin",
                                               password_hash="x"))
    db.create_schema()
    with db.read() as c:
        assert stored_revision(c) == HEAD_REVISION
        assert {"sign_in_failures", "audit_anchors", "rate_buckets"} <= set(
            inspect(c).get_table_names())
        assert c.execute(select(tables.users.c.username)).scalars().all() == ["ada"]
        assert c.execute(select(tables.counters.c.value)).scalar_one() == 7


def test_a_database_from_a_newer_server_is_refused(db: CentralDatabase) -> None:
    db.create_schema()
    with db.write() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseError, match="9999"):
        db.create_schema()


def test_the_schema_goes_down_to_base_and_up_to_head_again(db: CentralDatabase) -> None:
    from alembic import command

    from livenon_desk.central.schema import alembic_config

    db.create_schema()
    with db.write() as c:
        c.execute(tables.users.insert().values(username="ada", role="admin",
                                               password_hash="x"))
        command.downgrade(alembic_config(c), BASELINE_REVISION)
    with db.read() as c:
        assert stored_revision(c) == BASELINE_REVISION
        assert not {"sign_in_failures", "audit_anchors", "rate_buckets"} & set(
            inspect(c).get_table_names())
        assert c.execute(select(tables.users.c.username)).scalars().all() == ["ada"]
    with db.write() as c:
        command.downgrade(alembic_config(c), "base")
    with db.read() as c:
        assert stored_revision(c) is None
        assert set(inspect(c).get_table_names()) <= {"alembic_version"}

    db.create_schema()

    with db.read() as c:
        assert stored_revision(c) == HEAD_REVISION
        assert compare_metadata(MigrationContext.configure(c), tables.metadata) == []
        assert c.execute(select(tables.counters.c.value)).scalar_one() == 0
