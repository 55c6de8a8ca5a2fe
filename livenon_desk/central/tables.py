"""The central server's own tables (not the desk's): entities as versioned documents.

Every entity table has the same spine: its natural key, a ``version`` that If-Match is
checked against, the server ``seq`` of its last change (the pull orders by it), a
``deleted`` flag (a tombstone keeps its key and seq so that desks learn of the deletion)
and the document itself as JSON. A few columns are copied out of the document to be
queried. Writes that only append (audit events, refund decisions) have tables of their own.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _entity_table(name: str, *extra: Column[object]) -> Table:
    return Table(
        name,
        metadata,
        Column("key", String(64), primary_key=True),
        Column("version", Integer, nullable=False),
        Column("seq", BigInteger, nullable=False, unique=True),
        Column("deleted", Boolean, nullable=False, default=False),
        Column("data", JSON, nullable=True),
        Column("changed_at", String(32), nullable=False),
        # The warehouse whose desk made the last change (see WAREHOUSE_COLUMN).
        Column("warehouse_id", String(40), nullable=True),
        *extra,
    )


customers = _entity_table("customers")
orders = _entity_table("orders", Column("customer_number", String(32), index=True))
returns = _entity_table(
    "returns",
    Column("order_number", String(32), index=True),
    Column("restricted", Boolean, nullable=False, default=False),
    # The parcel's weight at receipt as its desk weighed it (grams), to be queried.
    Column("receipt_weight_grams", Integer, nullable=True),
)
inspections = _entity_table("inspections", Column("rma_number", String(32), index=True))

# The pull's kinds, in the order a desk must apply them (a return needs its order).
ENTITY_TABLES: dict[str, Table] = {
    "customer": customers,
    "order": orders,
    "return": returns,
    "inspection": inspections,
}

# Issue 17: each station's units (one received carton, keyed by its LPN) as versioned
# documents, and their moves, append-only. Desks send them; the pull does not bring them
# back (a unit is its station's), so they are not among the pull's kinds.
units = _entity_table("units", Column("rma_number", String(32), index=True))
# A station's work orders, RTV shipments and lots, keyed by the uuid the desk made.
work_orders = _entity_table("work_orders")
rtv_shipments = _entity_table("rtv_shipments")
lots = _entity_table("lots")
STATION_TABLES: dict[str, Table] = {"unit": units, "work_order": work_orders,
                                    "rtv_shipment": rtv_shipments, "lot": lots}

unit_moves = Table(
    "unit_moves",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("unit_code", String(64), nullable=False, index=True),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("received_by", String(64), nullable=False),
    Column("received_at", String(32), nullable=False),
    Column("data", JSON, nullable=False),
    Column("warehouse_id", String(40), nullable=True),
)


# Which warehouse wrote a change, as its request's Warehouse-Id header said: on every
# entity (its last change) and every append-only record (audit events included, so the
# server's audit trail names the warehouse of each change). "" is a station that names no
# warehouse; NULL a desk of a release that did not say, or the server itself.
WAREHOUSE_COLUMN = "warehouse_id"


def entity_table(kind: str) -> Table:
    """The table of a versioned kind: one the pull brings, or a station's own."""
    table = ENTITY_TABLES.get(kind)
    return table if table is not None else STATION_TABLES[kind]


# One row per counter; ``seq`` is taken by UPDATE ... RETURNING, whose row lock also makes
# transactions commit in seq order on PostgreSQL, so a pull never skips a change.
counters = Table(
    "counters",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("received_by", String(64), nullable=False),
    Column("received_at", String(32), nullable=False),
    Column("data", JSON, nullable=False),
    Column("warehouse_id", String(40), nullable=True),
)

refund_decisions = Table(
    "refund_decisions",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("rma_number", String(32), nullable=False, index=True),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("received_by", String(64), nullable=False),
    Column("received_at", String(32), nullable=False),
    Column("data", JSON, nullable=False),
    Column("warehouse_id", String(40), nullable=True),
)

# The answers desks sent to email applications (P2), one per application (keyed by the
# application's SHA-256): what was sent, when and by whom; the message's hash (T4).
mail_answers = Table(
    "mail_answers",
    metadata,
    Column("application_sha256", String(64), primary_key=True),
    Column("rma_number", String(32), nullable=True, index=True),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("received_by", String(64), nullable=False),
    Column("received_at", String(32), nullable=False),
    Column("data", JSON, nullable=False),
    Column("warehouse_id", String(40), nullable=True),
)

photos = Table(
    "photos",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("media_type", String(100), nullable=False),
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("uploaded_by", String(64), nullable=False),
    Column("uploaded_at", String(32), nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("role", String(16), nullable=False),
    # argon2 ($argon2id$...); pbkdf2_sha256$iterations$salt_hex$hash_hex until its user
    # next signs in on a server set up before argon2
    Column("password_hash", String(200), nullable=False),
)

# Only the SHA-256 of a token is kept: a copied database hands out no sessions.
tokens = Table(
    "tokens",
    metadata,
    Column("token_sha256", String(64), primary_key=True),
    Column("username", String(64), nullable=False, index=True),
    Column("expires_at", Integer, nullable=False),
)

# One row per (user, Idempotency-Key): the request's fingerprint and, once done, the
# response that is sent again to a retry. ``state`` is "in_flight" or "done".
idempotency = Table(
    "idempotency",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("state", String(16), nullable=False),
    Column("claimed_at", Integer, nullable=False),
    Column("status", Integer, nullable=True),
    Column("response", JSON, nullable=True),
    Column("etag", String(40), nullable=True),
)

# Wrong passwords in a row per user, and until when the user is locked out (Unix seconds).
# Kept in the database, not in a process, so every server process sees the same count.
sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("locked_until", BigInteger, nullable=True),
)

# Each desk's newest audit event as the server received it: the anchor that
# ``livenon-desk audit verify`` compares the desk's own chain with, so that an edited
# (and re-hashed) or truncated trail on the desk is found.
audit_anchors = Table(
    "audit_anchors",
    metadata,
    Column("desk_id", String(36), primary_key=True),
    Column("event_id", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("events", BigInteger, nullable=False),
    Column("sent_by", String(64), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

# A token bucket per client (rate_limit.DatabaseBuckets): on PostgreSQL every server process
# draws from the same bucket. ``at`` is Unix time, which all processes share.
rate_buckets = Table(
    "rate_buckets",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("tokens", Float, nullable=False),
    Column("at", Float, nullable=False),
)
