"""Money as Decimal, rounded half-up to the currency's own minor unit.

Amounts are stored as whole minor units (the ``*_cents`` columns): cents for USD, yen for
JPY (no minor unit), fils for KWD (three digits). How many digits a currency has comes from
the CLDR data Babel carries (ISO 4217), not from a table kept here.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from babel.core import UnknownLocaleError
from babel.numbers import get_currency_precision

CENT = Decimal("0.01")
DEFAULT_CURRENCY = "USD"


@cache
def minor_digits(currency: str) -> int:
    """Digits after the point in ``currency``'s minor unit: USD 2, JPY 0, KWD 3."""
    try:
        return int(get_currency_precision(currency.upper()))
    except (UnknownLocaleError, KeyError, ValueError):  # pragma: no cover - CLDR's fallback
        return 2


def quantum(currency: str = DEFAULT_CURRENCY) -> Decimal:
    """The smallest amount of ``currency``: 0.01 USD, 1 JPY, 0.001 KWD."""
    return Decimal(1).scaleb(-minor_digits(currency))


def round_money(amount: Decimal, currency: str = DEFAULT_CURRENCY) -> Decimal:
    return amount.quantize(quantum(currency), rounding=ROUND_HALF_UP)


def from_minor_units(units: int, currency: str = DEFAULT_CURRENCY) -> Decimal:
    return Decimal(units).scaleb(-minor_digits(currency)).quantize(quantum(currency))


def to_minor_units(amount: Decimal, currency: str = DEFAULT_CURRENCY) -> int:
    return int(round_money(amount, currency).scaleb(minor_digits(currency)))


def cents_to_decimal(cents: int, currency: str = DEFAULT_CURRENCY) -> Decimal:
    """A stored amount (whole minor units of ``currency``) as a Decimal."""
    return from_minor_units(cents, currency)


def decimal_to_cents(amount: Decimal, currency: str = DEFAULT_CURRENCY) -> int:
    return to_minor_units(amount, currency)


def format_money(amount: Decimal, currency: str = DEFAULT_CURRENCY) -> str:
    """``1,299.00`` (USD), ``129,900`` (JPY), ``1.250`` (KWD): grouping and the currency's
    own digits, for explanations and documents."""
    digits = minor_digits(currency)
    return f"{round_money(amount, currency):,.{digits}f}"


def totals_by_currency(pairs: Iterable[tuple[str, Decimal]]) -> tuple[tuple[str, Decimal], ...]:
    """The amounts summed by currency, in currency order (amounts of two currencies are
    never added)."""
    totals: dict[str, Decimal] = {}
    for currency, amount in pairs:
        totals[currency] = totals.get(currency, Decimal(0)) + amount
    return tuple(sorted(totals.items()))
