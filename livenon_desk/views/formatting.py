"""Dates, times and money as the chosen locale writes them, in the warehouse's time zone
(from the return policy file), with the zone named wherever a time could be misread."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QByteArray, QDate, QDateTime, QLocale, QTime, QTimeZone

from livenon_desk.domain.money import minor_digits
from livenon_desk.services.warehouse_time import warehouse_zone, zone_abbreviation


def format_date(value: date | datetime | None, locale: QLocale | None = None,
                tz: ZoneInfo | None = None) -> str:
    """A day, or a moment shown as the warehouse's wall-clock time with its zone
    ("11/30/26 8:53 AM PST"); "—" for none."""
    loc = locale or QLocale()
    if value is None:
        return "—"
    if isinstance(value, datetime):
        zone = tz or warehouse_zone()
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        local = aware.astimezone(zone)
        moment = QDateTime(QDate(local.year, local.month, local.day),
                           QTime(local.hour, local.minute))
        text = loc.toString(moment, QLocale.FormatType.ShortFormat)
        return f"{text} {zone_abbreviation(aware, zone)}"
    return loc.toString(QDate(value.year, value.month, value.day),
                        QLocale.FormatType.ShortFormat)


def format_day(moment: datetime | None, locale: QLocale | None = None) -> str:
    """The warehouse's calendar day of a moment; "" for none."""
    if moment is None:
        return ""
    local = moment.astimezone(warehouse_zone())
    return (locale or QLocale()).toString(QDate(local.year, local.month, local.day),
                                          QLocale.FormatType.ShortFormat)


def format_time(moment: datetime, locale: QLocale | None = None,
                now: datetime | None = None) -> str:
    """A moment's time of day in the warehouse with its zone ("8:53 AM PST"), and the
    day too unless it is the warehouse's today."""
    zone = warehouse_zone()
    local = moment.astimezone(zone)
    today = (now or datetime.now(UTC)).astimezone(zone).date()
    if local.date() != today:
        return format_date(moment, locale)
    loc = locale or QLocale()
    text = loc.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{text} {zone_abbreviation(moment, zone)}"


def warehouse_qtimezone() -> QTimeZone:
    """The warehouse's zone for Qt's date-time editors."""
    return QTimeZone(QByteArray(warehouse_zone().key.encode()))


def to_warehouse_qdatetime(moment: datetime) -> QDateTime:
    """A moment for a date-time editor that shows and takes the warehouse's wall clock."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), warehouse_qtimezone())


def qdatetime_to_utc(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=UTC)


def format_money(amount: Decimal, currency: str, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    # The currency's own minor unit (JPY 0, KWD 3), not the locale's two digits.
    return loc.toCurrencyString(float(amount), currency + " ", minor_digits(currency))


def format_count(n: int, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(n)
