"""What liquidation lots and RTV shipments share (issue 17): each is a container that
units are scanned onto, coded from its uuid, found by its scanned code, listed oldest
first, and counted and queued for the central server in the transaction of each change.

What each kind holds and decides (grade and recovery value and weight; supplier, defect
and claim) stays in its own service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from livenon_desk.domain.enums import Disposition
from livenon_desk.errors import NotFoundError, ValidationError
from livenon_desk.models import Lot, RtvShipment, Unit
from livenon_desk.services.unit_dto import UnitRow
from livenon_desk.services.unit_service import _rows, unit_by_code
from livenon_desk.store.lookup import normalize_code

# The two kinds of container.
C = TypeVar("C", Lot, RtvShipment)


@dataclass(frozen=True)
class ContainerKind(Generic[C]):
    """One kind of container: its table, its code's prefix, the table of its members (by
    their container and unit columns), the disposition of the units it takes, the
    message ids of its refusals, and how a change of it is queued for the server."""

    model: type[C]
    prefix: str
    member_container: InstrumentedAttribute[int]
    member_unit: InstrumentedAttribute[int]
    disposition: Disposition
    no_such_code: str
    unit_not_for: str
    unit_already_on: str
    field: str  # the field that names the container in ``unit_already_on``
    queue: Callable[[Session, C, datetime], None]

    def code_of(self, made: str) -> str:
        """A container's code from its uuid: the same on every desk, never two alike
        offline."""
        return f"{self.prefix}{made.replace('-', '')[:8].upper()}"

    def by_code(self, s: Session, code: str) -> C:
        normal = normalize_code(code)
        found = s.scalar(select(self.model).where(self.model.code == normal))
        if found is None:
            raise NotFoundError(self.no_such_code, code=normal)
        return found

    def oldest_first(self) -> Select[C]:
        return select(self.model).order_by(self.model.opened_at, self.model.id)

    def unit_to_add(self, s: Session, code: str) -> Unit:
        """A scanned unit that may go on a container of this kind: on none yet, and
        routed to this kind's disposition; else refused, saying why."""
        unit = unit_by_code(s, code)
        on = s.scalar(select(self.model.code).where(self.model.id == self.member_container,
                                                    self.member_unit == unit.id))
        if on is not None:
            raise ValidationError(self.unit_already_on, code=unit.code, **{self.field: on})
        if unit.disposition is not self.disposition:
            raise ValidationError(self.unit_not_for, code=unit.code)
        return unit

    def changed(self, s: Session, container: C, now: datetime) -> None:
        """One more change of the container, queued for the central server in its
        transaction."""
        container.version += 1
        container.updated_at = now
        self.queue(s, container, now)


def unit_row(s: Session, unit: Unit) -> UnitRow:
    return _rows(s, select(Unit).where(Unit.id == unit.id))[0]


def unit_rows_by_id(s: Session, unit_ids: set[int]) -> dict[int, UnitRow]:
    """The rows of a container's units, by unit id."""
    if not unit_ids:
        return {}
    return {r.unit_id: r for r in _rows(s, select(Unit).where(Unit.id.in_(unit_ids)))}
