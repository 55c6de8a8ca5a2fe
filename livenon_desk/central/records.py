"""Versioned entities: read one, write one with compare-and-set, tombstone, restrict."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Executable, bindparam, insert, select, update

from livenon_desk.central.database import next_seq
from livenon_desk.central.problems import ProblemError
from livenon_desk.central.tables import entity_table


@dataclass(frozen=True)
class Entity:
    kind: str
    key: str
    version: int
    seq: int
    deleted: bool
    data: dict[str, Any] | None

    def document(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.key, "version": self.version, "seq": self.seq,
                "deleted": self.deleted, "data": self.data}

    @property
    def etag(self) -> str:
        return f'"{self.version}"'


def utc_now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def entity_from_row(kind: str, row: Any) -> Entity:
    """``row`` has the columns key, version, seq, deleted and data."""
    return Entity(kind, str(row.key), int(row.version), int(row.seq), bool(row.deleted),
                  row.data)


# Statements are built once: a batch runs them thousands of times, and building and
# hashing a fresh statement costs more than SQLite takes to run it.
@cache
def _select_one(kind: str) -> Executable:
    t = entity_table(kind)
    return select(t.c.key, t.c.version, t.c.seq, t.c.deleted, t.c.data).where(
        t.c.key == bindparam("b_key"))


@cache
def _insert(kind: str) -> Executable:
    return insert(entity_table(kind))


@cache
def _update(kind: str) -> Executable:
    t = entity_table(kind)
    return update(t).where(t.c.key == bindparam("b_key"), t.c.version == bindparam("b_seen"))


# A batch keeps the entities it read and wrote here (Connection.info), so that ten thousand
# items do not read the same return ten thousand times.
CACHE = "livenon_entities"
_PREFETCH_CHUNK = 500


def get(connection: Connection, kind: str, key: str) -> Entity | None:
    cache: dict[tuple[str, str], Entity | None] | None = connection.info.get(CACHE)
    if cache is not None and (kind, key) in cache:
        return cache[(kind, key)]
    row = connection.execute(_select_one(kind), {"b_key": key}).first()
    entity = None if row is None else entity_from_row(kind, row)
    if cache is not None:
        cache[(kind, key)] = entity
    return entity


# A batch gathers its new entities and inserts them together (one executemany per kind).
PENDING = "livenon_pending_inserts"
PENDING_KEYS = "livenon_pending_keys"


def gather_inserts(connection: Connection) -> None:
    connection.info[PENDING] = {}
    connection.info[PENDING_KEYS] = set()


def flush_inserts(connection: Connection) -> None:
    pending: dict[str, list[dict[str, Any]]] | None = connection.info.get(PENDING)
    if not pending:
        return
    for kind, rows in pending.items():
        if rows:
            connection.execute(_insert(kind), rows)
    pending.clear()
    connection.info[PENDING_KEYS].clear()


def prefetch(connection: Connection, kind: str, keys: set[str]) -> None:
    """Read these entities in a few queries into the batch's cache (absent ones as None)."""
    cache: dict[tuple[str, str], Entity | None] = connection.info.setdefault(CACHE, {})
    wanted = sorted(k for k in keys if (kind, k) not in cache)
    t = entity_table(kind)
    for start in range(0, len(wanted), _PREFETCH_CHUNK):
        chunk = wanted[start:start + _PREFETCH_CHUNK]
        for key in chunk:
            cache[(kind, key)] = None
        rows = connection.execute(select(t.c.key, t.c.version, t.c.seq, t.c.deleted, t.c.data)
                                  .where(t.c.key.in_(chunk)))
        for row in rows:
            cache[(kind, str(row.key))] = entity_from_row(kind, row)


def get_live(connection: Connection, kind: str, key: str, what: str) -> Entity:
    """The entity, or 404 if it does not exist or was deleted."""
    entity = get(connection, kind, key)
    if entity is None or entity.deleted:
        raise ProblemError(404, "not-found", f"No such {what}", f"There is no {what} {key}.")
    return entity


def stale(current: Entity | None, if_match: int | None) -> ProblemError:
    seen = "nothing" if if_match is None else f"version {if_match}"
    now = "does not exist" if current is None else f"is at version {current.version}"
    return ProblemError(
        412, "stale-version", "Changed on the server",
        f"You sent a change to {seen}, but the record {now}; fetch it and decide again.",
        extra={"current": None if current is None else current.document()},
    )


def check_version(current: Entity, if_match: int | None) -> None:
    if if_match is None:
        raise ProblemError(428, "if-match-required", "If-Match required",
                           "This record exists: send If-Match with the version you saw.")
    if if_match != current.version:
        raise stale(current, if_match)


def write(
    connection: Connection,
    kind: str,
    key: str,
    data: dict[str, Any] | None,
    *,
    expected: Entity | None,
    columns: dict[str, Any] | None = None,
    deleted: bool = False,
    warehouse_id: str | None = None,
) -> Entity:
    """Insert (``expected`` None) or replace the version ``expected`` holds; a concurrent
    writer that got there first makes this a 412, never a lost update. ``warehouse_id``
    is the warehouse whose desk sent the change (None: the server's own)."""
    seq = next_seq(connection)
    values = {"data": data, "seq": seq, "deleted": deleted, "changed_at": utc_now_text(),
              "warehouse_id": warehouse_id, **(columns or {})}
    cache: dict[tuple[str, str], Entity | None] | None = connection.info.get(CACHE)
    pending: dict[str, list[dict[str, Any]]] | None = connection.info.get(PENDING)
    if expected is None:
        row = {"key": key, "version": 1, **values}
        if pending is not None:
            pending.setdefault(kind, []).append(row)
            connection.info[PENDING_KEYS].add((kind, key))
        else:
            connection.execute(_insert(kind), row)
        entity = Entity(kind, key, 1, seq, deleted, data)
    else:
        if (kind, key) in connection.info.get(PENDING_KEYS, ()):
            flush_inserts(connection)
        version = expected.version + 1
        done = connection.execute(
            _update(kind),
            {"b_key": key, "b_seen": expected.version, "version": version, **values}).rowcount
        if done != 1:
            if cache is not None:
                cache.pop((kind, key), None)
            raise stale(get(connection, kind, key), expected.version)
        entity = Entity(kind, key, version, seq, deleted, data)
    if cache is not None:
        cache[(kind, key)] = entity
    return entity


def tombstone(connection: Connection, kind: str, key: str) -> Entity:
    """Delete an entity, keeping its key and a new seq so that every desk learns of it."""
    current = get_live(connection, kind, key, kind)
    return write(connection, kind, key, None, expected=current, deleted=True)


def set_restricted(connection: Connection, rma: str, reason: str | None) -> Entity:
    """Restrict (``reason`` given) or release a return's processing (privacy rule)."""
    current = get_live(connection, "return", rma, "return")
    data = dict(current.data or {})
    data["restricted"] = reason is not None
    data["restricted_reason"] = reason
    return write(connection, "return", rma, data, expected=current,
                 columns={"restricted": reason is not None})


def refuse_if_restricted(entity: Entity) -> None:
    if entity.data and entity.data.get("restricted"):
        raise ProblemError(423, "restricted", "Processing restricted",
                           f"Return {entity.key} is restricted: it is read-only.")
