"""Return-label PDFs per second: the desk's label against bare ReportLab drawing the same page;
and the CPU time of one batch of 500 labels.

Targets (PRODUCT.md): at least 4x the throughput of bare ReportLab in the same run, and a
batch of 500 labels in under 2 s of CPU. The bare version draws the same strings, lines,
band, Code 128 and QR at the same places with the same embedded font, straight on a
canvas, with none of the desk's checks (glyph replacement, fitting text into boxes,
bilingual labels). Every label made has an RMA of its own, so no QR code is drawn from an
encoding made for an earlier label.
"""

from __future__ import annotations

import argparse
import io
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from livenon_desk.documents.barcodes import bars, qr_runs
from livenon_desk.documents.company import load_company
from livenon_desk.documents.data import Address, CompanyDetails, LabelInfo
from livenon_desk.documents.fonts import register_fonts
from livenon_desk.documents.return_label import return_label_pdf, return_labels_pdf

W, H, PAD = 288.0, 432.0, 12.0
BATCH = 500
TARGET_RATIO = 4.0
TARGET_BATCH_CPU = 2.0


def sample_label(cross_border: bool) -> LabelInfo:
    return LabelInfo(
        rma_number="RMA-2025-000123", order_number="LVN2025070100042",
        sender=Address("Emily Johnson", "1458 Maple Avenue", "Apt 3B", "Portland", "OR",
                       "97205", "US"),
        carrier="DHL" if cross_border else "UPS",
        tracking_number="4829105736" if cross_border else "1Z8V4R730312345678",
        cross_border=cross_border, service="Ground", weight_kg=Decimal("38.5"),
        parcel_index=1, parcel_count=2, ship_date=date(2025, 7, 22),
    )


def bare_label(label: LabelInfo, company: CompanyDetails, font: str) -> bytes:
    """The same page, hand-placed with plain ReportLab calls."""
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(W, H), initialFontName=font)  # type: ignore[arg-type]
    c.setTitle(f"Return labels {label.rma_number}")
    c.setAuthor(company.legal_name)
    y = H - PAD
    c.setFont(font, 26)
    c.drawString(PAD, y - 24, label.carrier or "")
    c.setFont(font, 8.5)
    c.drawString(PAD, y - 37, label.service or "")
    c.setFont(font, 18)
    c.drawRightString(W - PAD, y - 20, "1 / 2")
    c.setFont(font, 8)
    c.drawRightString(W - PAD, y - 33, "Parcel  38.5 kg")
    y -= 44
    c.setLineWidth(1.5)
    c.line(PAD, y, W - PAD, y)
    if label.cross_border:
        c.rect(PAD, y - 38, W - 2 * PAD, 34, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(font, 22)
        c.drawCentredString(W / 2, y - 29, "RETURNED GOODS")
        c.setFillColor(colors.black)
        y -= 42
    c.setFont(font, 7)
    c.drawString(PAD, y - 10, "FROM")
    c.setFont(font, 9)
    for i, line in enumerate(label.sender.lines()):
        c.drawString(PAD + 28, y - 17 - i * 10.62, line)
    y -= 62
    c.setLineWidth(0.8)
    c.line(PAD, y, W - PAD, y)
    c.setFont(font, 7)
    c.drawString(PAD, y - 10, "TO")
    to_lines = company.return_address.lines()
    to_lines.insert(1, label.rma_number)
    c.setFont(font, 14)
    for i, line in enumerate(to_lines):
        c.drawString(PAD + 28, y - 22 - i * 16.52, line)
    y -= 100 if label.cross_border else 118
    c.setLineWidth(1.5)
    c.line(PAD, y, W - PAD, y)
    c.setFont(font, 7)
    c.drawString(PAD, y - 10, "Tracking number")
    c.setFont(font, 15)
    c.drawString(PAD, y - 27.7, label.tracking_number or "")
    y -= 36
    c.setLineWidth(0.8)
    c.line(PAD, y, W - PAD, y)
    qr = QrCodeWidget(label.rma_number, barLevel="M")
    x0, y0, x1, y1 = qr.getBounds()
    drawing = Drawing(96, 96, transform=[96 / (x1 - x0), 0, 0, 96 / (y1 - y0), 0, 0],
                      initialFontName=font)
    drawing.add(qr)
    drawing.drawOn(c, W - PAD - 90, PAD - 2)
    bars = Code128(label.rma_number, barWidth=0.785, barHeight=62, humanReadable=0)
    bars.drawOn(c, PAD, PAD + 24)
    c.setFont(font, 13)
    c.drawCentredString(PAD + 84, PAD + 7, label.rma_number)
    c.setFont(font, 7.5)
    c.drawString(PAD, PAD + 100, f"Order number {label.order_number}   Ship date Jul 22, 2025")
    c.showPage()
    c.save()
    return buffer.getvalue()


def rate(make: Callable[[], bytes], seconds: float) -> float:
    count = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        make()
        count += 1
    return count / elapsed


@dataclass(frozen=True)
class LabelFigures:
    bare_rate: float  # labels/s, bare ReportLab (the anchor), best of the rounds
    desk_rate: float  # labels/s, the desk's label, best of the rounds
    batch_cpu: float  # CPU seconds of one batch of BATCH labels, best of the rounds
    rounds: int


def measure(seconds: float = 2.0, rounds: int = 3, cross_border: bool = False) -> LabelFigures:
    company = load_company()
    font = register_fonts()
    label = sample_label(cross_border)

    numbers = itertools.count(1)

    def fresh() -> LabelInfo:
        return replace(label, rma_number=f"RMA-2025-{next(numbers):06d}")

    def desk() -> bytes:
        return return_label_pdf(fresh(), company)

    def bare() -> bytes:
        return bare_label(fresh(), company, font)

    desk(), bare()  # warm up: font tables, barcode code paths
    desk_rates: list[float] = []
    bare_rates: list[float] = []
    for _ in range(rounds):  # alternate, so that both see the same machine
        bare_rates.append(rate(bare, seconds))
        desk_rates.append(rate(desk, seconds))

    batch_times = []
    for _ in range(rounds):
        batch = [fresh() for _ in range(BATCH)]
        qr_runs.cache_clear()
        bars.cache_clear()
        start = time.process_time()
        return_labels_pdf(batch, company)
        batch_times.append(time.process_time() - start)
    return LabelFigures(max(bare_rates), max(desk_rates), min(batch_times), rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0, help="per round and contender")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cross-border", action="store_true")
    args = parser.parse_args()
    f = measure(args.seconds, args.rounds, args.cross_border)
    ratio = f.desk_rate / f.bare_rate
    print(f"{'contender':<22}{'labels/s (best of ' + str(f.rounds) + ')':>26}")
    print(f"{'bare ReportLab':<22}{f.bare_rate:>26.1f}")
    print(f"{'desk return label':<22}{f.desk_rate:>26.1f}")
    verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
    print(f"ratio {ratio:.2f} (target >= {TARGET_RATIO:.1f}: {verdict})")
    verdict = "met" if f.batch_cpu < TARGET_BATCH_CPU else "NOT met"
    print(f"{BATCH}-label batch: {f.batch_cpu:.2f} s of CPU, best of {f.rounds} "
          f"(target < {TARGET_BATCH_CPU:.0f} s: {verdict})")


if __name__ == "__main__":
    main()
