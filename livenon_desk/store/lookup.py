"""Scan to record: a scanned code found by a few unique-index lookups."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from livenon_desk.domain.enums import CodeKind
from livenon_desk.domain.units import split_unit_code
from livenon_desk.models import Order, ReturnLine, ReturnRequest

_SCANNER_NOISE = str.maketrans("", "", "\r\n\t\x00\x02\x03\x1d\x1e\x04")


def normalize_code(raw: str) -> str:
    """A code as stored: no surrounding whitespace or scanner control characters, upper case."""
    return raw.translate(_SCANNER_NOISE).strip().upper()


def find_by_code(session: Session, raw: str) -> list[tuple[int, CodeKind]]:
    """Returns whose RMA, order, tracking or item-tag code is exactly ``raw``, or a line's
    tag code with a carton number (a unit's LPN); RMA first."""
    code = normalize_code(raw)
    if not code:
        return []
    queries: list[tuple[CodeKind, Select[Any]]] = [
        (CodeKind.RMA, select(ReturnRequest.id).where(ReturnRequest.rma_number == code)),
        (CodeKind.TAG, select(ReturnLine.return_id).where(ReturnLine.tag_code == code)),
        (
            CodeKind.ORDER,
            select(ReturnRequest.id)
            .join(Order, Order.id == ReturnRequest.order_id)
            .where(Order.order_number == code)
            .order_by(ReturnRequest.id),
        ),
        (
            CodeKind.TRACKING,
            select(ReturnRequest.id)
            .where(ReturnRequest.tracking_number == code)
            .order_by(ReturnRequest.id),
        ),
    ]
    unit = split_unit_code(code)
    if unit is not None:
        # A carton's licence plate (LPN) finds its line's return, received or not.
        queries.insert(2, (CodeKind.TAG, select(ReturnLine.return_id)
                           .where(ReturnLine.tag_code == unit[0])))
    found: dict[int, CodeKind] = {}
    for kind, query in queries:
        for return_id in session.scalars(query):
            found.setdefault(return_id, kind)
    return list(found.items())


def _next_prefix(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def find_by_prefix(session: Session, raw: str, limit: int = 50) -> list[tuple[int, CodeKind]]:
    """Returns whose RMA, order or tracking number starts with ``raw`` (index range scans)."""
    prefix = normalize_code(raw)
    if len(prefix) < 3:
        return []
    upper = _next_prefix(prefix)
    queries: list[tuple[CodeKind, Select[Any]]] = [
        (
            CodeKind.RMA,
            select(ReturnRequest.id)
            .where(ReturnRequest.rma_number >= prefix, ReturnRequest.rma_number < upper)
            .order_by(ReturnRequest.rma_number)
            .limit(limit),
        ),
        (
            CodeKind.ORDER,
            select(ReturnRequest.id)
            .join(Order, Order.id == ReturnRequest.order_id)
            .where(Order.order_number >= prefix, Order.order_number < upper)
            .order_by(Order.order_number)
            .limit(limit),
        ),
        (
            CodeKind.TRACKING,
            select(ReturnRequest.id)
            .where(ReturnRequest.tracking_number >= prefix, ReturnRequest.tracking_number < upper)
            .order_by(ReturnRequest.tracking_number)
            .limit(limit),
        ),
    ]
    found: dict[int, CodeKind] = {}
    for kind, query in queries:
        for return_id in session.scalars(query):
            found.setdefault(return_id, kind)
            if len(found) >= limit:
                return list(found.items())
    return list(found.items())
