"""`livenon-desk verify-report`: a printed inspection report checked against the record in a
real database, read back from the report's QR code."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from livenon_desk.cli import main
from livenon_desk.domain.enums import Answer, ReturnStatus
from livenon_desk.domain.policy import default_policies
from livenon_desk.models import Inspection, OrderLine, ReturnLine
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from tests.builders import ALL_YES, NOW, Built, add_return, confirmed
from tests.conftest import INSPECTOR
from tests.documents.pdf_reading import codes_by_page, squashed
from tests.images import write_png


def _inspected(store: Store, tmp_path: Path) -> Built:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    inspections = InspectionService(store, default_policies(),
                                    PhotoFiles(photo_dir_for(store.path)), clock=lambda: NOW)
    with store.read_session() as s:
        line = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
    sheet = inspections.open_sheet(INSPECTOR, line)
    inspections.attach_photo(INSPECTOR, sheet.inspection_id, write_png(tmp_path / "a.png"))
    inspections.finish(INSPECTOR, sheet.inspection_id, confirmed(
        sheet, {k: Answer(v) for k, v in ALL_YES.items()}, "Like new"))
    return built


def _report(store: Store, built: Built, out: Path) -> bytes:
    assert main(["print", "inspection-report", built.rma_number, "--db", str(store.path),
                 "--out", str(out)]) == 0
    return out.read_bytes()


def _verify(store: Store, report: Path, capsys: pytest.CaptureFixture[str]
            ) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["verify-report", str(report), "--db", str(store.path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_paper_matches_the_record_until_the_record_changes(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = _inspected(store, tmp_path)
    report = tmp_path / "report.pdf"
    pdf = _report(store, built, report)
    with store.read_session() as s:
        uuid = s.query(Inspection).one().uuid
    # The QR code carries the RMA, the inspection and the hash printed beside it.
    [payload] = [code for page in codes_by_page(pdf, "QRCode") for code in page]
    prefix, rma, inspection_id, digest = payload.split(";")
    assert (prefix, rma, inspection_id) == ("livenon-inspection/1", built.rma_number, uuid)
    assert digest in squashed(pdf)

    code, out, _ = _verify(store, report, capsys)
    assert code == 0 and f"{built.rma_number} inspection {uuid}: matches the record" in out

    # What is not the inspection as recorded does not change its hash: a new price on the
    # order recomputes the refund printed on the report, not the inspection.
    with store.session() as s:
        s.execute(update(OrderLine).values(unit_price_cents=99_900))
    assert _verify(store, report, capsys)[0] == 0
    again = _report(store, built, tmp_path / "again.pdf")
    assert again != pdf and "USD999.00" in squashed(again)  # the refund did change
    assert digest in squashed(again)

    # A stored rule result edited after printing: the paper no longer matches.
    with store.session() as s:
        inspection = s.query(Inspection).one()
        rules = [dict(r) for r in inspection.rule_results]
        rules[0]["reason_en"] = "Edited after the report was printed."
        inspection.rule_results = rules
    code, out, _ = _verify(store, report, capsys)
    assert code == 1 and "does NOT match the record" in out and digest in out


def test_a_report_from_another_database_or_no_report_at_all(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = _inspected(store, tmp_path)
    report = tmp_path / "report.pdf"
    _report(store, built, report)
    other = open_store(tmp_path / "other.sqlite3")
    try:
        code, out, _ = _verify(other, report, capsys)
    finally:
        other.dispose()
    assert code == 1 and "no such finished inspection" in out

    label = tmp_path / "label.pdf"
    assert main(["print", "label", built.rma_number, "--db", str(store.path),
                 "--out", str(label)]) == 0
    code, _, err = _verify(store, label, capsys)
    assert code == 1 and "has no inspection report code" in err
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("not a PDF at all", encoding="utf-8")
    code, _, err = _verify(store, not_pdf, capsys)
    assert code == 1 and "is not a PDF that can be read" in err
    code, _, err = _verify(store, tmp_path / "missing.pdf", capsys)
    assert code == 1 and "No file at" in err
    assert len(err.strip().splitlines()) == 1
