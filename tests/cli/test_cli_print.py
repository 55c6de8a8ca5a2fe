from __future__ import annotations

from pathlib import Path

import pytest

from livenon_desk.cli import main
from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.store.database import Store
from tests.builders import NOW, LineSpec, add_return
from tests.documents.pdf_reading import codes, codes_by_page, page_sizes, squashed_pages, text


def test_print_one_document_and_a_batch(store: Store, tmp_path: Path) -> None:
    built = add_return(store, customer_name="张伟", language="zh")
    out = tmp_path / "form.pdf"
    assert main(["print", "return-form", built.rma_number, "--db", str(store.path),
                 "--out", str(out)]) == 0
    assert "张伟" in text(out.read_bytes())
    assert built.rma_number in codes(out.read_bytes(), "Code128")
    received = [add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                           lines=[LineSpec(cartons=cartons)]) for cartons in (1, 3)]
    labels = tmp_path / "labels.pdf"
    assert main(["print", "labels", "--db", str(store.path), "--status", "received",
                 "--out", str(labels)]) == 0
    # One label per carton: the 3-carton sofa's say 1 / 3, 2 / 3 and 3 / 3.
    pages = codes_by_page(labels.read_bytes(), "Code128")
    assert sorted(c for page in pages for c in page) == sorted(
        [received[0].rma_number] + [received[1].rma_number] * 3)
    assert page_sizes(labels.read_bytes()) == [(288.0, 432.0)] * 4
    marks = sorted(next(m for m in ("1/1", "1/3", "2/3", "3/3") if m in page)
                   for page in squashed_pages(labels.read_bytes()))
    assert marks == ["1/1", "1/3", "2/3", "3/3"]
    tags = tmp_path / "tags.pdf"
    assert main(["print", "tags", "--db", str(store.path), "--status", "received",
                 "--out", str(tags)]) == 0
    tag_codes = [c for page in codes_by_page(tags.read_bytes(), "Code128") for c in page]
    # One tag a carton, each with the carton's licence plate (LPN).
    assert sorted(c for c in tag_codes if c.startswith("TAG-")) == sorted(
        [f"{received[0].tag_codes[0]}-U1"] + [f"{received[1].tag_codes[0]}-U{n}"
                                             for n in (1, 2, 3)])


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
