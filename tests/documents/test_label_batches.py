"""Label batches: each QR code is encoded once and drawn from that one encoding."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
import segno
from reportlab.graphics.barcode import qrencoder

from livenon_desk.documents import barcodes
from livenon_desk.documents.data import CompanyDetails
from livenon_desk.documents.return_label import return_labels_pdf
from tests.documents import pdf_reading as pdf
from tests.documents import samples


def _counting(encode: Callable[..., Any], seen: Counter[str],
              value_of: Callable[..., str]) -> Callable[..., Any]:
    """The real encoder, counting what it is asked to encode (a spy, not a fake)."""
    def spy(*args: Any, **kwargs: Any) -> Any:
        seen[value_of(*args, **kwargs)] += 1
        return encode(*args, **kwargs)
    return spy


def test_a_batch_encodes_each_qr_once(company: CompanyDetails,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # ReportLab's QR widget encodes its value twice (to measure, then to draw), and a
    # return's cartons carry the same RMA: a batch encodes each distinct value once.
    seen: Counter[str] = Counter()
    monkeypatch.setattr(segno, "make_qr", _counting(segno.make_qr, seen,
                                                    lambda value, **_: str(value)))
    monkeypatch.setattr(qrencoder.QRCode, "make", _counting(
        qrencoder.QRCode.make, seen, lambda code: "".join(
            str(d.data) for d in code.dataList)))
    barcodes.qr_runs.cache_clear()
    rmas = [f"RMA-2025-{n:06d}" for n in range(1, 6)]
    labels = [replace(samples.label(), rma_number=rma, parcel_index=i, parcel_count=2)
              for rma in rmas for i in (1, 2)]
    data = return_labels_pdf(labels, company)
    assert seen == Counter(rmas)
    assert pdf.codes_by_page(data, "QRCode") == [[label.rma_number] for label in labels]
