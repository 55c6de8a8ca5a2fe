"""Refurbishment work orders: one per repair of a unit routed to refurbish."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from livenon_desk.domain.enums import RepairOutcome, WorkOrderState
from livenon_desk.models.base import Base, UTCDateTime, enum_column


class WorkOrder(Base):
    """A repair of one unit: what to fix, the parts used and the minutes spent, and its
    outcome; on completion the unit is graded anew (``grade``) and routed again.

    Made on the desk with a uuid the central server recognises; ``version`` counts the
    desk's changes, ``server_version`` the server's as last seen (as a unit's do).
    """

    __tablename__ = "work_orders"
    # "In refurbishment": the open orders, oldest first.
    __table_args__ = (Index("ix_work_orders_state_opened", "state", "opened_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    state: Mapped[WorkOrderState] = mapped_column(enum_column(WorkOrderState, 16))
    fault: Mapped[str] = mapped_column(Text)
    parts: Mapped[list[str]] = mapped_column(JSON, default=list)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[RepairOutcome | None] = mapped_column(enum_column(RepairOutcome, 16))
    grade: Mapped[str | None] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(Text)
    closed_by: Mapped[str | None] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    server_version: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
