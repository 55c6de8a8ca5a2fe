"""On PostgreSQL a read sees one snapshot: a change committed while a pull reads its four
tables is in none of them or (for a later pull) in all of them, never in half."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Table, func, select

from livenon_desk.central import records, tables
from livenon_desk.central.database import CentralDatabase


@pytest.fixture
def db(postgres_url: str) -> Iterator[CentralDatabase]:
    database = CentralDatabase(postgres_url)
    database.create_schema()
    try:
        yield database
    finally:
        database.dispose()


def _count(c: Connection, table: Table) -> int:
    return int(c.execute(select(func.count()).select_from(table)).scalar_one())


def test_a_read_does_not_see_commits_made_after_its_first_statement(
        db: CentralDatabase) -> None:
    with db.read() as c:
        assert _count(c, tables.customers) == 0
        with db.write() as w:
            records.write(w, "customer", "C-1", {"name": "Ada"}, expected=None)
            records.write(w, "return", "RMA-1", {"status": "applied"}, expected=None,
                          columns={"restricted": False})
        assert _count(c, tables.returns) == 0
    with db.read() as c:
        assert (_count(c, tables.customers), _count(c, tables.returns)) == (1, 1)


def test_a_connection_writes_again_after_it_was_used_to_read(db: CentralDatabase) -> None:
    for n in range(8):  # more than the pool holds: every pooled connection read before
        with db.read() as c:
            _count(c, tables.customers)
        with db.write() as w:
            records.write(w, "customer", f"C-{n}", {"name": "Ada"}, expected=None)
    with db.read() as c:
        assert _count(c, tables.customers) == 8
