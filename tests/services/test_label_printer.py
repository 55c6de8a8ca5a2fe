"""Sending ZPL to a label printer: a real TCP peer on 127.0.0.1 takes the job; a refused
connection, a printer that never answers, paper out and an open head each stop the job
with the catalogue's words; a CUPS queue gets the job through ``lp``."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from livenon_desk.errors import KnownError
from livenon_desk.services.label_printer import (
    HostStatus,
    LabelPrinterError,
    PrinterAddress,
    lp_command,
    parse_address,
    parse_host_status,
    send_job,
)
from tests.printer_listener import closed_port, host_status, listening

LABELS = [b"^XA\n^FO0,0^GFA,2,2,1,FF00^FS\n^XZ\n"] * 3
JOB = b"".join(LABELS)


def test_addresses_name_a_tcp_port_or_a_cups_queue() -> None:
    assert parse_address("tcp://10.0.0.7") == PrinterAddress("tcp", "10.0.0.7", 9100)
    assert parse_address("tcp://zebra-3:6101") == PrinterAddress("tcp", "zebra-3", 6101)
    assert parse_address("tcp://[fe80::1]:9100") == PrinterAddress("tcp", "fe80::1", 9100)
    assert str(parse_address("tcp://[fe80::1]")) == "tcp://[fe80::1]:9100"
    assert parse_address("cups:Zebra_ZD421") == PrinterAddress("cups", "Zebra_ZD421")
    for wrong in ("10.0.0.7:9100", "tcp://", "tcp://host:0", "tcp://host:port", "cups:",
                  "cups:-d", "http://host"):
        with pytest.raises(KnownError) as refused:
            parse_address(wrong)
        assert refused.value.message_id == "error.printer-address"
        assert "tcp://HOST:PORT" in refused.value.message
        assert "cups:" in refused.value.text("zh")


def test_a_ready_printer_is_asked_its_status_then_takes_the_whole_job() -> None:
    with listening() as printer:
        send_job(parse_address(printer.address), LABELS, timeout=5)
        [received] = printer.wait_for(1)
    assert received == b"~HS\r\n" + JOB  # one connection: the question, then the job


def test_without_the_status_question_the_job_alone_is_sent() -> None:
    with listening(answer=None) as printer:
        send_job(parse_address(printer.address), LABELS, timeout=5, ask_status=False)
        assert printer.wait_for(1) == [JOB]


@pytest.mark.parametrize(("answer", "message_id"), [
    (host_status(paper_out=True), "error.printer-paper-out"),
    (host_status(head_open=True), "error.printer-head-open"),
    (b"\x02garbage\x03\r\n", "error.printer-no-status"),
])
def test_a_printer_that_is_not_ready_gets_no_job(answer: bytes, message_id: str) -> None:
    with listening(answer) as printer:
        with pytest.raises(LabelPrinterError) as refused:
            send_job(parse_address(printer.address), LABELS, timeout=1)
        assert printer.wait_for(1) == [b"~HS\r\n"]
    assert refused.value.message_id == message_id
    assert printer.address in refused.value.message
    assert printer.address in refused.value.text("zh")


def test_a_paused_printer_takes_the_job_it_will_print_when_resumed() -> None:
    with listening(host_status(paused=True)) as printer:
        send_job(parse_address(printer.address), LABELS, timeout=5)
        assert printer.wait_for(1) == [b"~HS\r\n" + JOB]


def test_a_refused_connection_says_so() -> None:
    address = parse_address(f"tcp://127.0.0.1:{closed_port()}")
    with pytest.raises(LabelPrinterError) as refused:
        send_job(address, LABELS, timeout=2)
    assert refused.value.message_id == "error.printer-refused"
    assert str(address) in refused.value.message
    assert "拒绝" in refused.value.text("zh")


def test_a_printer_that_never_answers_times_out_before_the_job() -> None:
    with listening(answer=None) as printer:
        with pytest.raises(LabelPrinterError) as silent:
            send_job(parse_address(printer.address), LABELS, timeout=0.3)
        assert printer.wait_for(1) == [b"~HS\r\n"]
    assert silent.value.message_id == "error.printer-no-answer"
    assert "0.3 s" in silent.value.message and "0.3 秒" in silent.value.text("zh")


def test_host_status_flags() -> None:
    assert parse_host_status(host_status()) == HostStatus(False, False, False)
    assert parse_host_status(host_status(paper_out=True, head_open=True)) == HostStatus(
        paper_out=True, paused=False, head_open=True)
    assert parse_host_status(b"") is None


def test_a_cups_queue_gets_the_job_raw_through_lp(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert lp_command("Zebra_ZD421") == ["lp", "-d", "Zebra_ZD421", "-o", "raw", "-"]
    # An lp of our own on the PATH keeps its arguments and the job it reads.
    kept = tmp_path / "kept"
    fake = tmp_path / "bin" / "lp"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\necho "$@" > {kept}.args\ncat > {kept}.job\n'
                    'test "$2" = "Zebra_ZD421" || { echo "lp: The printer or class does '
                    'not exist." >&2; exit 1; }\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    send_job(parse_address("cups:Zebra_ZD421"), LABELS, timeout=5)
    assert Path(f"{kept}.args").read_text(encoding="utf-8").split() == [
        "-d", "Zebra_ZD421", "-o", "raw", "-"]
    assert Path(f"{kept}.job").read_bytes() == JOB
    with pytest.raises(LabelPrinterError) as refused:
        send_job(parse_address("cups:Nowhere"), LABELS, timeout=5)
    assert refused.value.message_id == "error.printer-queue-refused"
    assert "does not exist" in refused.value.message


def test_without_lp_a_cups_queue_says_cups_is_missing(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LabelPrinterError) as missing:
        send_job(parse_address("cups:Zebra_ZD421"), LABELS, timeout=5)
    assert missing.value.message_id == "error.printer-no-lp"


def test_a_printer_that_stops_taking_a_long_batch_says_how_far_it_got() -> None:
    # Labels of 2 MB each: the printer reads the first 3 MB, then its buffer is full and
    # it never reads again, as a printer with its head opened mid-batch does.
    labels = [b"^XA\n^FX" + bytes([65 + i]) * 2_000_000 + b"\n^XZ\n" for i in range(8)]
    with listening(read_limit=3_000_000) as printer, \
            pytest.raises(LabelPrinterError) as stopped:
        send_job(parse_address(printer.address), labels, timeout=0.5)
    [received] = printer.connections  # kept when the printer was switched off
    assert stopped.value.message_id == "error.printer-stopped"
    message = stopped.value.message
    assert "of its 8 labels" in message and "for 0.5 s" in message
    sent = int(message.split(" after ")[1].split(" of ")[0])
    assert 1 <= sent < 8
    assert len(received) >= 3_000_000 and received.startswith(b"~HS\r\n")
