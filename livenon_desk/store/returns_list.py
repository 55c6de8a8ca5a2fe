"""The returns list, a window at a time: counts and pages sorted and filtered in SQL."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from livenon_desk.domain.enums import Decision
from livenon_desk.models import (
    Customer,
    Inspection,
    Order,
    ReturnLine,
    ReturnRequest,
    Unit,
    WeightCheck,
)
from livenon_desk.store.rows import ReturnFilter, ReturnRow, SortKey

R = ReturnRequest

_SORT_COLUMNS: dict[SortKey, tuple[Any, ...]] = {
    SortKey.APPLIED_AT: (R.applied_at,),
    SortKey.RMA_NUMBER: (R.rma_number,),
    SortKey.STATUS: (R.status, R.applied_at),
    SortKey.RECEIVED_AT: (R.received_at,),
    SortKey.REASON: (R.reason_code,),
    SortKey.CARRIER: (R.carrier,),
    SortKey.TRACKING: (R.tracking_number,),
    SortKey.ORDER_NUMBER: (Order.order_number,),
    SortKey.CUSTOMER: (Customer.name,),
}
_SORT_JOINS: dict[SortKey, tuple[Any, ...]] = {
    SortKey.ORDER_NUMBER: (Order,),
    SortKey.CUSTOMER: (Order, Customer),
}
_JOIN_ON: dict[Any, Any] = {
    Order: Order.id == R.order_id, Customer: Customer.id == Order.customer_id
}


def _conditions(flt: ReturnFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.statuses:
        conditions.append(R.status.in_(sorted(flt.statuses)))
    if flt.reason_category is not None:
        conditions.append(R.reason_category == flt.reason_category)
    if flt.reason_code is not None:
        conditions.append(R.reason_code == flt.reason_code)
    if flt.carrier:
        conditions.append(R.carrier == flt.carrier)
    if flt.applied_from is not None:
        conditions.append(R.applied_at >= flt.applied_from)
    if flt.applied_before is not None:
        conditions.append(R.applied_at < flt.applied_before)
    if flt.received_before is not None:
        conditions.append(R.received_at < flt.received_before)
    if flt.inspected_since is not None:
        finished = (
            select(ReturnLine.return_id)
            .join(Inspection, Inspection.return_line_id == ReturnLine.id)
            .where(Inspection.finished_at >= flt.inspected_since)
        )
        conditions.append(R.id.in_(finished))
    if flt.passed_before is not None:
        conditions.append(R.id.in_(_passed_before(flt.passed_before)))
    if flt.unit_state is not None:
        conditions.append(R.id.in_(
            select(ReturnLine.return_id).join(Unit, Unit.return_line_id == ReturnLine.id)
            .where(Unit.state == flt.unit_state)))
    if flt.weight_flagged:
        conditions.append(R.id.in_(
            select(ReturnLine.return_id).join(Unit, Unit.return_line_id == ReturnLine.id)
            .join(WeightCheck, WeightCheck.unit_id == Unit.id)
            .where(WeightCheck.flagged.is_(True), WeightCheck.cleared_at.is_(None))))
    return conditions


def _passed_before(moment: datetime) -> Select[int]:
    """Returns with a line passed before ``moment``: eligible when finished, or approved
    as an exception (the pass is then the approval)."""
    eligible = Decision.ELIGIBLE
    return (
        select(ReturnLine.return_id)
        .join(Inspection, Inspection.return_line_id == ReturnLine.id)
        .where(Inspection.finished_at.is_not(None))
        .where(or_(
            and_(Inspection.override_decision == eligible, Inspection.override_at < moment),
            and_(Inspection.override_decision.is_(None), Inspection.decision == eligible,
                 Inspection.finished_at < moment)))
    )


_ROW_COLUMNS = (R.id, R.rma_number, Order.order_number, Customer.name, R.status,
                R.reason_code, R.carrier, R.tracking_number, R.applied_at, R.received_at,
                R.restricted)


def _row_select(*conditions: ColumnElement[bool]) -> Select[*tuple[Any, ...]]:
    query: Select[*tuple[Any, ...]] = (
        select(*_ROW_COLUMNS)
        .join(Order, Order.id == R.order_id)
        .join(Customer, Customer.id == Order.customer_id)
        .where(*conditions)
    )
    return query


def _to_row(row: Row[Any]) -> ReturnRow:
    values: tuple[Any, ...] = tuple(row)
    return ReturnRow(*values)


def count_returns(session: Session, flt: ReturnFilter) -> int:
    query = select(func.count()).select_from(R).where(*_conditions(flt))
    return session.scalar(query) or 0


def page_returns(
    session: Session, flt: ReturnFilter, sort: SortKey, descending: bool, offset: int, limit: int
) -> list[ReturnRow]:
    """Rows ``offset`` to ``offset + limit`` in the chosen order; the id breaks ties.

    The window is found over the sort index alone and only its rows are joined: SQLite
    would otherwise join every skipped row, which takes seconds deep in a million.
    """
    columns = (*_SORT_COLUMNS[sort], R.id)
    order = [c.desc() if descending else c.asc() for c in columns]
    ids = select(R.id)
    for table in _SORT_JOINS.get(sort, ()):
        ids = ids.join(table, _JOIN_ON[table])
    ids = ids.where(*_conditions(flt)).order_by(*order).offset(offset).limit(limit)
    return rows_by_ids(session, list(session.scalars(ids)))


def ordered_ids(
    session: Session, flt: ReturnFilter, sort: SortKey, descending: bool
) -> array[int]:
    """Every id the filter lets through, in the chosen order (8 bytes per return)."""
    columns = (*_SORT_COLUMNS[sort], R.id)
    order = [c.desc() if descending else c.asc() for c in columns]
    ids = select(R.id)
    for table in _SORT_JOINS.get(sort, ()):
        ids = ids.join(table, _JOIN_ON[table])
    ids = ids.where(*_conditions(flt)).order_by(*order)
    result = array("q")
    for chunk in session.execute(ids).scalars().partitions(50_000):
        result.extend(chunk)
    return result


def rows_by_ids(session: Session, ids: Sequence[int]) -> list[ReturnRow]:
    """The rows of these returns, in the order given; ids no longer present are skipped."""
    if not ids:
        return []
    by_id = {r.id: r for r in session.execute(_row_select(R.id.in_(list(ids))))}
    return [_to_row(by_id[i]) for i in ids if i in by_id]
