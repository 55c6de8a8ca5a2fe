"""The central database's schema, migrated with Alembic (livenon_desk/central/migrations),
so that an upgrade of the server can change it.

Every server process migrates at start-up, and several may start at once: the upgrade runs
in one transaction that first takes a lock (an advisory lock on PostgreSQL, the write lock
on SQLite), so one of them migrates and the others find the schema at head. A database
made before migrations (by ``create_all``) is adopted: marked as the first revision, then
upgraded.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from livenon_desk.central import migrations
from livenon_desk.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

    from livenon_desk.central.database import CentralDatabase

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(migrations.__file__).resolve().parent
# The newest revision; a test checks it against the scripts, so that a start on an
# up-to-date database needs no scan of them.
HEAD_REVISION = "0007"
BASELINE_REVISION = "0001"
# Any constant shared by all processes of this application: pg_advisory_xact_lock's key.
_MIGRATION_LOCK = 0x4C564E43  # "LVNC"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def script_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def stored_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if value is None else str(value)


def upgrade_schema(db: CentralDatabase) -> None:
    """Bring the database to the newest revision (a new, empty one included)."""
    with db.read() as c:
        if stored_revision(c) == HEAD_REVISION:
            return
    with db.write() as c:
        if c.dialect.name == "postgresql":
            c.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        _upgrade_locked(c)


def _upgrade_locked(c: Connection) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    current = stored_revision(c)
    if current == HEAD_REVISION:
        return  # another process did it while we waited for the lock
    config = alembic_config(c)
    known = {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseError("error.central-schema-newer", current=current)
    if current is None and inspect(c).has_table("customers"):
        log.info("adopting a central database made before migrations as revision %s",
                 BASELINE_REVISION)
        command.stamp(config, BASELINE_REVISION)
        current = BASELINE_REVISION
    log.info("migrating the central database from %s to %s", current, HEAD_REVISION)
    command.upgrade(config, "head")
