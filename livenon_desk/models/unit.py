"""Units (one per received carton, named by its LPN), their moves and weight checks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from livenon_desk.domain.enums import Disposition, UnitState
from livenon_desk.models.base import Base, UTCDateTime, enum_column


class Unit(Base):
    """One received carton of a returned line, traced from receipt to its bin.

    Graded when its line's inspection is finished (``proposed_grade`` from the checklist,
    ``grade`` as the inspector confirmed it, ``grade_reason`` when they differ), routed by
    the policy's rules (``route_rule``), or by a supervisor (``override_*``), to a
    ``disposition`` and a ``zone``; put away in ``bin_code``.
    """

    __tablename__ = "units"
    __table_args__ = (
        # The work queue's lists (to grade, to put away) and "units with disposition X".
        Index("ix_units_state_id", "state", "id"),
        Index("ix_units_disposition_state", "disposition", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    return_line_id: Mapped[int] = mapped_column(
        ForeignKey("return_lines.id", ondelete="CASCADE"), index=True)
    carton_index: Mapped[int] = mapped_column(Integer)
    state: Mapped[UnitState] = mapped_column(enum_column(UnitState, 24))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    policy_version: Mapped[str | None] = mapped_column(String(32))
    proposed_grade: Mapped[str | None] = mapped_column(String(8))
    grade: Mapped[str | None] = mapped_column(String(8))
    grade_rules: Mapped[list[str]] = mapped_column(JSON, default=list)
    grade_reason: Mapped[str | None] = mapped_column(Text)
    graded_by: Mapped[str | None] = mapped_column(String(64))
    graded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disposition: Mapped[Disposition | None] = mapped_column(enum_column(Disposition))
    zone: Mapped[str | None] = mapped_column(String(24))
    route_rule: Mapped[str | None] = mapped_column(String(16))
    override_reason: Mapped[str | None] = mapped_column(Text)
    override_by: Mapped[str | None] = mapped_column(String(64))
    override_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    bin_code: Mapped[str | None] = mapped_column(String(24), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The central server's version as last seen; None while the server does not have it.
    server_version: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class UnitMove(Base):
    """One put-away or move of a unit: who, when, from which bin (None: from receiving)
    to which. Kept for good; made on the desk with a uuid the server recognises."""

    __tablename__ = "unit_moves"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    from_bin: Mapped[str | None] = mapped_column(String(24))
    to_bin: Mapped[str] = mapped_column(String(24))
    moved_by: Mapped[str] = mapped_column(String(64))
    moved_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WeightCheck(Base):
    """A unit weighed against the catalogue's expected weight; a difference over the
    policy's tolerance is ``flagged`` for a supervisor until one clears it with a note."""

    __tablename__ = "weight_checks"
    __table_args__ = (Index("ix_weight_checks_open", "flagged", "cleared_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    expected_g: Mapped[int] = mapped_column(Integer)
    weighed_g: Mapped[int] = mapped_column(Integer)
    flagged: Mapped[bool] = mapped_column(Boolean)
    policy_version: Mapped[str] = mapped_column(String(32))
    weighed_by: Mapped[str] = mapped_column(String(64))
    weighed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cleared_by: Mapped[str | None] = mapped_column(String(64))
    cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cleared_note: Mapped[str | None] = mapped_column(Text)
