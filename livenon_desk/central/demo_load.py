"""``--demo``: the central server filled from the desk's own demo data generator.

The generator writes a desk database; this module makes one in a temporary folder with
the same seed and day as a desk's ``--demo``, and copies its customers, orders, returns
and inspections into the central tables as documents, with the desk's versions. A desk
demo made with the same seed on the same day therefore holds the very records the server
holds, at the versions it holds them: a desk's If-Match works against it from the start.
"""

from __future__ import annotations

import enum
import logging
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import Connection, insert, select, update

from livenon_desk.central import tables
from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.passwords import set_user
from livenon_desk.central.records import utc_now_text
from livenon_desk.demo.generator import generate_demo_data
from livenon_desk.demo.users import DEMO_USERS
from livenon_desk.errors import KnownError
from livenon_desk.models import (
    Address,
    Customer,
    Inspection,
    Order,
    OrderLine,
    ReturnLine,
    ReturnRequest,
)
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store

log = logging.getLogger(__name__)

# The demo's users and their passwords (README: "A central server"). Demo only.


@dataclass(frozen=True)
class LoadedCounts:
    customers: int
    orders: int
    returns: int
    inspections: int


def load_demo(
    db: CentralDatabase, *, returns: int, seed: int, today: date | None,
    hasher: PasswordHasher,
) -> LoadedCounts:
    """Fill the empty central database with demo data and the demo users."""
    with tempfile.TemporaryDirectory(prefix="livenon-central-demo-") as folder:
        store = open_store(Path(folder) / "desk-demo.sqlite3")
        try:
            generate_demo_data(store, returns=returns, seed=seed, today=today)
            counts = load_desk_database(store, db)
        finally:
            store.dispose()
    with db.write() as c:
        for username, password, role in DEMO_USERS:
            set_user(c, username, password, role, hasher)
    log.info("central demo: %s", counts)
    return counts


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _doc(row: Mapping[Any, Any], drop: Iterable[str] = ()) -> dict[str, Any]:
    skip = {"id", "version", "server_version", "updated_at", *drop}
    return {k: _plain(v) for k, v in row.items() if k not in skip}


def load_desk_database(store: Store, db: CentralDatabase) -> LoadedCounts:
    """Copy a desk database's customers, orders, returns and inspections into ``db``."""
    with db.read() as c:
        for t in tables.ENTITY_TABLES.values():
            if c.execute(select(t.c.key).limit(1)).first() is not None:
                raise KnownError("error.central-demo-not-empty", table=t.name)
    with store.engine.connect() as desk, db.write() as central:
        seq = _Seq()
        customers = _customers(desk, central, seq)
        orders = _orders(desk, central, seq, customers)
        returns = _returns(desk, central, seq)
        inspections = _inspections(desk, central, seq)
        central.execute(update(tables.counters).where(tables.counters.c.name == "seq")
                        .values(value=seq.value))
    return LoadedCounts(len(customers), orders, returns, inspections)


class _Seq:
    def __init__(self) -> None:
        self.value = 0

    def take(self) -> int:
        self.value += 1
        return self.value


def _put(central: Connection, table: Any, rows: list[dict[str, Any]]) -> int:
    for start in range(0, len(rows), 5000):
        central.execute(insert(table), rows[start:start + 5000])
    return len(rows)


def _entity(seq: _Seq, key: str, version: int, data: dict[str, Any],
            **columns: Any) -> dict[str, Any]:
    return {"key": key, "version": version, "seq": seq.take(), "deleted": False,
            "data": data, "changed_at": utc_now_text(), **columns}


def _customers(desk: Connection, central: Connection, seq: _Seq) -> dict[int, str]:
    numbers: dict[int, str] = {}
    rows = []
    for row in desk.execute(select(Customer.__table__).order_by(Customer.id)).mappings():
        numbers[row["id"]] = row["customer_number"]
        rows.append(_entity(seq, row["customer_number"], row["version"],
                            _doc(row, drop=("phone_digits",))))
    _put(central, tables.customers, rows)
    return numbers


def _orders(desk: Connection, central: Connection, seq: _Seq,
            customers: dict[int, str]) -> int:
    addresses = {row["id"]: _doc(row, drop=("customer_id",)) for row in
                 desk.execute(select(Address.__table__)).mappings()}
    lines: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in desk.execute(select(OrderLine.__table__)
                            .order_by(OrderLine.order_id, OrderLine.line_no)).mappings():
        lines[row["order_id"]].append(_doc(row, drop=("order_id",)))
    rows = []
    for row in desk.execute(select(Order.__table__).order_by(Order.id)).mappings():
        data = _doc(row, drop=("customer_id", "billing_address_id", "shipping_address_id"))
        customer = customers[row["customer_id"]]
        data["customer_number"] = customer
        data["billing_address"] = addresses.get(row["billing_address_id"])
        data["shipping_address"] = addresses.get(row["shipping_address_id"])
        data["lines"] = lines[row["id"]]
        rows.append(_entity(seq, row["order_number"], row["version"], data,
                            customer_number=customer))
    return _put(central, tables.orders, rows)


def _returns(desk: Connection, central: Connection, seq: _Seq) -> int:
    order_numbers = {row.id: row.order_number for row in
                     desk.execute(select(Order.id, Order.order_number))}
    lines: dict[int, list[dict[str, Any]]] = defaultdict(list)
    query = (
        select(ReturnLine.return_id, ReturnLine.tag_code, ReturnLine.quantity,
               ReturnLine.cartons_expected, ReturnLine.cartons_received,
               OrderLine.line_no.label("order_line_no"), OrderLine.sku)
        .join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
        .order_by(ReturnLine.id)
    )
    for row in desk.execute(query).mappings():
        lines[row["return_id"]].append(_doc(row, drop=("return_id",)))
    rows = []
    for row in desk.execute(select(ReturnRequest.__table__)
                            .order_by(ReturnRequest.id)).mappings():
        data = _doc(row, drop=("order_id",))
        order_number = order_numbers[row["order_id"]]
        data["order_number"] = order_number
        data["lines"] = lines[row["id"]]
        rows.append(_entity(seq, row["rma_number"], row["version"], data,
                            order_number=order_number, restricted=bool(row["restricted"]),
                            receipt_weight_grams=row["receipt_weight_grams"]))
    return _put(central, tables.returns, rows)


def _inspections(desk: Connection, central: Connection, seq: _Seq) -> int:
    query = (
        select(Inspection.__table__, ReturnLine.tag_code, ReturnRequest.rma_number)
        .join(ReturnLine, ReturnLine.id == Inspection.return_line_id)
        .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
        .order_by(Inspection.id)
    )
    rows = []
    for row in desk.execute(query).mappings():
        data = _doc(row, drop=("uuid", "return_line_id"))
        data["photos"] = []
        rows.append(_entity(seq, row["uuid"], row["version"], data,
                            rma_number=row["rma_number"]))
    return _put(central, tables.inspections, rows)
