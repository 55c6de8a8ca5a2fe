"""Units: one per received carton, each with its licence plate (LPN) on the item tag.

The LPN is the line's tag code and the carton's number: ``TAG-2026000123-1-U2`` is the
second carton of that line. Tag codes are unique across the company (they come with the
return), so every desk makes the same LPN for a carton without asking anyone, also
offline, and a tag printed again carries the same one.
"""

from __future__ import annotations

import re

from livenon_desk.domain.enums import UnitState

_UNIT = re.compile(r"(?P<tag>.+)-U(?P<carton>[1-9][0-9]*)")


def unit_code(tag_code: str, carton_index: int) -> str:
    """The LPN of the ``carton_index``-th carton (from 1) of the line tagged ``tag_code``."""
    if carton_index < 1:
        raise ValueError("cartons are counted from 1")
    return f"{tag_code}-U{carton_index}"


def split_unit_code(code: str) -> tuple[str, int] | None:
    """The tag code and carton number of an LPN, or None for a code that is not one."""
    match = _UNIT.fullmatch(code)
    if match is None:
        return None
    return match["tag"], int(match["carton"])


def unit_state(graded: bool, zone: str | None, bin_zone: str | None) -> UnitState:
    """To grade until graded; then to put away until it sits in a bin of its route's zone
    (a unit routed anew, or whose route a supervisor changed, is to put away again)."""
    if not graded or zone is None:
        return UnitState.TO_GRADE
    if bin_zone != zone:
        return UnitState.TO_PUT_AWAY
    return UnitState.STORED
