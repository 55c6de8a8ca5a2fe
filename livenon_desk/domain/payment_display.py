"""How a payment method is shown: never more than the last four digits (privacy rule)."""

from __future__ import annotations

from livenon_desk.catalogue import text
from livenon_desk.domain.enums import PaymentMethod

_METHOD_NAMES: dict[PaymentMethod, str] = {
    PaymentMethod.CREDIT_CARD: "payment.credit-card",
    PaymentMethod.DEBIT_CARD: "payment.debit-card",
    PaymentMethod.APPLE_PAY: "payment.apple-pay",
    PaymentMethod.PAYPAL: "payment.paypal",
    PaymentMethod.TT: "payment.tt",
}


def last_four(value: str | None) -> str | None:
    """The last four digits of ``value``, whatever else it holds; None if it has fewer."""
    if value is None:
        return None
    digits = "".join(c for c in value if c.isdigit())
    return digits[-4:] if len(digits) >= 4 else None


def payment_display(
    method: PaymentMethod, brand: str | None, last4: str | None, language: str = "en"
) -> str:
    """E.g. ``Visa •••• 4242``; a longer number is cut to its last four digits."""
    name = brand or text(_METHOD_NAMES[method], language)
    digits = last_four(last4)
    return f"{name} •••• {digits}" if digits else name
