"""Zones and bins with their capacity, and what a put-away must respect.

A unit is routed to a zone; it may be put in any bin of that zone that has room. A scan
of a bin of another zone, of a full bin or of no bin at all is refused with where the unit
should go instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from livenon_desk.catalogue import Localized
from livenon_desk.errors import ValidationError


@dataclass(frozen=True)
class Zone:
    id: str
    name_en: str
    name_zh: str
    capacity: int  # units one bin of the zone holds
    bins: tuple[str, ...]

    @property
    def words(self) -> Localized:
        return Localized(self.name_en, self.name_zh)


@dataclass(frozen=True)
class Layout:
    zones: tuple[Zone, ...]

    def zone(self, zone_id: str) -> Zone | None:
        return next((z for z in self.zones if z.id == zone_id), None)

    def zone_of_bin(self, bin_code: str) -> Zone | None:
        return next((z for z in self.zones if bin_code in z.bins), None)

    @property
    def bin_codes(self) -> tuple[str, ...]:
        return tuple(b for z in self.zones for b in z.bins)


def suggest_bin(zone: Zone, occupancy: Mapping[str, int]) -> str | None:
    """The zone's first bin with room (the one to send a refused put-away to), or None."""
    return next((b for b in zone.bins if occupancy.get(b, 0) < zone.capacity), None)


def check_put_away(layout: Layout, unit_code: str, zone_id: str, bin_code: str,
                   occupancy: Mapping[str, int]) -> None:
    """Refuse a bin that is unknown, of another zone than the unit's route, or full, saying
    where the unit should go; ``occupancy`` counts the units in each bin of the zone now."""
    zone = layout.zone(zone_id)
    if zone is None:
        raise ValueError(f"unit {unit_code} routed to zone {zone_id!r}, which the policy lacks")
    suggestion = suggest_bin(zone, occupancy) or "—"
    found = layout.zone_of_bin(bin_code)
    if found is None:
        raise ValidationError("error.bin-unknown", code=bin_code, unit=unit_code,
                              zone=zone.words, bin=suggestion)
    if found.id != zone.id:
        raise ValidationError("error.bin-wrong-zone", code=bin_code, unit=unit_code,
                              bin_zone=found.words, zone=zone.words, bin=suggestion)
    if occupancy.get(bin_code, 0) >= zone.capacity:
        raise ValidationError("error.bin-full", code=bin_code, unit=unit_code,
                              capacity=zone.capacity, zone=zone.words, bin=suggestion)
