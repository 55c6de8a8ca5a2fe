"""The station's scale over a real serial line: a pseudo-terminal pair, pyserial on the
slave side as on /dev/ttyUSB0, a thread in the test speaking the protocol on the master
side. What is real: pyserial, the tty, the bytes of each protocol; what is not: the scale."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from livenon_desk.domain.weighing import scale_protocols
from livenon_desk.errors import KnownError
from livenon_desk.paths import RESOURCES_DIR
from livenon_desk.services.desk_settings import FILE_NAME, DeskSettings, load_settings
from livenon_desk.services.scale import Scale, ScaleError, station_scale
from tests.scale_pty import pty_scale


def _scale(port: str, protocol: str = "sics", wait: float = 3) -> Scale:
    # Each look at the clock is a second later: the wait ends after a known number of
    # questions, however slow the machine.
    ticks = itertools.count()
    return Scale(port, scale_protocols()[protocol], wait_seconds=wait,
                 clock=lambda: float(next(ticks)))


def test_an_on_demand_scale_is_asked_and_its_settled_weight_read() -> None:
    with pty_scale([b"S S     12.34 kg\r\n"]) as scale:
        reading = _scale(scale.port).read_weight()
    assert (reading.grams, reading.stable) == (12340, True)
    assert scale.requests == [b"S\r\n"]


def test_a_moving_weight_is_asked_for_again_until_it_settles() -> None:
    answers = [b"S D     12.36 kg\r\n", b"S D     12.35 kg\r\n", b"S S     12.34 kg\r\n"]
    with pty_scale(answers) as scale:
        reading = _scale(scale.port, wait=10).read_weight()
    assert reading.grams == 12340
    assert scale.requests == [b"S\r\n"] * 3


def test_a_weight_that_never_settles_is_said_so() -> None:
    with pty_scale([b"S D      3.10 kg\r\n"]) as scale, \
            pytest.raises(ScaleError) as refused:
        _scale(scale.port, wait=2).read_weight()
    assert refused.value.message_id == "error.scale-not-settled"
    assert "did not settle within 2 s" in refused.value.message
    assert "未稳定" in refused.value.text("zh")


def test_a_continuous_scale_is_read_until_a_settled_line_comes() -> None:
    lines = [b"US,GS,+0003.20kg\r\n", b"US,GS,+0003.18kg\r\n", b"ST,GS,+0003.18kg\r\n"]
    with pty_scale(lines, continuous=True) as scale:
        reading = _scale(scale.port, "continuous", wait=30).read_weight()
    assert reading.grams == 3180
    assert scale.requests == []  # nothing is sent to a scale that talks on its own


def test_a_silent_scale_a_foreign_one_and_a_missing_port_are_told_apart(
    tmp_path: Path,
) -> None:
    with pty_scale([]) as scale, pytest.raises(ScaleError) as silent:
        _scale(scale.port, wait=1).read_weight()
    assert silent.value.message_id == "error.scale-no-answer"
    with pty_scale([b"\x02 0012.34 kg\x03\r\n"]) as scale, pytest.raises(ScaleError) as odd:
        _scale(scale.port, wait=1).read_weight()
    assert odd.value.message_id == "error.scale-not-understood"
    missing = str(tmp_path / "ttyUSB9")
    with pytest.raises(ScaleError) as absent:
        _scale(missing).read_weight()
    assert absent.value.message_id == "error.scale-not-open"
    assert missing in absent.value.message and "Type the weight" in absent.value.message


def test_the_scale_is_named_in_the_stations_settings(tmp_path: Path) -> None:
    default = RESOURCES_DIR / FILE_NAME
    assert station_scale(load_settings((default,))) is None  # none: the weight is typed
    user = tmp_path / FILE_NAME
    user.write_text('[scale]\nport = "/dev/ttyUSB0"\nprotocol = "continuous"\n'
                    "wait_seconds = 8\n", encoding="utf-8")
    scale = station_scale(load_settings((default, user)))
    assert scale is not None
    assert (scale.port, scale.protocol.key, scale.wait_seconds) == (
        "/dev/ttyUSB0", "continuous", 8)
    user.write_text('[scale]\nprotocol = "morse"\n', encoding="utf-8")
    with pytest.raises(KnownError, match='protocol must be one of "sics", "sics-immediate", '
                                         '"continuous"'):
        load_settings((default, user))
    assert station_scale(DeskSettings()) is None
