"""The station's scale: a weight read over its serial line (a COM port on Windows, a
/dev/ttyUSB0 or /dev/ttyACM0 on Linux; a USB scale shows as one of these) with pyserial.
The one place of the desk that opens a serial port.

Only a settled weight counts. An on-demand scale is asked again while it answers that its
weight still moves; a continuous one is read until a settled line comes. Either gets the
settings' ``wait_seconds`` to settle, after which the person is told to let the parcel
rest and try again, or to type the weight.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import serial

from livenon_desk.domain.weighing import Reading, ScaleProtocol, parse_line, scale_protocols
from livenon_desk.errors import KnownError

if TYPE_CHECKING:
    from livenon_desk.services.desk_settings import DeskSettings

log = logging.getLogger(__name__)

# How long one line may take to arrive once asked for.
LINE_SECONDS = 1.0
# Between two questions to an on-demand scale whose weight still moves.
ASK_AGAIN_SECONDS = 0.2


class ScaleError(KnownError):
    """The scale could not be opened, did not answer, or gave no settled weight."""


@dataclass(frozen=True)
class Scale:
    """A scale on ``port`` speaking ``protocol``."""

    port: str
    protocol: ScaleProtocol
    wait_seconds: float = 5.0
    clock: Callable[[], float] = time.monotonic

    def read_weight(self) -> Reading:
        """The settled weight on the scale now, or ``ScaleError`` saying why there is none."""
        try:
            line = serial.serial_for_url(self.port, baudrate=self.protocol.baud_rate,
                                         timeout=LINE_SECONDS, write_timeout=LINE_SECONDS)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise ScaleError("error.scale-not-open", port=self.port,
                             reason=_reason(exc)) from None
        with line:
            try:
                return self._settled(line)
            except serial.SerialException as exc:
                raise ScaleError("error.scale-not-open", port=self.port,
                                 reason=_reason(exc)) from None

    def _settled(self, line: serial.Serial) -> Reading:
        line.reset_input_buffer()  # a continuous scale's old lines say nothing of now
        until = self.clock() + self.wait_seconds
        heard = moving = False
        while True:
            if not self.protocol.continuous:
                line.write(self.protocol.request)
            raw = line.readline()
            if raw:
                heard = True
                reading = parse_line(self.protocol, raw.decode("ascii", "replace"))
                if reading is not None and reading.stable:
                    log.info("scale on %s: %d g", self.port, reading.grams)
                    return reading
                moving = moving or reading is not None
            if self.clock() >= until:
                break
            if not self.protocol.continuous:
                time.sleep(ASK_AGAIN_SECONDS)
        if moving:
            raise ScaleError("error.scale-not-settled", port=self.port,
                             seconds=f"{self.wait_seconds:g}")
        if heard:
            raise ScaleError("error.scale-not-understood", port=self.port,
                             protocol=self.protocol.name)
        raise ScaleError("error.scale-no-answer", port=self.port,
                         seconds=f"{self.wait_seconds:g}")


def station_scale(settings: DeskSettings) -> Scale | None:
    """The station's scale as [scale] names it; None when it names none (the weight is
    then typed)."""
    if not settings.scale_port:
        return None
    return Scale(settings.scale_port, scale_protocols()[settings.scale_protocol],
                 wait_seconds=settings.scale_wait_seconds)


def _reason(exc: BaseException) -> str:
    strerror = getattr(exc, "strerror", None)
    return str(strerror or exc)
