"""Demo customers with one address and one payment method each (last four digits only)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from livenon_desk.demo import people
from livenon_desk.domain.enums import PaymentMethod


@dataclass(frozen=True)
class DemoCustomer:
    id: int
    name: str
    email: str
    phone: str
    language: str
    country: str
    recipient: str
    line1: str
    line2: str | None
    city: str
    region: str | None
    postal_code: str
    payment: tuple[str, str | None, str | None]  # method, brand, last four digits

    @property
    def cross_border(self) -> bool:
        return self.country != "US"

    @property
    def address_id(self) -> int:
        return self.id

    def customer_row(self, updated_at: str | None) -> tuple[object, ...]:
        digits = "".join(c for c in self.phone if c.isdigit())
        return (
            self.id,
            f"C{self.id:08d}",
            self.name,
            self.email,
            self.phone,
            digits,
            self.language,
            updated_at,
        )

    def address_row(self) -> tuple[object, ...]:
        return (
            self.id,
            self.id,
            self.recipient,
            self.line1,
            self.line2,
            self.city,
            self.region,
            self.postal_code,
            self.country,
            self.phone,
        )


def _payment(rng: random.Random) -> tuple[str, str | None, str | None]:
    last4 = f"{rng.randint(0, 9999):04d}"
    roll = rng.random()
    if roll < 0.45:
        brand = rng.choice(("Visa", "Mastercard", "American Express", "Discover"))
        return PaymentMethod.CREDIT_CARD.value, brand, last4
    if roll < 0.60:
        return PaymentMethod.DEBIT_CARD.value, rng.choice(("Visa", "Mastercard")), last4
    if roll < 0.75:
        return PaymentMethod.APPLE_PAY.value, None, last4
    if roll < 0.95:
        return PaymentMethod.PAYPAL.value, None, None
    return PaymentMethod.TT.value, None, last4


def _us(rng: random.Random, n: int) -> DemoCustomer:
    first, last = rng.choice(people.US_FIRST), rng.choice(people.US_LAST)
    city, state, zip_prefix, area = rng.choice(people.US_CITIES)
    phone = f"+1 {area}-555-{rng.randint(0, 9999):04d}"
    name = f"{first} {last}"
    return DemoCustomer(
        id=n,
        name=name,
        email=f"{first.lower()}.{last.lower()}{n}@{rng.choice(people.EMAIL_DOMAINS)}",
        phone=phone,
        language="en",
        country="US",
        recipient=name,
        line1=f"{rng.randint(10, 9999)} {rng.choice(people.US_STREETS)}",
        line2=f"Apt {rng.randint(1, 40)}{rng.choice('ABCD')}" if rng.random() < 0.3 else None,
        city=city,
        region=state,
        postal_code=f"{zip_prefix}{rng.randint(0, 99):02d}",
        payment=_payment(rng),
    )


def _cn(rng: random.Random, n: int) -> DemoCustomer:
    surname = rng.choice(people.ZH_SURNAMES)
    given, given_pinyin = rng.choice(people.ZH_GIVEN)
    city, province, postal = rng.choice(people.CN_CITIES)
    name = f"{surname}{given}"
    pinyin = f"{people.ZH_SURNAMES_PINYIN[surname]}.{given_pinyin}"
    return DemoCustomer(
        id=n,
        name=name,
        email=f"{pinyin}{n}@{rng.choice(people.CN_EMAIL_DOMAINS)}",
        phone=f"+86 1{rng.randint(30, 89)}-{rng.randint(0, 9999):04d}-{rng.randint(0, 9999):04d}",
        language="zh",
        country="CN",
        recipient=name,
        line1=f"{rng.choice(people.CN_STREETS)}{rng.randint(1, 999)}号",
        line2=f"{rng.randint(1, 30)}楼{rng.randint(1, 20)}室" if rng.random() < 0.6 else None,
        city=city,
        region=province,
        postal_code=postal,
        payment=_payment(rng),
    )


def _other(rng: random.Random, n: int) -> DemoCustomer:
    country, city, region, postal, prefix, streets = rng.choice(people.OTHER_CITIES)
    first, last = rng.choice(people.US_FIRST), rng.choice(people.US_LAST)
    name = f"{first} {last}"
    return DemoCustomer(
        id=n,
        name=name,
        email=f"{first.lower()}.{last.lower()}{n}@{rng.choice(people.EMAIL_DOMAINS)}",
        phone=f"{prefix} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        language="en",
        country=country,
        recipient=name,
        line1=f"{rng.randint(1, 400)} {rng.choice(streets)}",
        line2=None,
        city=city,
        region=region,
        postal_code=postal,
        payment=_payment(rng),
    )


def make_customers(rng: random.Random, count: int) -> list[DemoCustomer]:
    """``count`` customers: four in five in the US, the rest in China, Canada and the UK."""
    out = []
    for n in range(1, count + 1):
        roll = rng.random()
        maker = _us if roll < 0.8 else (_cn if roll < 0.92 else _other)
        out.append(maker(rng, n))
    return out
