"""Plain data of units (one received carton, its LPN) as screens, documents and the next
steps (refurbishment, return to vendor, lots) read them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from livenon_desk.catalogue import Localized
from livenon_desk.domain.enums import Disposition, UnitState
from livenon_desk.domain.grading import GRADE_REASON_MIN

# A disposition other than the rules' needs a reason someone else can follow later, as a
# grade other than the proposed one does.
UNIT_REASON_MIN = GRADE_REASON_MIN


@dataclass(frozen=True)
class UnitRow:
    unit_id: int
    code: str
    return_id: int
    rma_number: str
    tag_code: str
    carton_index: int
    carton_count: int
    sku: str
    product_name_en: str
    product_name_zh: str | None
    state: UnitState
    received_at: datetime
    grade: str | None
    proposed_grade: str | None
    disposition: Disposition | None
    zone: str | None
    route_rule: str | None  # None when a supervisor chose the disposition
    bin_code: str | None
    value: Decimal  # the line's unit price, in ``currency``
    currency: str
    updated_at: datetime


@dataclass(frozen=True)
class UnitMoveRow:
    from_bin: str | None  # None: straight from receiving
    to_bin: str
    moved_by: str
    moved_at: datetime


@dataclass(frozen=True)
class WeightCheckRow:
    check_id: int
    unit_code: str
    rma_number: str
    expected_kg: Decimal
    weighed_kg: Decimal
    flagged: bool
    weighed_by: str
    weighed_at: datetime
    cleared_by: str | None = None
    cleared_at: datetime | None = None
    cleared_note: str | None = None


@dataclass(frozen=True)
class UnitDetail:
    """One unit with why it has its grade and route, and every move it made."""

    row: UnitRow
    zone_name: Localized | None = None  # the policy's name of the route's zone
    grade_rules: tuple[str, ...] = ()
    grade_reason: str | None = None
    graded_by: str | None = None
    graded_at: datetime | None = None
    override_reason: str | None = None
    override_by: str | None = None
    override_at: datetime | None = None
    moves: tuple[UnitMoveRow, ...] = field(default_factory=tuple)
    weight_checks: tuple[WeightCheckRow, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PutAwayPlan:
    """A scanned unit, the zone its route sends it to and the first bin there with room
    (None: not routed yet, or every bin of the zone is full)."""

    row: UnitRow
    zone: Localized | None
    suggested_bin: str | None


@dataclass(frozen=True)
class PutAway:
    """A unit put in a bin (or moved to another): where from, where to."""

    unit_code: str
    from_bin: str | None
    to_bin: str
    zone: str
    state: UnitState
