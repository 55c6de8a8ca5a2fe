"""Bulk inserts into an empty store: executemany of plain tuples, in chunks.

Measured (60,000 return rows): SQLAlchemy Core's ``connection.execute(table.insert(),
dicts)`` with aware datetimes took 2.0 s, the driver's ``executemany`` of tuples with
moments preformatted as SQLAlchemy stores them (naive UTC text, read back aware by
``UTCDateTime``) 0.65 s; this module does the latter. While loading, the secondary
indexes whose keys arrive in random order are dropped and then rebuilt from their own
``CREATE INDEX`` text (one sort per index beats a million random B-tree inserts),
foreign-key checks are off (the rows are consistent by construction, which the tests
check), the journal is kept in memory and nothing waits for the disk. The triggers that
keep the inspection tallies are dropped too and the tallies counted in one pass at the
end, instead of an upsert for every inspection loaded. The loading
connection is discarded afterwards, so every connection the store hands out has the
store's own pragmas (WAL, full sync, foreign keys) again.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Any

from sqlalchemy import Engine

from livenon_desk.store import inspection_tallies

log = logging.getLogger(__name__)

COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": ("id", "customer_number", "name", "email", "phone", "phone_digits",
                  "language", "anonymized", "version", "updated_at"),
    "addresses": ("id", "customer_id", "recipient", "line1", "line2", "city", "region",
                  "postal_code", "country_code", "phone"),
    "orders": ("id", "order_number", "customer_id", "placed_at", "delivered_at", "currency",
               "payment_method", "payment_brand", "payment_last4", "billing_address_id",
               "shipping_address_id", "cross_border", "subtotal_cents", "tax_cents",
               "shipping_cents", "total_cents", "version", "updated_at"),
    "order_lines": ("id", "order_id", "line_no", "sku", "product_name_en", "product_name_zh",
                    "quantity", "unit_price_cents", "cartons", "customized", "customization",
                    "clearance", "piece_weight_g"),
    "return_requests": ("id", "rma_number", "order_id", "status", "reason_code",
                        "reason_category", "reason_text", "channel", "applied_at",
                        "instructions_sent_at", "label_type", "label_cost_cents", "carrier",
                        "tracking_number", "returned_goods_marked", "received_at",
                        "parcel_condition", "closed_at", "restricted", "restricted_reason",
                        "version", "server_version", "updated_at"),
    "return_lines": ("id", "return_id", "order_line_id", "quantity", "tag_code",
                     "cartons_expected", "cartons_received"),
    "inspections": ("id", "uuid", "return_line_id", "inspector", "started_at", "finished_at",
                    "checklist", "notes", "decision", "rule_results", "policy_version",
                    "disposition", "override_decision", "override_reason", "override_by",
                    "override_at", "version", "server_version", "updated_at"),
    "communications": ("id", "return_id", "order_id", "channel", "direction", "occurred_at",
                       "subject", "body"),
    "return_search": ("rowid", "rma", "order_number", "customer_name", "email", "phone_digits",
                      "products"),
}
_SQL = {
    table: f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    for table, cols in COLUMNS.items()
}
_CACHE_KIB = 256 * 1024
_JOURNAL_MODES = frozenset({"wal", "delete", "truncate", "persist", "memory", "off"})
# Indexes whose keys grow with the rows as they are loaded (a child's parent id) cost
# only an append per row: they stay. The others are dropped and rebuilt.
_APPENDED = frozenset({
    ("addresses", "customer_id"), ("order_lines", "order_id"), ("return_requests", "order_id"),
    ("return_lines", "return_id"), ("return_lines", "order_line_id"),
    ("inspections", "return_line_id"), ("communications", "return_id"),
    ("communications", "order_id"),
})


class BulkLoader:
    """A connection of ``engine`` set up for loading; ``with`` it, then it is discarded."""

    def __init__(self, engine: Engine, *, drop_indexes: bool = True) -> None:
        # Closes the pool's idle connections: the journal mode changes only when this
        # connection is the file's only one.
        engine.dispose()
        self._proxy = engine.raw_connection()
        raw: Any = self._proxy.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        # The store begins transactions itself; this connection lets the driver do it.
        raw.isolation_level = "DEFERRED"
        self.db = raw
        self._drop_indexes = drop_indexes
        self._indexes: list[tuple[str, str]] = []
        self._triggers: list[tuple[str, str]] = []
        self._journal = "wal"

    def __enter__(self) -> BulkLoader:
        db = self.db
        db.commit()
        db.execute("PRAGMA foreign_keys=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute(f"PRAGMA cache_size=-{_CACHE_KIB}")
        db.execute("PRAGMA threads=2")
        # A rollback journal in memory instead of the WAL: every page is written once, not
        # twice. A crash while loading can spoil the file, but the file is a new demo
        # database that held nothing (the generator refuses any other).
        mode = str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        self._journal = mode if mode in _JOURNAL_MODES else "wal"
        db.execute("PRAGMA journal_mode=MEMORY")
        if self._drop_indexes:
            marks = ", ".join("?" * len(COLUMNS))
            indexes = db.execute(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"
                f" AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY name",
                tuple(COLUMNS),
            ).fetchall()
            for name, table, sql in indexes:
                first = db.execute(f'PRAGMA index_info("{name}")').fetchone()
                if (table, first[2] if first else None) not in _APPENDED:
                    self._indexes.append((name, sql))
            for name, _sql in self._indexes:
                db.execute(f'DROP INDEX "{name}"')
        self._triggers = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
            (inspection_tallies.TRIGGER_PREFIX + "%",)).fetchall()
        for name, _sql in self._triggers:
            db.execute(f'DROP TRIGGER "{name}"')
        db.commit()
        return self

    def insert(self, table: str, rows: Iterable[Sequence[object]]) -> None:
        self.db.executemany(_SQL[table], rows)

    def commit(self) -> None:
        self.db.commit()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            if error is not None:
                self.db.rollback()
            # Put the indexes and triggers back even after a failure: the schema is not
            # ours to lose.
            for _name, sql in self._indexes:
                self.db.execute(sql)
            if self._triggers:
                inspection_tallies.recount(self.db)
            for _name, sql in self._triggers:
                self.db.execute(sql)
            self.db.commit()
            self.db.execute(f"PRAGMA journal_mode={self._journal}")
        finally:
            # The pool makes a fresh connection, with the store's pragmas, next time.
            self._proxy.invalidate()
