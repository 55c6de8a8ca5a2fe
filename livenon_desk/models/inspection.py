"""Inspections (one per returned line), their photos, and communications kept as evidence."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from livenon_desk.domain.enums import (
    CommunicationChannel,
    Decision,
    Direction,
    Disposition,
    ParcelCondition,
    ReasonCode,
)
from livenon_desk.models.base import Base, UTCDateTime, enum_column


class Inspection(Base):
    __tablename__ = "inspections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Made on the workstation, so that the central API can recognise a resent inspection.
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    return_line_id: Mapped[int] = mapped_column(
        ForeignKey("return_lines.id", ondelete="CASCADE"), index=True
    )
    inspector: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    checklist: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notes: Mapped[str | None] = mapped_column(Text)
    decision: Mapped[Decision | None] = mapped_column(enum_column(Decision))
    rule_results: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    policy_version: Mapped[str | None] = mapped_column(String(32))
    # The routing rules' disposition for the confirmed grade (issue 17), set at finish.
    disposition: Mapped[Disposition | None] = mapped_column(enum_column(Disposition))
    # The grade the inspector confirmed (the policy's grades), and why it differs from the
    # one the checklist's answers proposed; the line's units take it.
    grade: Mapped[str | None] = mapped_column(String(8))
    grade_reason: Mapped[str | None] = mapped_column(Text)
    override_decision: Mapped[Decision | None] = mapped_column(enum_column(Decision))
    override_reason: Mapped[str | None] = mapped_column(Text)
    override_by: Mapped[str | None] = mapped_column(String(64))
    override_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The central server's version as last seen; None while the server does not have it.
    server_version: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class InspectionTally(Base):
    """Finished inspections counted by quarter hour (UTC) and return reason: the work
    queue's week is summed from a few hundred of these rows instead of the inspections.

    Kept by SQLite triggers (migration 0015) in the same transaction as every write of
    an inspection, its line or its return, so no write path can forget it. A quarter
    hour: every warehouse time zone's midnight falls on one.
    """

    __tablename__ = "inspection_tallies"

    quarter: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    reason_code: Mapped[ReasonCode] = mapped_column(enum_column(ReasonCode), primary_key=True)
    inspected: Mapped[int] = mapped_column(Integer)
    passed: Mapped[int] = mapped_column(Integer)


class Photo(Base):
    __tablename__ = "photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    return_id: Mapped[int] = mapped_column(
        ForeignKey("return_requests.id", ondelete="CASCADE"), index=True
    )
    inspection_id: Mapped[int | None] = mapped_column(
        ForeignKey("inspections.id", ondelete="SET NULL"), index=True
    )
    # Relative to the desk's photo store; the file is named by its content hash.
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(40), default="image/jpeg")
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)
    caption: Mapped[str | None] = mapped_column(Text)


class Communication(Base):
    """T4: what was said with the customer, kept as evidence for disputes."""

    __tablename__ = "communications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int | None] = mapped_column(
        ForeignKey("return_requests.id", ondelete="CASCADE"), index=True
    )
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[CommunicationChannel] = mapped_column(enum_column(CommunicationChannel))
    direction: Mapped[Direction] = mapped_column(enum_column(Direction))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    subject: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)


class UnexpectedParcel(Base):
    """A parcel that arrived with no return on file: kept until someone matches it."""

    __tablename__ = "unexpected_parcels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scanned_code: Mapped[str | None] = mapped_column(String(64), index=True)
    carrier: Mapped[str | None] = mapped_column(String(40))
    tracking_number: Mapped[str | None] = mapped_column(String(64), index=True)
    parcel_condition: Mapped[ParcelCondition] = mapped_column(enum_column(ParcelCondition))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_by: Mapped[str] = mapped_column(String(64))
    sender: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    matched_return_id: Mapped[int | None] = mapped_column(
        ForeignKey("return_requests.id", ondelete="SET NULL")
    )
