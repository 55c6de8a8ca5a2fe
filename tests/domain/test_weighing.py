"""A scale's line read by its protocol (data, not code), and a weight typed in kilograms,
both kept in whole grams."""

from __future__ import annotations

from pathlib import Path

import pytest

from livenon_desk.domain.weighing import (
    Reading,
    kilograms_text,
    parse_line,
    parse_typed_weight,
    scale_protocols,
)
from livenon_desk.errors import KnownError, ValidationError


@pytest.mark.parametrize(("protocol", "line", "reading"), [
    ("sics", "S S     12.34 kg\r\n", Reading(12340, True)),
    ("sics", "S D     12.36 kg", Reading(12360, False)),
    ("sics", "S S      1250 g", Reading(1250, True)),
    ("sics", "S S     10.00 lb", Reading(4536, True)),
    ("sics", "S I", None),  # busy
    ("sics", "ES", None),  # an error answer
    ("sics-immediate", "S D      0.75 kg", Reading(750, False)),
    ("continuous", "ST,GS,+0012.34kg", Reading(12340, True)),
    ("continuous", "US,NT,+0000.50kg", Reading(500, False)),
    ("continuous", "ST,GS,+  12.34 kg", Reading(12340, True)),
    ("continuous", "OL,GS,+9999.99kg", Reading(9999990, False)),
    ("continuous", "ST,GS,+0012.34xx", None),  # a unit the desk does not know
])
def test_each_protocols_lines_are_read(protocol: str, line: str,
                                       reading: Reading | None) -> None:
    assert parse_line(scale_protocols()[protocol], line) == reading


def test_a_typed_weight_is_kilograms() -> None:
    assert parse_typed_weight("") is None
    assert parse_typed_weight("  ") is None
    assert parse_typed_weight("23.5") == 23500
    assert parse_typed_weight("23,5 kg") == 23500
    assert parse_typed_weight("0.0125") == 13
    for wrong, message_id in (("heavy", "error.weight-not-a-number"),
                              ("0", "error.receipt-weight-out-of-range"),
                              ("-2", "error.receipt-weight-out-of-range"),
                              ("2001", "error.receipt-weight-out-of-range")):
        with pytest.raises(ValidationError) as refused:
            parse_typed_weight(wrong)
        assert refused.value.message_id == message_id
        assert refused.value.text("zh") != refused.value.message
    assert kilograms_text(23500) == "23.5"
    assert kilograms_text(12340) == "12.34"
    assert kilograms_text(4000) == "4"


def test_a_protocol_without_the_groups_it_needs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scale_protocols.toml"
    path.write_text("[protocols.bad]\nname = 'x'\nrequest = ''\npattern = '(?P<weight>\\d+)'\n"
                    "stable = 'S'\nbaud_rate = 9600\n", encoding="utf-8")
    with pytest.raises(KnownError, match=r"\[protocols.bad\] is not usable"):
        scale_protocols(path)
