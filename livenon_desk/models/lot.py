"""Liquidation lots: units scanned onto a pallet, closed and weighed, sold by the pallet."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from livenon_desk.domain.enums import LotState
from livenon_desk.models.base import Base, UTCDateTime, enum_column


class Lot(Base):
    """One pallet of units for liquidation; ``code`` is on its pallet label (Code 128, QR),
    made from the uuid so that two desks offline never make the same one."""

    __tablename__ = "lots"
    __table_args__ = (Index("ix_lots_state_opened", "state", "opened_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    state: Mapped[LotState] = mapped_column(enum_column(LotState, 16))
    weight_g: Mapped[int | None] = mapped_column(Integer)
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    server_version: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LotUnit(Base):
    """A unit on a lot (a unit goes on one lot), with its recovery value when scanned on
    (in the order's currency, minor units)."""

    __tablename__ = "lot_units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"),
                                         unique=True)
    recovery_cents: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
