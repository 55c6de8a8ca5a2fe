from __future__ import annotations

import pytest

from livenon_desk.domain.enums import PaymentMethod
from livenon_desk.domain.payment_display import last_four, payment_display


@pytest.mark.parametrize(
    ("value", "expected"),
    [("4242", "4242"), ("4111 1111 1111 1234", "1234"), ("12", None), (None, None)],
)
def test_last_four(value: str | None, expected: str | None) -> None:
    assert last_four(value) == expected


def test_card_is_masked_to_last_four() -> None:
    shown = payment_display(PaymentMethod.CREDIT_CARD, "Visa", "4111111111111234")
    assert shown == "Visa •••• 1234"
    assert "4111" not in shown


def test_method_name_without_digits() -> None:
    assert payment_display(PaymentMethod.PAYPAL, None, None) == "PayPal"
    assert payment_display(PaymentMethod.TT, None, None, "zh") == "电汇"
    assert payment_display(PaymentMethod.DEBIT_CARD, None, "9876") == "Debit card •••• 9876"
