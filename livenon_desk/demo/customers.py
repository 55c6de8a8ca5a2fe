"""Demo customers, each with one address: most in the US, some in China, Canada and the UK."""

from __future__ import annotations

import random
from dataclasses import dataclass

from livenon_desk.demo import people

# The first customers are one of each country, so that even a tiny demo is cross-border.
_FIRST_COUNTRIES = ("US", "CN", "CA", "GB")


@dataclass(frozen=True, slots=True)
class DemoCustomer:
    id: int
    name: str
    email: str
    phone: str
    language: str
    country: str
    line1: str
    line2: str | None
    city: str
    region: str | None
    postal_code: str

    @property
    def cross_border(self) -> bool:
        return self.country != "US"

    @property
    def phone_digits(self) -> str:
        return "".join(c for c in self.phone if c.isdigit())


def _email(rng: random.Random, first: str, last: str, n: int, domains: tuple[str, ...]) -> str:
    # The customer's number keeps addresses apart; the style varies as real ones do.
    style = int(rng.random() * 3)
    local = (
        f"{first}.{last}{n}" if style == 0 else f"{first[0]}{last}{n}" if style == 1
        else f"{first}_{last[0]}{n}"
    )
    return f"{local.lower()}@{domains[int(rng.random() * len(domains))]}"


def _us(rng: random.Random, n: int) -> DemoCustomer:
    r = rng.random
    first = people.US_FIRST[int(r() * len(people.US_FIRST))]
    last = people.US_LAST[int(r() * len(people.US_LAST))]
    city, state, zip_prefix, area = people.US_CITIES[int(r() * len(people.US_CITIES))]
    street = people.US_STREETS[int(r() * len(people.US_STREETS))]
    return DemoCustomer(
        id=n,
        name=f"{first} {last}",
        email=_email(rng, first, last, n, people.EMAIL_DOMAINS),
        phone=f"+1 {area}-555-{int(r() * 10_000):04d}",
        language="en",
        country="US",
        line1=f"{10 + int(r() * 9_980)} {street}",
        line2=f"Apt {1 + int(r() * 40)}{'ABCD'[int(r() * 4)]}" if r() < 0.3 else None,
        city=city,
        region=state,
        postal_code=f"{zip_prefix}{int(r() * 100):02d}",
    )


def _cn(rng: random.Random, n: int) -> DemoCustomer:
    r = rng.random
    surname, surname_pinyin = people.ZH_SURNAMES[int(r() * len(people.ZH_SURNAMES))]
    given, given_pinyin = people.ZH_GIVEN[int(r() * len(people.ZH_GIVEN))]
    city, province, postal, streets = people.CN_CITIES[int(r() * len(people.CN_CITIES))]
    mobile = f"1{3 + int(r() * 7)}{int(r() * 10)}"
    return DemoCustomer(
        id=n,
        name=f"{surname}{given}",
        email=_email(rng, given_pinyin, surname_pinyin, n, people.CN_EMAIL_DOMAINS),
        phone=f"+86 {mobile} {int(r() * 10_000):04d} {int(r() * 10_000):04d}",
        language="zh",
        country="CN",
        line1=f"{streets[int(r() * len(streets))]}{1 + int(r() * 998)}号",
        line2=f"{1 + int(r() * 30)}楼{1 + int(r() * 20):02d}室" if r() < 0.7 else None,
        city=city,
        region=province,
        postal_code=postal,
    )


def _other(rng: random.Random, n: int, country: str | None = None) -> DemoCustomer:
    r = rng.random
    places = [c for c in people.OTHER_CITIES if country in (None, c[0])]
    code, city, region, postal, prefix, local, streets = places[int(r() * len(places))]
    first = people.US_FIRST[int(r() * len(people.US_FIRST))]
    last = people.US_LAST[int(r() * len(people.US_LAST))]
    if code == "GB":
        phone = f"{prefix} {local}{int(r() * 1000):03d}"
    else:
        phone = f"{prefix}-{local}-{int(r() * 10_000):04d}"
    return DemoCustomer(
        id=n,
        name=f"{first} {last}",
        email=_email(rng, first, last, n, people.EMAIL_DOMAINS),
        phone=phone,
        language="en",
        country=code,
        line1=f"{1 + int(r() * 400)} {streets[int(r() * len(streets))]}",
        line2=None,
        city=city,
        region=region,
        postal_code=postal,
    )


def make_customers(rng: random.Random, count: int) -> list[DemoCustomer]:
    """``count`` customers: about four in five in the US, the rest in China, Canada, the UK."""
    out: list[DemoCustomer] = []
    for n in range(1, count + 1):
        country = _FIRST_COUNTRIES[n - 1] if n <= len(_FIRST_COUNTRIES) else None
        roll = rng.random()
        if country == "US" or (country is None and roll < 0.8):
            out.append(_us(rng, n))
        elif country == "CN" or (country is None and roll < 0.92):
            out.append(_cn(rng, n))
        else:
            out.append(_other(rng, n, country))
    return out
