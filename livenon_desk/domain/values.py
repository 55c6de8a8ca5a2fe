"""The value objects that leave the service layer for the screens, the papers and the
command line alike: one definition of each, plain and frozen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from livenon_desk.domain.countries import country_name
from livenon_desk.domain.enums import Decision
from livenon_desk.domain.refund import Deduction, RefundRecommendation, ReturnRefund


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


@dataclass(frozen=True)
class Address:
    """A postal address; any part but the recipient may be missing and is then skipped."""

    recipient: str
    line1: str | None = None
    line2: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country_code: str | None = None
    phone: str | None = None
    company: str | None = None

    def lines(self, country: str | None = None) -> list[str]:
        """The written lines, top to bottom, with empty parts left out; ``country`` names
        the country in place of its code (a label spells it out for the carrier).

        An address written in Chinese reads as it is written in China: postal code,
        country, province and city, street, then the person.
        """
        if self.in_chinese():
            head = " ".join(p for p in (self.postal_code, "".join(
                p for p in (country_name(self.country_code or "CN", "zh"), self.region,
                            self.city) if p)) if p)
            parts: tuple[str | None, ...] = (head, self.line1, self.line2, self.company,
                                             self.recipient)
        else:
            city_line = " ".join(p for p in (self.city, self.region, self.postal_code) if p)
            parts = (self.recipient, self.company, self.line1, self.line2, city_line,
                     country or self.country_code)
        return [p.strip() for p in parts if p and p.strip()]

    def in_chinese(self) -> bool:
        """Whether the street, city or province is written in Chinese characters."""
        return any(_is_han(c) for part in (self.line1, self.line2, self.city, self.region)
                   for c in part or "")


@dataclass(frozen=True)
class PhotoRef:
    """A stored photo: its file, and the SHA-256 of its bytes recorded when it was taken."""

    photo_id: int
    path: Path
    sha256: str
    caption: str | None = None
    taken_at: datetime | None = None


@dataclass(frozen=True)
class Override:
    """A supervisor's decision over the computed one, with the written reason."""

    decision: Decision
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True)
class Refund:
    """P6 refund with its P7/T2 deductions; ``rule_ids`` name the rules applied.

    A line's deductions are its share of the return's, taken once for the return (one
    label, one deduction); ``due_from`` and ``due_by`` are the P6 window once it passed.
    """

    currency: str
    price_paid: Decimal
    deductions: tuple[Deduction, ...]
    amount: Decimal
    rule_ids: tuple[str, ...] = ()
    notify_customer: bool = False
    explanation_en: str = ""
    explanation_zh: str = ""
    due_from: date | None = None
    due_by: date | None = None

    @classmethod
    def of(cls, rec: RefundRecommendation | ReturnRefund) -> Refund:
        """The refund a recommendation (a line's, or the whole return's) works out."""
        return cls(currency=rec.currency, price_paid=rec.price_paid,
                   deductions=rec.deductions, amount=rec.amount, rule_ids=rec.rule_ids,
                   notify_customer=rec.notify_customer, explanation_en=rec.explanation_en,
                   explanation_zh=rec.explanation_zh)

    @property
    def return_deductions(self) -> tuple[Deduction, ...]:
        """The deductions this line shares with the return's other lines."""
        return tuple(d for d in self.deductions if d.return_amount is not None)
