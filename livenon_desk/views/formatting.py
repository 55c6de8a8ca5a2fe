"""Dates, times and money as the chosen locale writes them, in the warehouse's time zone."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from livenon_desk.domain.money import minor_digits

WAREHOUSE_TZ = ZoneInfo("America/Los_Angeles")


def format_date(value: date | datetime | None, locale: QLocale | None = None,
                tz: ZoneInfo = WAREHOUSE_TZ) -> str:
    """A day, or a moment shown as the warehouse's wall-clock time; "—" for none."""
    loc = locale or QLocale()
    if value is None:
        return "—"
    if isinstance(value, datetime):
        local = value.astimezone(tz) if value.tzinfo else value
        moment = QDateTime(QDate(local.year, local.month, local.day),
                           QTime(local.hour, local.minute))
        return loc.toString(moment, QLocale.FormatType.ShortFormat)
    return loc.toString(QDate(value.year, value.month, value.day),
                        QLocale.FormatType.ShortFormat)


def format_money(amount: Decimal, currency: str, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    # The currency's own minor unit (JPY 0, KWD 3), not the locale's two digits.
    return loc.toCurrencyString(float(amount), currency + " ", minor_digits(currency))


def format_count(n: int, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(n)
