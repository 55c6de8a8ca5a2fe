"""The central server's engine: SQLite by default, PostgreSQL by URL; short transactions.

On SQLite every write transaction starts with ``BEGIN IMMEDIATE``: the writer takes the
lock before it reads what it will change, so two writers never both read version 3 and
both write version 4, and no reader is upgraded half-way (which SQLite may refuse). On
PostgreSQL the compare-and-set UPDATEs and the row lock on the seq counter do the same.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, create_engine, event, update
from sqlalchemy.engine import make_url

from livenon_desk.central import tables
from livenon_desk.errors import KnownError
from livenon_desk.store.database import durable_sqlite

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
_WRITE = "central_write"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is off; ``_sqlite_begin`` says BEGIN itself.
    dbapi_connection.isolation_level = None
    durable_sqlite(dbapi_connection, BUSY_TIMEOUT_MS)


def _sqlite_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _json_text(value: Any) -> str:
    return orjson.dumps(value).decode()


def database_url(value: str) -> str:
    """A SQLAlchemy URL from ``value``: a URL as it is, a plain path as an SQLite file."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


class CentralDatabase:
    """One engine; ``write()`` and ``read()`` hand out a connection inside one transaction."""

    def __init__(self, url: str) -> None:
        self.url = database_url(url)
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        try:
            if self.is_sqlite:
                self.engine: Engine = create_engine(
                    self.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000,
                                            "check_same_thread": False},
                    json_serializer=_json_text, json_deserializer=orjson.loads,
                )
                event.listen(self.engine, "connect", _sqlite_connect)
                event.listen(self.engine, "begin", _sqlite_begin)
            else:
                self.engine = create_engine(self.url, pool_pre_ping=True,
                                            json_serializer=_json_text,
                                            json_deserializer=orjson.loads)
        except ModuleNotFoundError as exc:
            raise KnownError(
                "error.database-driver-missing",
                drivername=parsed.drivername,
                module=exc.name,
            ) from exc

    def create_schema(self) -> None:
        """Make the tables, or migrate them to the newest revision (Alembic)."""
        from livenon_desk.central.schema import upgrade_schema

        upgrade_schema(self)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            connection.execution_options(**{_WRITE: True})
            with connection.begin():
                yield connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction whose statements all see one snapshot of the database:
        on PostgreSQL REPEATABLE READ (under READ COMMITTED each statement would see the
        commits made since the one before), on SQLite the WAL read transaction."""
        with self.engine.connect() as connection:
            if not self.is_sqlite:
                connection.execution_options(isolation_level="REPEATABLE READ",
                                             postgresql_readonly=True)
            with connection.begin():
                yield connection

    def dispose(self) -> None:
        self.engine.dispose()


_NEXT_SEQ = (
    update(tables.counters)
    .where(tables.counters.c.name == "seq")
    .values(value=tables.counters.c.value + 1)
    .returning(tables.counters.c.value)
)


SEQ_BLOCK = "livenon_seq_block"


def reserve_seqs(connection: Connection, count: int) -> None:
    """Take ``count`` sequence numbers at once for a batch (an unused one leaves a gap,
    which a pull does not mind: it reads in order, not by counting)."""
    last = int(connection.execute(
        update(tables.counters).where(tables.counters.c.name == "seq")
        .values(value=tables.counters.c.value + count)
        .returning(tables.counters.c.value)).scalar_one())
    connection.info[SEQ_BLOCK] = [last - count + 1, last]


def return_unused_seqs(connection: Connection) -> None:
    """Give back the end of the batch's block that no write took. The caller's write
    transaction still holds the counter, so no one else can have taken a number since."""
    block: list[int] | None = connection.info.pop(SEQ_BLOCK, None)
    if block is None or block[0] > block[1]:
        return
    connection.execute(update(tables.counters).where(tables.counters.c.name == "seq")
                       .values(value=block[0] - 1))


def next_seq(connection: Connection) -> int:
    """The next server sequence number, taken inside the caller's write transaction."""
    block: list[int] | None = connection.info.get(SEQ_BLOCK)
    if block is not None and block[0] <= block[1]:
        block[0] += 1
        return block[0] - 1
    return int(connection.execute(_NEXT_SEQ).scalar_one())
