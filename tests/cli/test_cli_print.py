from __future__ import annotations

from pathlib import Path

import pytest

from livenon_desk.cli import main
from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.store.database import Store
from tests.builders import NOW, add_return
from tests.documents.pdf_reading import codes, page_sizes, text


def test_print_one_document_and_a_batch(store: Store, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    built = add_return(store, customer_name="张伟", language="zh")
    out = tmp_path / "form.pdf"
    assert main(["print", "return-form", built.rma_number, "--db", str(store.path),
                 "--out", str(out)]) == 0
    assert "张伟" in text(out.read_bytes())
    assert built.rma_number in codes(out.read_bytes(), "Code128")
    received = [add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
                for _ in range(2)]
    labels = tmp_path / "labels.pdf"
    assert main(["print", "labels", "--db", str(store.path), "--status", "received",
                 "--out", str(labels)]) == 0
    assert sorted(codes(labels.read_bytes(), "Code128")) == sorted(
        r.rma_number for r in received)
    assert page_sizes(labels.read_bytes()) == [(288.0, 432.0)] * 2


def test_print_refusals_are_one_line(store: Store, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    assert main(["print", "invoice", "--db", str(store.path), "--out", str(out)]) == 1
    assert main(["print", "labels", "--db", str(store.path), "--out", str(out)]) == 1
    assert main(["print", "invoice", "RMA-0000-1", "--db", str(store.path),
                 "--out", str(out)]) == 1
    with pytest.raises(SystemExit) as bad_kind:
        main(["print", "poster", "RMA-1", "--db", str(store.path), "--out", str(out)])
    assert bad_kind.value.code == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 4 and not out.exists()
