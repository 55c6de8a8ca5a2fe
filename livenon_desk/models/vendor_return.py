"""Return-to-vendor shipments: a supplier's defective units, with each unit's claim."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from livenon_desk.domain.enums import RtvState
from livenon_desk.models.base import Base, UTCDateTime, enum_column


class RtvShipment(Base):
    """One supplier's shipment of defective units back to it (open while units are added,
    then shipped); ``code`` is printed on its document as Code 128 and QR.

    Made on the desk with a uuid the central server recognises; ``code`` is made from the
    uuid, so that two desks offline never make the same one.
    """

    __tablename__ = "rtv_shipments"
    # "Awaiting RTV": a supplier's open shipment is found by its supplier.
    __table_args__ = (Index("ix_rtv_shipments_supplier_state", "supplier_id", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    supplier_id: Mapped[str] = mapped_column(String(32))
    state: Mapped[RtvState] = mapped_column(enum_column(RtvState, 16))
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    shipped_by: Mapped[str | None] = mapped_column(String(64))
    shipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    server_version: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RtvLine(Base):
    """A unit on an RTV shipment: the defect claimed and the amount claimed for it (in the
    order's currency, minor units). A unit goes back to its supplier once."""

    __tablename__ = "rtv_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shipment_id: Mapped[int] = mapped_column(
        ForeignKey("rtv_shipments.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"),
                                         unique=True)
    defect: Mapped[str] = mapped_column(Text)
    claim_cents: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
