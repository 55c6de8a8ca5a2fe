"""Orders and their lines, as the central API holds them. Money is in minor units."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from livenon_desk.domain.enums import PaymentMethod
from livenon_desk.models.base import Base, UTCDateTime, enum_column


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        # The desk never stores a full payment number: at most the last four digits.
        CheckConstraint(
            "payment_last4 IS NULL OR (length(payment_last4) = 4 "
            "AND payment_last4 NOT GLOB '*[^0-9]*')",
            name="payment_last4_only",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_number: Mapped[str] = mapped_column(String(32), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The carrier's delivery sign-off (E2 counts from it); None until the carrier reports it.
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    currency: Mapped[str] = mapped_column(String(3))
    payment_method: Mapped[PaymentMethod] = mapped_column(enum_column(PaymentMethod))
    payment_brand: Mapped[str | None] = mapped_column(String(32))
    payment_last4: Mapped[str | None] = mapped_column(String(4))
    billing_address_id: Mapped[int | None] = mapped_column(ForeignKey("addresses.id"))
    shipping_address_id: Mapped[int | None] = mapped_column(ForeignKey("addresses.id"))
    cross_border: Mapped[bool] = mapped_column(Boolean, default=False)
    subtotal_cents: Mapped[int] = mapped_column(Integer)
    tax_cents: Mapped[int] = mapped_column(Integer, default=0)
    shipping_cents: Mapped[int] = mapped_column(Integer, default=0)
    total_cents: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OrderLine(Base):
    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(40), index=True)
    product_name_en: Mapped[str] = mapped_column(String(300))
    product_name_zh: Mapped[str | None] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_cents: Mapped[int] = mapped_column(Integer)
    cartons: Mapped[int] = mapped_column(Integer, default=1)
    # The catalogue's weight of one piece, all its cartons together (the weight check).
    piece_weight_g: Mapped[int | None] = mapped_column(Integer)
    customized: Mapped[bool] = mapped_column(Boolean, default=False)
    customization: Mapped[str | None] = mapped_column(Text)
    clearance: Mapped[bool] = mapped_column(Boolean, default=False)
