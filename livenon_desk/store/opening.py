"""Opening the database file: refuse what is not ours, back up, then migrate to head."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from livenon_desk.catalogue import Message
from livenon_desk.errors import DatabaseError
from livenon_desk.private_files import USER_ONLY, create_private
from livenon_desk.store import migrations
from livenon_desk.store.database import Store, is_sqlite_file, make_engine

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(migrations.__file__).resolve().parent


# The newest migration; a test checks it against the scripts. Kept as a constant so that
# opening an up-to-date file (every start) needs neither Alembic nor a scan of the scripts.
HEAD_REVISION = "0015"


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_head() -> str | None:
    """The head revision as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    """Every revision of this desk's migration scripts: a database at another is newer."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def _stored_revision(connection: Connection, tables: set[str]) -> str | None:
    if "alembic_version" not in tables:
        return None
    value = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return str(value) if value is not None else None


def _not_ours(path: Path, why: Message) -> DatabaseError:
    return DatabaseError("error.not-a-desk-database", path=path, why=why)


def open_store(path: Path, *, create: bool = True) -> Store:
    """Open ``path`` migrated to the newest schema; a missing file is created if ``create``.

    A file that holds data and is behind is first copied with SQLite's backup API.
    """
    path = path.expanduser()
    if not path.exists():
        if not create:
            raise DatabaseError("error.no-database", path=path)
        # The file holds customers' personal data: the user's only, from its first byte
        # (SQLite gives its -wal and -shm files the same mode).
        create_private(path)
    elif path.is_dir() or not is_sqlite_file(path):
        raise _not_ours(path, Message.of("database.not-sqlite"))
    else:
        _make_private(path)
    store = Store(path, make_engine(path))
    try:
        _check_and_migrate(store)
    except SQLAlchemyDatabaseError as exc:
        store.dispose()
        log.warning("cannot open %s: %s", path, exc)
        raise DatabaseError("error.database-unreadable", path=path) from exc
    except BaseException:
        store.dispose()
        raise
    return store


def _make_private(path: Path) -> None:
    """A database file others could read (made by an older desk) becomes the user's only."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            mode = file.stat().st_mode & 0o777
            if mode & 0o077:
                file.chmod(USER_ONLY)
                log.info("%s was readable by others (mode %o); now the user's only", file,
                         mode)
        except FileNotFoundError:
            continue
        except OSError as exc:  # not the owner: leave it, but say so
            log.warning("%s is readable by others and cannot be changed: %s", file, exc)


def _check_and_migrate(store: Store) -> None:
    with store.engine.connect() as connection:
        # Reading the schema catches a damaged header or catalogue at once; a full
        # integrity check would read every page (seconds on a large file) at each start.
        connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        tables = set(inspect(connection).get_table_names())
        current = _stored_revision(connection, tables)
    if current == HEAD_REVISION:
        return
    if tables and current is None:
        raise _not_ours(store.path, Message.of("database.other-tables"))
    from alembic import command

    if current is not None and current not in known_revisions():
        raise _not_ours(store.path, Message.of("database.newer-schema", revision=current))
    if current is not None:
        backup_database(store, f"before-{HEAD_REVISION}")
    log.info("migrating %s from %s to %s", store.path, current, HEAD_REVISION)
    with store.engine.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def backup_database(store: Store, label: str) -> Path:
    """A consistent copy of the live file next to it, made with SQLite's backup API."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = store.path.with_name(f"{store.path.stem}.{label}-{stamp}{store.path.suffix}")
    source = sqlite3.connect(store.path)
    try:
        create_private(target)  # a copy of the customers' data: the user's only
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    log.info("backed up %s to %s", store.path, target)
    return target


def check_integrity(store: Store) -> None:
    """Read every page of the file (slow on a large one: for a maintenance command)."""
    try:
        with store.engine.connect() as connection:
            result = connection.exec_driver_sql("PRAGMA quick_check").scalar()
    except SQLAlchemyDatabaseError as exc:
        log.warning("integrity check of %s: %s", store.path, exc)
        result = str(exc)
    if result != "ok":
        raise DatabaseError("error.database-damaged", path=store.path)


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as connection:
        return _stored_revision(connection, set(inspect(connection).get_table_names()))
