"""Full-text search over customers' names, emails, phones and the products returned."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from livenon_desk.store.text_terms import digits_only, fts_query, spread_cjk

# One row per return; products are the English and Chinese names of its lines.
_SOURCE = """
SELECT r.id, r.rma_number, o.order_number, c.name, coalesce(c.email, ''),
       coalesce(c.phone_digits, ''),
       (SELECT group_concat(ol.product_name_en || ' ' || coalesce(ol.product_name_zh, '')
                            || ' ' || ol.sku, ' ')
          FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id
         WHERE rl.return_id = r.id)
  FROM return_requests r
  JOIN orders o ON o.id = r.order_id
  JOIN customers c ON c.id = o.customer_id
"""
_INSERT = (
    "INSERT INTO return_search(rowid, rma, order_number, customer_name, email, phone_digits,"
    " products) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_CHUNK = 20_000


def customer_terms(name: object, email: object, phone_digits: object) -> tuple[str, object, str]:
    """A customer's indexed name, email and phones (one row of them per return)."""
    digits = str(phone_digits or "")
    # The number as dialled at home too, without the country code (+1, +86, +44).
    phones = " ".join(dict.fromkeys(d for d in (digits, digits[-10:], digits[-11:]) if d))
    return spread_cjk(str(name)), email, phones


def products_terms(lines: Iterable[tuple[str, str | None, str]]) -> str:
    """The indexed products of a return's lines ``(name_en, name_zh, sku)``, in line order,
    joined as ``_SOURCE`` joins them."""
    return spread_cjk(" ".join(f"{en} {zh or ''} {sku}" for en, zh, sku in lines))


def _indexable(row: Sequence[object]) -> tuple[object, ...]:
    rid, rma, order_number, name, email, phone, products = row
    return (rid, rma, order_number, *customer_terms(name, email, phone),
            spread_cjk(str(products or "")))


def rebuild_search_index(connection: Connection) -> None:
    """Index every return anew. (The demo's bulk load writes the index's rows as it
    writes the returns, from ``customer_terms`` and ``products_terms``.)"""
    connection.exec_driver_sql("DELETE FROM return_search")
    result = connection.exec_driver_sql(_SOURCE + " ORDER BY r.id")
    while rows := result.fetchmany(_CHUNK):
        connection.exec_driver_sql(_INSERT, [_indexable(r) for r in rows])


def index_returns(connection: Connection, return_ids: Sequence[int]) -> None:
    """Re-index these returns (after they or their customer changed)."""
    if not return_ids:
        return
    ids = list(dict.fromkeys(return_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        connection.exec_driver_sql(f"DELETE FROM return_search WHERE rowid IN ({marks})",
                                   tuple(chunk))
        rows = connection.exec_driver_sql(_SOURCE + f" WHERE r.id IN ({marks})",
                                          tuple(chunk)).all()
        if rows:
            connection.exec_driver_sql(_INSERT, [_indexable(r) for r in rows])


def search_returns(session: Session, query: str, limit: int = 50) -> list[int]:
    """Return ids whose name, email, phone, product, RMA or order number match ``query``
    as typed so far; the newest returns first.
    """
    expression = fts_query(query)
    digits = digits_only(query)
    if digits and len(digits) >= 3 and len(digits) >= len(query.replace(" ", "")) // 2:
        # A phone typed with dashes or spaces: match its digits as one prefix.
        expression = f'{{phone_digits}} : "{digits}"*' + (f" OR ({expression})"
                                                          if expression else "")
    if not expression:
        return []
    rows = session.execute(
        # Newest first: FTS5 walks its index in rowid order and stops at the limit, where
        # ranking would score every match (a two-letter prefix matches a million rows).
        text("SELECT rowid FROM return_search WHERE return_search MATCH :q "
             "ORDER BY rowid DESC LIMIT :limit"),
        {"q": expression, "limit": limit},
    )
    return [int(r[0]) for r in rows]
