"""Issue 17: units routed to liquidate are scanned onto a lot (a pallet), each with its
recovery value by its grade; the lot is closed with its weight, and gets a manifest and a
pallet label whose codes scan."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from livenon_desk.domain.enums import LotState
from livenon_desk.errors import NotFoundError, ValidationError
from livenon_desk.models import AuditEvent
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.lot_service import LotService
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.store.database import Store
from tests.builders import NOW, LineSpec
from tests.documents import pdf_reading as pdf
from tests.services.conftest import INSPECTOR
from tests.services.test_unit_service import _graded_a, _inspect, _receive


@pytest.fixture
def lots(store: Store) -> LotService:
    return LotService(store, clock=lambda: NOW)


def _to_liquidate(store: Store, receiving: ReceivingService, inspections: InspectionService,
                  grade: str = "C", price_cents: int = 29_900) -> tuple[str, str]:
    """A chair of 299 USD graded C for a personal reason: liquidated (R8); graded B and
    under 200 USD, it is too (R5)."""
    _, line_id, tags = _receive(store, receiving, lines=[LineSpec(
        sku="LVN-CHR-0111", unit_price_cents=price_cents)])
    _inspect(inspections, line_id, grade, "scuffed legs and a torn seat")
    return f"{tags[0]}-U1", f"{tags[0]}-U2"


def test_units_go_on_the_open_lot_with_their_recovery_and_the_lot_closes_weighed(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        lots: LotService) -> None:
    first, second = _to_liquidate(store, receiving, inspections)
    third, _ = _to_liquidate(store, receiving, inspections, "B", 19_900)
    assert lots.unit(INSPECTOR, first.lower()).code == first
    lot = lots.add(INSPECTOR, first)
    assert (lot.state, lot.code[:4], [u.unit.code for u in lot.units]) == (
        LotState.OPEN, "LOT-", [first])
    lots.add(INSPECTOR, second)
    lot = lots.add(INSPECTOR, third, lot.code.lower())
    # C: 20 % of 299.00; B: 35 % of 199.00 (recovery.toml).
    assert [u.recovery for u in lot.units] == [Decimal("59.80"), Decimal("59.80"),
                                              Decimal("69.65")]
    assert lot.original_totals == (("USD", Decimal("797.00")),)
    assert lot.recovery_totals == (("USD", Decimal("189.25")),)
    assert [o.code for o in lots.open_lots(INSPECTOR)] == [lot.code]

    closed = lots.close(INSPECTOR, lot.code, Decimal("42.5"))
    assert (closed.state, closed.weight_kg, closed.closed_by, closed.closed_at) == (
        LotState.CLOSED, Decimal("42.5"), "mchen", NOW)
    assert lots.open_lots(INSPECTOR) == []
    with pytest.raises(ValidationError, match="is closed"):
        lots.close(INSPECTOR, lot.code, Decimal("40"))
    fourth, _ = _to_liquidate(store, receiving, inspections)
    with pytest.raises(ValidationError, match="is closed"):
        lots.add(INSPECTOR, fourth, lot.code)
    assert lots.add(INSPECTOR, fourth).code != lot.code  # a new pallet

    manifest = lots.manifest(INSPECTOR, lot.code).pdf
    text = pdf.squashed(manifest)
    for value in ("Liquidationlotmanifest", lot.code, first, second, third, "59.80", "69.65",
                  "USD797.00", "USD189.25", "42.5kg"):
        assert value in text, value
    assert pdf.codes(manifest, "QRCode") == [lot.code]
    label = lots.pallet_label(INSPECTOR, lot.code, "zh")
    assert label.is_label_stock
    assert pdf.page_sizes(label.pdf) == [(288.0, 432.0)]
    label_text = pdf.squashed(label.pdf)
    assert "LIQUIDATIONPALLET" in label_text and "清仓托盘" in label_text
    assert "3units" in label_text and "42.5kg" in label_text
    assert pdf.codes(label.pdf, "Code128") == [lot.code]
    assert pdf.codes(label.pdf, "QRCode") == [lot.code]
    with store.read_session() as s:
        actions = list(s.scalars(select(AuditEvent.action).where(
            AuditEvent.entity_kind == "lot").order_by(AuditEvent.id)))
    assert actions == ["lot_unit_added"] * 3 + ["lot_closed", "lot_unit_added", "printed",
                                                "printed"]


def test_only_a_liquidated_unit_goes_once_and_a_lot_closes_with_units_and_a_weight(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        lots: LotService) -> None:
    restocked, _tags = _graded_a(store, receiving, inspections)
    with pytest.raises(ValidationError, match="not routed to liquidate"):
        lots.add(INSPECTOR, restocked)
    empty = lots.start(INSPECTOR)
    with pytest.raises(ValidationError, match="holds no unit yet"):
        lots.close(INSPECTOR, empty.code, Decimal("10"))
    code, _ = _to_liquidate(store, receiving, inspections)
    lot = lots.add(INSPECTOR, code)
    assert lot.code == empty.code  # the newest open lot
    with pytest.raises(ValidationError, match=f"already on lot {lot.code}"):
        lots.add(INSPECTOR, code)
    for weight in ("0", "2500"):
        with pytest.raises(ValidationError, match="at most 2000 kg"):
            lots.close(INSPECTOR, lot.code, Decimal(weight))
    with pytest.raises(NotFoundError, match="No lot has the code LOT-NOPE"):
        lots.lot(INSPECTOR, "lot-nope")
