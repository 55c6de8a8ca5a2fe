"""Money as Decimal: stored in minor units (cents), rounded half-up to the cent."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def round_money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def cents_to_decimal(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def decimal_to_cents(amount: Decimal) -> int:
    return int(round_money(amount) * 100)


def format_money(amount: Decimal) -> str:
    """``1,299.00``: grouping and two decimals, for explanations and documents."""
    return f"{round_money(amount):,.2f}"
