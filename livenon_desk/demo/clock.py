"""Fast moments for bulk rows: warehouse-local days in, naive-UTC strings out.

A moment is an ``int`` of seconds since 1970 (UTC). Days are proleptic ordinals
(``date.toordinal()``) in the warehouse's time zone. The strings are exactly what
SQLAlchemy's SQLite ``DateTime`` writes, so ``UTCDateTime`` reads them back as aware UTC
datetimes; formatting a million of them with ``strftime`` would cost seconds, a lookup
per day and per second of the day costs nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from livenon_desk.domain.business_days import BusinessCalendar

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_DAY = 86_400
_DAYS_BACK = 1500


class DemoClock:
    """Turns local days and times into UTC moments, and moments into stored strings."""

    def __init__(self, today: date, zone: ZoneInfo, calendar: BusinessCalendar) -> None:
        self.today = today.toordinal()
        self.zone = zone
        self.calendar = calendar
        self._offsets: dict[int, int] = {}
        # The days a demo's moments fall on (UTC): a list lookup is all ``text`` costs.
        self._first_day = self.today - _EPOCH_ORDINAL - _DAYS_BACK
        self._day_texts = [
            date.fromordinal(self.today - _DAYS_BACK + i).isoformat() for i in range(_DAYS_BACK + 2)
        ]
        self._compact: dict[int, str] = {}
        self._years: dict[int, int] = {}
        self._times = [
            f" {h:02d}:{m:02d}:{s:02d}.000000" for h in range(24) for m in range(60)
            for s in range(60)
        ]
        # Business days counted back from today: [0] is today, or the last one before it.
        back: list[int] = []
        day = today
        while len(back) < 400:
            if calendar.is_business_day(day):
                back.append(day.toordinal())
            day -= timedelta(days=1)
        self.business_days_back = back
        self._next_business: dict[int, int] = {}
        # The end of the desk's working day today: nothing in the demo happens later.
        self.now = self.moment(self.today, 17 * 3600)

    def moment(self, day: int, seconds: int) -> int:
        """``seconds`` after local midnight of ``day``; valid from 03:00 on a DST switch day."""
        offset = self._offsets.get(day)
        if offset is None:
            noon = datetime.fromordinal(day).replace(hour=12, tzinfo=self.zone)
            delta = noon.utcoffset() or timedelta()
            offset = self._offsets[day] = int(delta.total_seconds())
        return (day - _EPOCH_ORDINAL) * _DAY + seconds - offset

    def text(self, moment: int) -> str:
        """The stored form: ``YYYY-MM-DD HH:MM:SS.ffffff``, naive UTC."""
        index = moment // _DAY - self._first_day
        if 0 <= index < len(self._day_texts):
            return self._day_texts[index] + self._times[moment % _DAY]
        day = date.fromordinal(moment // _DAY + _EPOCH_ORDINAL)
        return day.isoformat() + self._times[moment % _DAY]

    def utc_compact_date(self, moment: int) -> str:
        """``YYYYMMDD`` of the moment's UTC date (order numbers carry it)."""
        day = moment // _DAY
        text = self._compact.get(day)
        if text is None:
            text = self._compact[day] = date.fromordinal(day + _EPOCH_ORDINAL).strftime("%Y%m%d")
        return text

    def year(self, day: int) -> int:
        found = self._years.get(day)
        if found is None:
            found = self._years[day] = date.fromordinal(day).year
        return found

    def next_business_day(self, day: int) -> int:
        """The first business day strictly after ``day``."""
        found = self._next_business.get(day)
        if found is None:
            start = date.fromordinal(day)
            found = self.calendar.add_business_days(start, 1).toordinal()
            self._next_business[day] = found
        return found

    def local_date(self, moment: int) -> date:
        """The warehouse-local calendar day of ``moment`` (for tests and E2 checks)."""
        return datetime.fromtimestamp(moment, UTC).astimezone(self.zone).date()
