"""A central server on SQLite keeps a committed write through a crash, as the desk does."""

from __future__ import annotations

from pathlib import Path

from livenon_desk.central.database import BUSY_TIMEOUT_MS, CentralDatabase


def test_the_central_sqlite_file_is_opened_durable(tmp_path: Path) -> None:
    database = CentralDatabase(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    database.create_schema()
    try:
        with database.read() as c:
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
    finally:
        database.engine.dispose()
