"""Return requests (RMAs) and the order lines they send back."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from livenon_desk.domain.enums import (
    Channel,
    LabelType,
    ParcelCondition,
    ReasonCategory,
    ReasonCode,
    ReturnStatus,
)
from livenon_desk.models.base import Base, UTCDateTime, enum_column


class ReturnRequest(Base):
    __tablename__ = "return_requests"
    __table_args__ = (
        Index("ix_return_requests_status_applied", "status", "applied_at"),
        Index("ix_return_requests_applied_at", "applied_at"),
        Index("ix_return_requests_received_at", "received_at"),
        # The work queue: awaiting inspection by P5 deadline, lists filtered by status.
        Index("ix_return_requests_status_received", "status", "received_at"),
        Index("ix_return_requests_status_rma", "status", "rma_number"),
        Index("ix_return_requests_reason_code", "reason_code"),
        Index("ix_return_requests_carrier", "carrier"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rma_number: Mapped[str] = mapped_column(String(32), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    status: Mapped[ReturnStatus] = mapped_column(enum_column(ReturnStatus))
    reason_code: Mapped[ReasonCode] = mapped_column(enum_column(ReasonCode))
    reason_category: Mapped[ReasonCategory] = mapped_column(enum_column(ReasonCategory))
    reason_text: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime)
    instructions_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    label_type: Mapped[LabelType | None] = mapped_column(enum_column(LabelType))
    label_cost_cents: Mapped[int | None] = mapped_column(Integer)
    carrier: Mapped[str | None] = mapped_column(String(40))
    tracking_number: Mapped[str | None] = mapped_column(String(64), index=True)
    # T3: cross-border parcels must be marked "Returned Goods"; None = not yet checked.
    returned_goods_marked: Mapped[bool | None] = mapped_column(Boolean)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    parcel_condition: Mapped[ParcelCondition | None] = mapped_column(
        enum_column(ParcelCondition)
    )
    # P3: what the parcel held besides the goods; None = not yet checked.
    invoice_enclosed: Mapped[bool | None] = mapped_column(Boolean)
    return_form_enclosed: Mapped[bool | None] = mapped_column(Boolean)
    received_by: Mapped[str | None] = mapped_column(String(64))
    # The parcel's weight at receipt in grams, from the station's scale or typed; None: not
    # weighed.
    receipt_weight_grams: Mapped[int | None] = mapped_column(Integer)
    receipt_notes: Mapped[str | None] = mapped_column(Text)
    # A supervisor may accept a receipt with cartons missing; the reason is kept.
    short_closed_reason: Mapped[str | None] = mapped_column(Text)
    short_closed_by: Mapped[str | None] = mapped_column(String(64))
    short_closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the credit note was first printed: its "Issued" date, the same on every reprint.
    credit_note_issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the retention rule (privacy policy VI) removed this return's personal data.
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)
    restricted_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The central server's version of this return as the desk last saw it (If-Match of
    # the next change); local edits move ``version`` on, not this.
    server_version: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReturnLine(Base):
    __tablename__ = "return_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(
        ForeignKey("return_requests.id", ondelete="CASCADE"), index=True
    )
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    # The code printed on the item tag that follows the piece through the warehouse.
    tag_code: Mapped[str] = mapped_column(String(40), unique=True)
    cartons_expected: Mapped[int] = mapped_column(Integer, default=1)
    cartons_received: Mapped[int] = mapped_column(Integer, default=0)
