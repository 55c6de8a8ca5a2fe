"""Dates, times and money as printed: in the warehouse's time zone, in the document's language."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from livenon_desk.documents.data import Lang
from livenon_desk.domain.money import format_money

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(value: date | datetime | None, lang: Lang, zone: str | None = None) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = _local(value, zone).date()
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"


def moment(value: datetime | None, lang: Lang, zone: str | None = None) -> str:
    """``Jul 3, 2025 14:05 PDT``: a time in the warehouse's zone, with the zone's name."""
    if value is None:
        return "—"
    local = _local(value, zone)
    suffix = f" {local.tzname()}" if local.tzinfo is not None else ""
    return f"{day(local, lang)} {local:%H:%M}{suffix}"


def money(amount: Decimal, currency: str | None = None) -> str:
    """``USD 1,299.00``, ``JPY 129,900``: the currency's own minor unit when it is named."""
    if currency is None:
        return format_money(amount)
    return f"{currency} {format_money(amount, currency)}"


def _local(value: datetime, zone: str | None) -> datetime:
    if zone is None or value.tzinfo is None:
        return value
    return value.astimezone(ZoneInfo(zone))
