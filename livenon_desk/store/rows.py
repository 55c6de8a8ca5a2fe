"""The plain rows the store's list queries return, and what a list may filter and sort by."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from livenon_desk.domain.enums import ReasonCategory, ReasonCode, ReturnStatus, UnitState


@dataclass(frozen=True)
class ReturnRow:
    """One row of the returns list."""

    return_id: int
    rma_number: str
    order_number: str
    customer_name: str
    status: ReturnStatus
    reason_code: ReasonCode
    carrier: str | None
    tracking_number: str | None
    applied_at: datetime
    received_at: datetime | None
    restricted: bool
    # P5: past the inspection deadline today; the service that hands the row out sets it.
    overdue: bool = False


class SortKey(StrEnum):
    """Columns the returns list can be sorted by; each is backed by an index."""

    APPLIED_AT = "applied_at"
    RMA_NUMBER = "rma_number"
    STATUS = "status"
    RECEIVED_AT = "received_at"
    ORDER_NUMBER = "order_number"
    CUSTOMER = "customer"
    REASON = "reason"
    CARRIER = "carrier"
    TRACKING = "tracking"


@dataclass(frozen=True)
class ReturnFilter:
    """What the returns list shows: an empty filter shows every return."""

    statuses: frozenset[ReturnStatus] = frozenset()
    reason_category: ReasonCategory | None = None
    reason_code: ReasonCode | None = None
    carrier: str | None = None
    applied_from: datetime | None = None
    applied_before: datetime | None = None
    received_before: datetime | None = None
    inspected_since: datetime | None = None
    # P6: a line passed (eligible, or approved as an exception) before this instant.
    passed_before: datetime | None = None
    # Issue 17: returns with a unit (a received carton) in this state; with a unit whose
    # weight is flagged (a possible item swap) and not cleared by a supervisor.
    unit_state: UnitState | None = None
    weight_flagged: bool = False


_INDEXED_SORTS = frozenset({
    SortKey.APPLIED_AT, SortKey.RMA_NUMBER, SortKey.STATUS, SortKey.RECEIVED_AT,
    SortKey.REASON, SortKey.CARRIER, SortKey.TRACKING,
})


def pages_by_offset(flt: ReturnFilter, sort: SortKey) -> bool:
    """True when any page can be found by its offset over an index: an unfiltered list in
    an indexed order. Otherwise every page would sort the whole selection again, so the
    list takes the ids in order once (``ordered_ids``) and pages through them."""
    return flt == ReturnFilter() and sort in _INDEXED_SORTS
