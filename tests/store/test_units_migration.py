"""The units' migration (0010) goes down to 0009 and up again, keeping the returns."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect

from livenon_desk.store import opening
from livenon_desk.store.opening import current_revision, open_store
from tests.builders import add_return

UNIT_TABLES = {"units", "unit_moves", "weight_checks"}


def test_units_moves_and_weight_checks_go_down_to_0009_and_up_again(tmp_path: Path) -> None:
    store = open_store(tmp_path / "desk.sqlite3")
    built = add_return(store)

    def tables() -> set[str]:
        with store.engine.connect() as c:
            return set(inspect(c).get_table_names())

    def weight_column() -> bool:
        with store.engine.connect() as c:
            return "piece_weight_g" in {col["name"] for col in
                                        inspect(c).get_columns("order_lines")}

    assert tables() >= UNIT_TABLES
    assert weight_column()
    config = opening._alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")
    assert current_revision(store) == "0009"
    assert not UNIT_TABLES & tables()
    assert not weight_column()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert current_revision(store) == opening.HEAD_REVISION
    assert tables() >= UNIT_TABLES
    with store.engine.connect() as c:
        assert c.exec_driver_sql("SELECT rma_number FROM return_requests").scalar() == (
            built.rma_number)
    store.dispose()


def test_work_orders_rtv_shipments_and_lots_go_down_to_0011_and_up_again(tmp_path: Path) -> None:
    store = open_store(tmp_path / "desk.sqlite3")
    later = {"work_orders", "rtv_shipments", "rtv_lines", "lots", "lot_units"}

    def tables() -> set[str]:
        with store.engine.connect() as c:
            return set(inspect(c).get_table_names())

    assert tables() >= later
    config = opening._alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
    assert not later & tables()
    assert tables() >= UNIT_TABLES
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert current_revision(store) == opening.HEAD_REVISION
    assert tables() >= later
    store.dispose()
