"""One engine per database file, with the pragmas that make a saved record survive a crash."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def durable_sqlite(dbapi_connection: Any, busy_timeout_ms: int, *extra: str) -> None:
    """The pragmas every SQLite file here is opened with, the desk's and the central
    server's: a committed write survives a crash (WAL, full sync), foreign keys hold, and a
    writer waits ``busy_timeout_ms`` for another's lock before it gives up."""
    cursor = dbapi_connection.cursor()
    try:
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                       f"busy_timeout={busy_timeout_ms}", *extra):
            cursor.execute(f"PRAGMA {pragma}")
    finally:
        cursor.close()


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    durable_sqlite(dbapi_connection, BUSY_TIMEOUT_MS, "temp_store=MEMORY",
                   "cache_size=-32768")


def _no_driver_transactions(dbapi_connection: Any, record: Any) -> None:
    # The driver would begin transactions only before it writes, so a unit of work could
    # read a row, let another writer change it, and then overwrite that change. SQLAlchemy
    # begins them instead (see _begin).
    _set_pragmas(dbapi_connection, record)
    dbapi_connection.isolation_level = None


def _begin(connection: Any) -> None:
    """A writing unit of work takes the write lock at once (BEGIN IMMEDIATE), so that what
    it read stays true until it commits; a reading one sees one consistent snapshot."""
    immediate = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


WRITE_OPTION = "livenon_write"
STORE_INFO = "livenon_store"


def make_engine(path: Path) -> Engine:
    """An engine on ``path`` whose every connection runs in WAL with full sync and FKs on."""
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "detect_types": 0},
    )
    event.listen(engine, "connect", _no_driver_transactions)
    event.listen(engine, "begin", _begin)
    return engine


class Store:
    """The desk's database: one file, one engine, short sessions per unit of work."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        # Where the key of the audit chain is kept (the system keyring, by default), and
        # the key itself once read: sessions carry the store so that an event can be keyed.
        self.audit_keys: Any = None
        self.audit_key: Any = None
        info = {STORE_INFO: self}
        # A session is of no use once its unit of work ends (close_resets_only=False): a
        # read after the ``with`` would raise, instead of taking a connection that goes
        # back to the pool only when the collector finds the session.
        self._sessions = sessionmaker(engine, expire_on_commit=False, info=info,
                                      close_resets_only=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False,
            info=info, close_resets_only=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one unit of work: committed on success, rolled back on error."""
        with self._write_sessions() as s:
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session that only reads; never commits."""
        with self._sessions() as s:
            yield s

    def dispose(self) -> None:
        self.engine.dispose()


def is_sqlite_file(path: Path) -> bool:
    """True if ``path`` starts with SQLite's header (an empty file counts as new)."""
    with path.open("rb") as f:
        header = f.read(16)
    return header in (b"", b"SQLite format 3\x00")
