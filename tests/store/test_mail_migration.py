"""The incoming mails' migration goes down and up again, keeping the rest of the data."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect

from livenon_desk.store import opening
from livenon_desk.store.database import Store
from livenon_desk.store.opening import current_revision, open_store
from tests.builders import add_return


def _migrate(store: Store, target: str, *, down: bool) -> None:
    config = opening._alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, target)


def _tables(store: Store) -> set[str]:
    with store.engine.connect() as c:
        return set(inspect(c).get_table_names())


def test_the_migrations_have_one_head() -> None:
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(opening._alembic_config()).get_heads() == [
        opening.HEAD_REVISION]


def test_the_incoming_mails_go_down_to_0007_and_up_again(tmp_path: Path) -> None:
    store = open_store(tmp_path / "desk.sqlite3")
    built = add_return(store)
    assert {"incoming_mails", "incoming_mail_photos"} <= _tables(store)
    _migrate(store, "0007", down=True)
    assert current_revision(store) == "0007"
    assert not {"incoming_mails", "incoming_mail_photos"} & _tables(store)
    _migrate(store, "head", down=False)
    assert current_revision(store) == opening.HEAD_REVISION
    assert {"incoming_mails", "incoming_mail_photos"} <= _tables(store)
    with store.engine.connect() as c:
        assert c.exec_driver_sql("SELECT rma_number FROM return_requests").scalar() == (
            built.rma_number)
    store.dispose()


def test_a_persons_choices_for_an_application_go_down_to_0008_and_up_again(
        tmp_path: Path) -> None:
    store = open_store(tmp_path / "desk.sqlite3")

    def columns() -> set[str]:
        with store.engine.connect() as c:
            return {col["name"] for col in inspect(c).get_columns("incoming_mails")}

    assert {"chosen_reason_code", "chosen_line_no"} <= columns()
    _migrate(store, "0008", down=True)
    assert current_revision(store) == "0008"
    assert not {"chosen_reason_code", "chosen_line_no"} & columns()
    _migrate(store, "head", down=False)
    assert current_revision(store) == opening.HEAD_REVISION
    assert {"chosen_reason_code", "chosen_line_no"} <= columns()
    store.dispose()


def test_the_answers_table_goes_down_to_0010_and_up_again(tmp_path: Path) -> None:
    store = open_store(tmp_path / "desk.sqlite3")
    assert "outgoing_mails" in _tables(store)
    _migrate(store, "0010", down=True)
    assert current_revision(store) == "0010"
    assert "outgoing_mails" not in _tables(store)
    _migrate(store, "head", down=False)
    assert current_revision(store) == opening.HEAD_REVISION
    assert "outgoing_mails" in _tables(store)
    store.dispose()
