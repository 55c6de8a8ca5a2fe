"""How a payment method is shown: never more than the last four digits (privacy rule)."""

from __future__ import annotations

from livenon_desk.domain.enums import PaymentMethod

_METHOD_NAMES: dict[PaymentMethod, tuple[str, str]] = {
    PaymentMethod.CREDIT_CARD: ("Credit card", "信用卡"),
    PaymentMethod.DEBIT_CARD: ("Debit card", "借记卡"),
    PaymentMethod.APPLE_PAY: ("Apple Pay", "Apple Pay"),
    PaymentMethod.PAYPAL: ("PayPal", "PayPal"),
    PaymentMethod.TT: ("T/T bank transfer", "电汇"),
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
    name_en, name_zh = _METHOD_NAMES[method]
    name = brand or (name_zh if language.startswith("zh") else name_en)
    digits = last_four(last4)
    return f"{name} •••• {digits}" if digits else name
