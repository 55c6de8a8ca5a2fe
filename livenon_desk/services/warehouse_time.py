"""The warehouse's clock: every time a person sees or enters is in the zone the return
policy file names (``[warehouse] time_zone``), whatever the workstation's clock says."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from livenon_desk.domain.policy import default_policies


def warehouse_zone() -> ZoneInfo:
    """The zone of the policy in effect last; each policy file names it."""
    return default_policies().latest.time_zone


def zone_abbreviation(moment: datetime, zone: ZoneInfo | None = None) -> str:
    """"PST" or "PDT": what tells a reader which clock a time was read from."""
    return moment.astimezone(zone or warehouse_zone()).tzname() or str(zone)
