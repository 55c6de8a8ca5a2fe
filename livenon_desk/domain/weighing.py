"""A parcel's weight: what a scale's line says (its protocol is data, in
``resources/scale_protocols.toml``), and a weight typed by a person. Weights are kept in
whole grams; a scale's pounds and ounces are turned into grams here."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from livenon_desk.errors import KnownError, ValidationError
from livenon_desk.paths import RESOURCES_DIR

PROTOCOLS_FILE = RESOURCES_DIR / "scale_protocols.toml"
# Grams in one of each unit a scale may send (lower case).
_GRAMS_PER = {"g": Decimal(1), "kg": Decimal(1000), "lb": Decimal("453.59237"),
              "lbs": Decimal("453.59237"), "oz": Decimal("28.349523125")}
# The heaviest parcel a person may type: a pallet of furniture, not a typo.
MAX_GRAMS = 2_000_000


@dataclass(frozen=True)
class ScaleProtocol:
    """How one kind of scale speaks over its serial line."""

    key: str
    name: str
    request: bytes  # b"" for a scale that sends continuously
    pattern: re.Pattern[str]
    stable: str
    baud_rate: int

    @property
    def continuous(self) -> bool:
        return not self.request


@dataclass(frozen=True)
class Reading:
    """One line of the scale understood: the weight and whether it had settled."""

    grams: int
    stable: bool


def parse_line(protocol: ScaleProtocol, line: str) -> Reading | None:
    """The reading in ``line``; None for a line that is not a weight (a busy or overload
    answer, noise, half a line)."""
    match = protocol.pattern.match(line.strip("\r\n\x00\x02\x03 "))
    if match is None:
        return None
    per = _GRAMS_PER.get(match.group("unit").lower())
    if per is None:
        return None
    try:
        weight = Decimal(match.group("weight").replace(" ", ""))
    except InvalidOperation:
        return None
    grams = int((weight * per).to_integral_value(ROUND_HALF_UP))
    return Reading(grams, match.group("status") == protocol.stable)


def parse_typed_weight(text: str) -> int | None:
    """A weight typed in kilograms ("12.34", "12,34", "12.34 kg") as grams; None when the
    field is empty. Refused: anything else, nothing or less, or more than a pallet."""
    cleaned = text.strip().lower().removesuffix("kg").strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        kilograms = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError("error.weight-not-a-number", text=text.strip()) from None
    grams = int((kilograms * 1000).to_integral_value(ROUND_HALF_UP))
    if not kilograms.is_finite() or not 0 < grams <= MAX_GRAMS:
        raise ValidationError("error.receipt-weight-out-of-range", text=text.strip(),
                              most=MAX_GRAMS // 1000)
    return grams


def kilograms_text(grams: int) -> str:
    """Grams as the desk shows a weight: kilograms with three decimals at most."""
    return f"{(Decimal(grams) / 1000).normalize():f}"


@cache
def scale_protocols(path: Path = PROTOCOLS_FILE) -> dict[str, ScaleProtocol]:
    """The protocols the file describes, by their key; a wrong entry is refused by name."""
    with path.open("rb") as f:
        data = tomllib.load(f)
    found: dict[str, ScaleProtocol] = {}
    for key, entry in data.get("protocols", {}).items():
        try:
            found[key] = _protocol(key, entry)
        except (KeyError, ValueError, TypeError, re.error) as exc:
            raise KnownError("error.scale-protocol-wrong", path=path, key=key,
                             reason=exc) from exc
    return found


def _protocol(key: str, entry: dict[str, Any]) -> ScaleProtocol:
    pattern = re.compile(entry["pattern"])
    if not {"status", "weight", "unit"} <= set(pattern.groupindex):
        raise ValueError("the pattern needs the groups status, weight and unit")
    return ScaleProtocol(key=key, name=str(entry["name"]),
                         request=str(entry["request"]).encode("ascii"), pattern=pattern,
                         stable=str(entry["stable"]), baud_rate=int(entry["baud_rate"]))
