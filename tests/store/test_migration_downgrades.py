"""Every migration of the desk's file goes back down as well as up, on a real SQLite file:
one step at a time from head to base with a return in it, then up to head again, to the
very schema a new file gets."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, func, inspect, select

from livenon_desk.models import ReturnRequest
from livenon_desk.store.database import Store
from livenon_desk.store.opening import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    current_revision,
    open_store,
)
from tests.builders import add_return


def _migrate(store: Store, how: str, target: str) -> None:
    with store.engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        getattr(command, how)(config, target)


def _schema(store: Store) -> dict[str, str]:
    """Every table, index, trigger and view as SQLite keeps its statement."""
    with store.engine.connect() as c:
        rows = c.exec_driver_sql(
            "SELECT type || ' ' || name, sql FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%'").all()
    return {str(name): " ".join(str(sql).split()) for name, sql in rows}


def _returns(c: Connection) -> int:
    return int(c.scalar(select(func.count()).select_from(ReturnRequest.__table__)) or 0)


def test_each_migration_goes_down_and_up_again(tmp_path: Path) -> None:
    fresh = open_store(tmp_path / "fresh.sqlite3")
    expected = _schema(fresh)
    fresh.dispose()
    store = open_store(tmp_path / "desk.sqlite3")
    add_return(store)
    revisions = [r.revision for r in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()]
    assert revisions[0] == HEAD_REVISION and revisions[-1] == "0001"

    for below in revisions[1:]:
        _migrate(store, "downgrade", below)
        assert current_revision(store) == below
        with store.engine.connect() as c:
            assert _returns(c) == 1, f"the return was lost going down to {below}"
    _migrate(store, "downgrade", "base")
    with store.engine.connect() as c:
        assert set(inspect(c).get_table_names()) == {"alembic_version"}
    assert current_revision(store) is None

    _migrate(store, "upgrade", "head")

    assert current_revision(store) == HEAD_REVISION
    assert _schema(store) == expected
    add_return(store)  # and the desk writes into it as into a new file
    with store.engine.connect() as c:
        assert _returns(c) == 1
    store.dispose()


def test_going_up_one_step_at_a_time_keeps_the_data(tmp_path: Path) -> None:
    store = open_store(tmp_path / "desk.sqlite3")
    add_return(store)
    _migrate(store, "downgrade", "0001")
    revisions = [r.revision for r in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()]

    for above in reversed(revisions[:-1]):
        _migrate(store, "upgrade", above)
        assert current_revision(store) == above
        with store.engine.connect() as c:
            assert _returns(c) == 1, f"the return was lost going up to {above}"
    store.dispose()
