"""Sending a ZPL job to the station's label printer: raw over TCP (a Zebra's port 9100) or
through a raw CUPS queue (``lp -d QUEUE -o raw``). The one place of the desk that opens a
socket to a device.

Raw TCP says nothing back about what it received, so before a job the printer is asked for
its host status (``~HS``): a printer that does not answer in time, or answers that its
paper is out or its head is open, gets no job, and the caller marks nothing printed. A
compatible printer that does not speak ``~HS`` is set up with ``ask_status = false``
([label_printer] in the desk's settings).
"""

from __future__ import annotations

import logging
import socket
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from livenon_desk.documents.zpl import GraphicEncoding, zpl_labels
from livenon_desk.errors import KnownError

if TYPE_CHECKING:
    from livenon_desk.services.desk_settings import DeskSettings

log = logging.getLogger(__name__)

DEFAULT_PORT = 9100
STX, ETX = b"\x02", b"\x03"
HOST_STATUS = b"~HS\r\n"


class LabelPrinterError(KnownError):
    """The label printer could not be reached, did not answer, or is not ready: the job
    was not sent (or not wholly), and nothing is marked printed."""


@dataclass(frozen=True)
class PrinterAddress:
    """Where a job goes: ``tcp://HOST[:PORT]`` or ``cups:QUEUE``."""

    scheme: Literal["tcp", "cups"]
    target: str  # the host, or the CUPS queue
    port: int = DEFAULT_PORT

    def __str__(self) -> str:
        if self.scheme == "cups":
            return f"cups:{self.target}"
        host = f"[{self.target}]" if ":" in self.target else self.target
        return f"tcp://{host}:{self.port}"


def parse_address(text: str) -> PrinterAddress:
    """``tcp://HOST[:PORT]`` (port 9100 unless given; an IPv6 host in brackets) or
    ``cups:QUEUE``; anything else is refused with the forms it takes."""
    if text.startswith("cups:"):
        queue = text.removeprefix("cups:")
        if queue and not queue.startswith("-") and queue.isprintable() and " " not in queue:
            return PrinterAddress("cups", queue)
    elif text.startswith("tcp://"):
        rest = text.removeprefix("tcp://").rstrip("/")
        host, port = rest, str(DEFAULT_PORT)
        if rest.startswith("["):
            host, _, after = rest[1:].partition("]")
            if after.startswith(":"):
                port = after[1:]
            elif after:
                host = ""
        elif ":" in rest:
            host, _, port = rest.rpartition(":")
        if host and port.isdigit() and 1 <= int(port) <= 65535:
            return PrinterAddress("tcp", host, int(port))
    raise KnownError("error.printer-address", address=text)


@dataclass(frozen=True)
class HostStatus:
    """What a printer's ``~HS`` answer says stops it printing."""

    paper_out: bool
    paused: bool
    head_open: bool


def parse_host_status(answer: bytes) -> HostStatus | None:
    """The flags of a ``~HS`` answer (three STX ... ETX strings); None if it is not one."""
    strings = [part.split(ETX, 1)[0].decode("ascii", "replace")
               for part in answer.split(STX)[1:]]
    if len(strings) < 2:
        return None
    first, second = strings[0].split(","), strings[1].split(",")
    if len(first) < 3 or len(second) < 3:
        return None
    return HostStatus(paper_out=first[1].strip() == "1", paused=first[2].strip() == "1",
                      head_open=second[2].strip() == "1")


@dataclass(frozen=True)
class LabelPrinter:
    """The station's label printer: where it is and how it prints (the desk's settings,
    [label_printer] and [label_stock], or the command line's ``--zpl`` and ``--dpi``)."""

    address: PrinterAddress
    dpi: int
    darkness: int = 0
    timeout: float = 10.0
    ask_status: bool = True
    encoding: GraphicEncoding = GraphicEncoding.ASCII

    def print_pages(self, pdf: bytes) -> int:
        """Every page of ``pdf`` (label stock) as one ZPL job; returns the bytes sent."""
        labels = zpl_labels(pdf, self.dpi, self.darkness, self.encoding)
        send_job(self.address, labels, timeout=self.timeout, ask_status=self.ask_status)
        return sum(len(label) for label in labels)


def station_printer(settings: DeskSettings, address: PrinterAddress,
                    dpi: int | None = None) -> LabelPrinter:
    """The printer at ``address`` as the desk's settings describe it; ``dpi`` when given
    (the command line's ``--dpi``) rather than the settings' resolution."""
    return LabelPrinter(address, dpi or settings.label_printer_dpi,
                        darkness=settings.label_printer_darkness,
                        timeout=settings.label_printer_timeout_seconds,
                        ask_status=settings.label_printer_ask_status)


def lp_command(queue: str) -> list[str]:
    """The command that hands a job to a CUPS queue untouched by any filter."""
    return ["lp", "-d", queue, "-o", "raw", "-"]


def send_job(address: PrinterAddress, labels: Sequence[bytes], *, timeout: float,
             ask_status: bool = True) -> None:
    """Send the job, its ``labels`` (one ZPL format each) in order, whole to the printer,
    or raise ``LabelPrinterError``."""
    if address.scheme == "cups":
        _send_to_queue(address, b"".join(labels), timeout)
    else:
        _send_over_tcp(address, labels, timeout, ask_status)
    log.info("sent %d labels to %s", len(labels), address)


def printer_ready(address: PrinterAddress, *, timeout: float) -> None:
    """Raise ``LabelPrinterError`` unless the printer takes a connection and says it is
    ready (~HS), or its CUPS queue exists and accepts jobs; nothing is printed."""
    where = str(address)
    if address.scheme == "cups":
        done = _cups(["lpstat", "-a", address.target], where, timeout)
        if done.returncode != 0 or b"not accepting" in done.stdout:
            said = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()
            raise LabelPrinterError("error.printer-queue-refused", printer=where,
                                    reason=said[0] if said else done.returncode)
        return
    with _network_errors(where, timeout), socket.create_connection(
            (address.target, address.port), timeout=timeout) as connection:
        _check_ready(connection, where)


def _send_over_tcp(address: PrinterAddress, labels: Sequence[bytes], timeout: float,
                   ask_status: bool) -> None:
    where = str(address)
    with _network_errors(where, timeout), socket.create_connection(
            (address.target, address.port), timeout=timeout) as connection:
        if ask_status:
            _check_ready(connection, where)
        # A printer takes a long batch only as fast as it prints it, once its buffer is
        # full: the timeout is for each label, and one it stalls on says how far it got.
        for index, label in enumerate(labels):
            try:
                connection.sendall(label)
            except TimeoutError:
                if index == 0:
                    raise
                raise LabelPrinterError("error.printer-stopped", printer=where, sent=index,
                                        total=len(labels), seconds=_seconds(timeout)
                                        ) from None
        connection.shutdown(socket.SHUT_WR)


@contextmanager
def _network_errors(where: str, timeout: float) -> Iterator[None]:
    """A socket's errors in the words of the catalogue: refused, no answer in time,
    anything else (no route, unknown host, reset) with the system's reason."""
    try:
        yield
    except ConnectionRefusedError:
        raise LabelPrinterError("error.printer-refused", printer=where) from None
    except TimeoutError:
        raise LabelPrinterError("error.printer-no-answer", printer=where,
                                seconds=_seconds(timeout)) from None
    except OSError as exc:
        raise LabelPrinterError("error.printer-unreachable", printer=where,
                                reason=exc.strerror or exc) from None


def _check_ready(connection: socket.socket, where: str) -> None:
    connection.sendall(HOST_STATUS)
    answer = b""
    while answer.count(ETX) < 3:
        try:
            chunk = connection.recv(1024)
        except TimeoutError:
            if not answer:
                raise  # a silent printer: no answer at all
            break  # an answer, but not the whole of one: read below as no status
        if not chunk:
            break
        answer += chunk
    status = parse_host_status(answer)
    if status is None:
        raise LabelPrinterError("error.printer-no-status", printer=where)
    if status.paper_out:
        raise LabelPrinterError("error.printer-paper-out", printer=where)
    if status.head_open:
        raise LabelPrinterError("error.printer-head-open", printer=where)
    if status.paused:
        # A paused printer keeps the job and prints it when resumed: sent, not refused.
        log.warning("%s is paused; the job waits on it", where)


def _cups(command: list[str], where: str, timeout: float, job: bytes | None = None
          ) -> subprocess.CompletedProcess[bytes]:
    """A CUPS command's result; CUPS not installed or not answering in time as the printer's
    errors."""
    try:
        return subprocess.run(command, input=job, capture_output=True, timeout=timeout,
                              check=False)
    except FileNotFoundError:
        raise LabelPrinterError("error.printer-no-lp", printer=where) from None
    except subprocess.TimeoutExpired:
        raise LabelPrinterError("error.printer-no-answer", printer=where,
                                seconds=_seconds(timeout)) from None


def _send_to_queue(address: PrinterAddress, job: bytes, timeout: float) -> None:
    where = str(address)
    done = _cups(lp_command(address.target), where, timeout, job)
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        raise LabelPrinterError("error.printer-queue-refused", printer=where,
                                reason=said[0] if said else done.returncode)


def _seconds(timeout: float) -> str:
    return f"{timeout:g}"
