"""Plain data of refurbishment work orders, as the refurbishment screen and its queue
read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from livenon_desk.domain.enums import Disposition, RepairOutcome, WorkOrderState
from livenon_desk.services.unit_dto import UnitRow

# What to fix is said in a few words at least; so is what the repair came to (it is the
# reason of the unit's new grade, as a regrade's reason is).
FAULT_MIN = 5
# Minutes logged at one time: a day's work at most, so a typo of a few zeros is refused.
MINUTES_MAX = 24 * 60


@dataclass(frozen=True)
class WorkOrderRow:
    order_id: int
    uuid: str
    unit: UnitRow  # as it stands now (after completion: graded anew and routed)
    state: WorkOrderState
    fault: str
    parts: tuple[str, ...]
    minutes: int
    opened_by: str
    opened_at: datetime
    outcome: RepairOutcome | None = None
    grade: str | None = None
    note: str | None = None
    closed_by: str | None = None
    closed_at: datetime | None = None


@dataclass(frozen=True)
class RefurbishScan:
    """A unit scanned at the refurbishment bench, with its open work order (None: none
    open yet) and the orders it had before."""

    unit: UnitRow
    open_order: WorkOrderRow | None
    earlier: tuple[WorkOrderRow, ...] = ()

    @property
    def may_open(self) -> bool:
        """Whether a work order may be opened for the unit: routed to refurbish, none open."""
        return self.open_order is None and self.unit.disposition is Disposition.REFURBISH
