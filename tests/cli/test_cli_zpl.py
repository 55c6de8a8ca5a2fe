"""`livenon-desk print ... --zpl`: labels and tags sent to a label printer on 127.0.0.1 as
one job, read back as the printer would (formats, graphic fields, barcodes); a printer that
refuses or never answers gets nothing marked printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from livenon_desk.cli import exit_codes, main
from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.models import AuditEvent
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.store.database import Store
from tests.builders import NOW, LineSpec, add_return
from tests.documents import zpl_reading as zpl
from tests.printer_listener import closed_port, host_status, listening


def _printed(store: Store) -> list[dict[str, object]]:
    with store.read_session() as s:
        return [dict(e.after or {}) for e in s.scalars(
            select(AuditEvent).where(AuditEvent.action == "printed"))]


def _codes(job: bytes) -> list[list[tuple[str, str]]]:
    """Per label of the job, the barcodes read off its graphic fields."""
    return [sorted(code for picture in label.graphics() for code in zpl.barcodes(picture))
            for label in zpl.labels(job)]


def test_a_batch_of_labels_and_of_tags_is_one_job_with_one_label_a_carton(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    received = [add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                           lines=[LineSpec(cartons=cartons)]) for cartons in (1, 3)]
    add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW, restricted=True,
               restricted_reason="legal hold")
    with listening() as printer:
        assert main(["print", "labels", "--db", str(store.path), "--status", "received",
                     "--zpl", printer.address]) == exit_codes.OK
        assert main(["print", "tags", "--db", str(store.path), "--status", "received",
                     "--zpl", printer.address, "--dpi", "300"]) == exit_codes.OK
        labels, tags = printer.wait_for(2)
    for job in (labels, tags):
        assert job.startswith(b"~HS\r\n")  # then the job, on the same connection
    first, second = received
    assert sorted(_codes(labels[5:])) == sorted(
        [[("Code128", first.rma_number), ("QRCode", first.rma_number)]]
        + [[("Code128", second.rma_number), ("QRCode", second.rma_number)]] * 3)
    sofa = "LVN-SOF-0001"
    def tag(lpn: str) -> list[tuple[str, str]]:  # a carton's licence plate, bars and QR
        return sorted([("Code128", lpn), ("Code128", sofa), ("QRCode", lpn)])

    assert sorted(_codes(tags[5:])) == sorted(
        [tag(f"{first.tag_codes[0]}-U1")]
        + [tag(f"{second.tag_codes[0]}-U{n}") for n in (1, 2, 3)])
    assert {label.values("^PW")[0] for label in zpl.labels(labels[5:])} == {"812"}
    assert {label.values("^PW")[0] for label in zpl.labels(tags[5:])} == {"1200"}
    assert {label.values("^MD")[0] for label in zpl.labels(tags[5:])} == {"0"}
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{printer.address}: 4 × label sent as one job (")
    assert out[1].startswith(f"{printer.address}: 4 × tag sent as one job (")
    batches = _printed(store)
    assert [(b["printer"], b["labels"], b["returns"]) for b in batches] == [
        (printer.address, 4, 2), (printer.address, 4, 2)]


def test_one_returns_label_and_tag(store: Store) -> None:
    built = add_return(store, customer_name="张伟", language="zh", cross_border=True,
                       lines=[LineSpec(cartons=2)])
    with listening() as printer:
        assert main(["print", "label", built.rma_number, "--db", str(store.path),
                     "--zpl", printer.address]) == exit_codes.OK
        assert main(["print", "tag", built.rma_number.lower(), "--db", str(store.path),
                     "--zpl", printer.address]) == exit_codes.OK
        label, tag = printer.wait_for(2)
    assert _codes(label[5:]) == [[("Code128", built.rma_number),
                                  ("QRCode", built.rma_number)]] * 2
    assert _codes(tag[5:]) == [sorted([("Code128", f"{built.tag_codes[0]}-U{n}"),
                                       ("Code128", "LVN-SOF-0001"),
                                       ("QRCode", f"{built.tag_codes[0]}-U{n}")])
                               for n in (1, 2)]
    assert [(e["document"], e["language"], e["labels"]) for e in _printed(store)] == [
        ("label", "zh", 2), ("tag", "zh", 2)]


@pytest.mark.parametrize("failure", ["refused", "silent", "paper-out"])
def test_a_printer_that_does_not_take_the_job_leaves_nothing_marked_printed(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, failure: str,
) -> None:
    built = add_return(store)
    # A short wait for the printer that never answers.
    monkeypatch.setattr("livenon_desk.services.desk_settings.desk_settings",
                        lambda: DeskSettings(label_printer_timeout_seconds=1))
    answer = {"refused": None, "silent": None, "paper-out": host_status(paper_out=True)}
    with listening(answer[failure]) as printer:
        address = (f"tcp://127.0.0.1:{closed_port()}" if failure == "refused"
                   else printer.address)
        code = main(["print", "label", built.rma_number, "--db", str(store.path),
                     "--zpl", address])
        if failure != "refused":
            assert printer.wait_for(1) == [b"~HS\r\n"]  # asked, never given the job
    assert code == exit_codes.PRINTER
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert address in line and "Nothing was" in line
    expected = {"refused": "refused the connection", "silent": "did not answer within 1 s",
                "paper-out": "out of labels"}
    assert expected[failure] in line
    assert _printed(store) == []


def test_zpl_takes_labels_and_tags_only_and_a_printers_address(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    built = add_return(store)
    assert main(["print", "invoice", built.rma_number, "--db", str(store.path),
                 "--zpl", "tcp://127.0.0.1:9"]) == exit_codes.REFUSED
    assert main(["print", "label", built.rma_number, "--db", str(store.path),
                 "--out", str(store.path.parent / "x.pdf"), "--dpi", "300"]
                ) == exit_codes.REFUSED
    with pytest.raises(SystemExit) as bad:
        main(["print", "label", built.rma_number, "--db", str(store.path),
              "--zpl", "printer-3"])
    assert bad.value.code == exit_codes.USAGE
    with pytest.raises(SystemExit) as both:
        main(["print", "label", built.rma_number, "--db", str(store.path),
              "--zpl", "cups:Zebra", "--out", "x.pdf"])
    assert both.value.code == exit_codes.USAGE
    err = capsys.readouterr().err.splitlines()
    assert "--zpl sends labels and tags only" in err[0]
    assert "--dpi" in err[1]
    assert "not a label printer's address: give tcp://HOST:PORT" in err[2]
    assert _printed(store) == []


@pytest.mark.parametrize("dpi", [203, 300])
def test_the_test_label_needs_no_database_and_its_codes_scan(
    capsys: pytest.CaptureFixture[str], dpi: int
) -> None:
    with listening() as printer:
        assert main(["print", "test-label", "--zpl", printer.address, "--dpi", str(dpi)]
                    ) == exit_codes.OK
        [job] = printer.wait_for(1)
    [label] = zpl.labels(job[5:])
    assert label.values("^PW") == [str(4 * dpi)]
    picture = label.graphics()[0]
    code = f"LIVENON-TEST-{dpi}"
    assert sorted(zpl.barcodes(picture)) == [("Code128", code), ("QRCode", code)]
    # The frame: a dark dot four dots in from each edge, white outside it.
    for x, y in ((4 * dpi // 2, 5), (4 * dpi // 2, 6 * dpi - 6), (5, 3 * dpi),
                 (4 * dpi - 6, 3 * dpi)):
        assert picture.getpixel((x, y)) == 0, (x, y)
    assert picture.getpixel((2, 3 * dpi)) == picture.getpixel((4 * dpi // 2, 2)) == 255
    assert capsys.readouterr().out.startswith(f"{printer.address}: test label sent")


def test_the_test_label_goes_to_a_label_printer_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["print", "test-label", "--out", str(tmp_path / "t.pdf")]
                ) == exit_codes.REFUSED
    assert "give --zpl" in capsys.readouterr().err
    assert main(["print", "test-label", "--zpl", f"tcp://127.0.0.1:{closed_port()}"]
                ) == exit_codes.PRINTER
    assert "refused the connection" in capsys.readouterr().err
