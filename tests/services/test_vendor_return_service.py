"""Issue 17: defective units routed to return to vendor are grouped by their SKU's
supplier into RTV shipments, each unit with its defect and claim; a shipment ships once."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from livenon_desk.domain.enums import ReasonCode, RtvState
from livenon_desk.domain.suppliers import SUPPLIERS_FILE, default_suppliers, read_suppliers
from livenon_desk.errors import NotFoundError, PolicyError, ValidationError
from livenon_desk.models import AuditEvent
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.services.vendor_return_service import VendorReturnService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import NOW, LineSpec
from tests.documents import pdf_reading as pdf
from tests.images import write_png
from tests.services.conftest import INSPECTOR
from tests.services.test_unit_service import _graded_a, _inspect, _receive


@pytest.fixture
def rtv(store: Store, photos: PhotoFiles) -> VendorReturnService:
    return VendorReturnService(store, photos, clock=lambda: NOW)


def _defective(store: Store, receiving: ReceivingService, inspections: InspectionService,
               sku: str = "LVN-SOF-0111") -> tuple[str, str]:
    """A piece returned as defective (T1) graded C, its defect photographed: back to its
    supplier (R6)."""
    _, line_id, tags = _receive(store, receiving, reason=ReasonCode.DEFECTIVE,
                                lines=[LineSpec(sku=sku)])
    sheet = inspections.open_sheet(INSPECTOR, line_id)
    inspections.attach_photo(INSPECTOR, sheet.inspection_id,
                             write_png(store.path.parent / f"defect-{line_id}.png"))
    _inspect(inspections, line_id, "C", "the frame is cracked under the seat")
    return f"{tags[0]}-U1", f"{tags[0]}-U2"


def test_units_are_grouped_by_their_skus_supplier_with_defect_and_claim(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        rtv: VendorReturnService) -> None:
    first, second = _defective(store, receiving, inspections)
    bed, bed_rails = _defective(store, receiving, inspections, sku="LVN-BED-0131")
    assert [u.code for u in rtv.awaiting(INSPECTOR)] == [first, second, bed, bed_rails]

    one = rtv.add(INSPECTOR, first.lower(), "  seat frame cracked at the joint ")
    assert (one.supplier.supplier_id, one.supplier.language, one.state) == (
        "FOSHAN-HM", "zh", RtvState.OPEN)
    assert one.code.startswith("RTV-")
    [line] = one.lines
    # The claim is the unit's price unless said otherwise.
    assert (line.unit.code, line.defect, line.claim, line.currency) == (
        first, "seat frame cracked at the joint", Decimal("1299.00"), "USD")
    two = rtv.add(INSPECTOR, second, "rail split along the grain", Decimal("650.00"))
    assert two.code == one.code  # the supplier's open shipment
    assert two.claim_totals == (("USD", Decimal("1949.00")),)
    other = rtv.add(INSPECTOR, bed, "headboard veneer lifting")
    assert (other.supplier.supplier_id, other.supplier.language) == ("CAROLINA-CM", "en")
    assert other.code != one.code
    assert [u.code for u in rtv.awaiting(INSPECTOR)] == [bed_rails]
    assert [s.code for s in rtv.shipments(INSPECTOR, RtvState.OPEN)] == [one.code, other.code]

    shipped = rtv.ship(INSPECTOR, one.code)
    assert (shipped.state, shipped.shipped_by, shipped.shipped_at) == (
        RtvState.SHIPPED, "mchen", NOW)
    with pytest.raises(ValidationError, match="already shipped"):
        rtv.ship(INSPECTOR, one.code)
    # The next defective sofa opens a new shipment for the supplier.
    third, _ = _defective(store, receiving, inspections)
    assert rtv.add(INSPECTOR, third, "arm loose at the dowels").code not in {one.code}
    # The document: the supplier's language, the inspection's photo of each unit.
    document = rtv.document(INSPECTOR, one.code)
    text = pdf.squashed(document)
    assert all(v in text for v in ("退回供应商单", first, second, "seatframecrackedatthejoint",
                                   f"{first}的照片", "USD1,949.00")), text
    assert pdf.codes(document, "QRCode") == [one.code]
    with store.read_session() as s:
        actions = list(s.scalars(select(AuditEvent.action).where(
            AuditEvent.entity_kind == "rtv_shipment").order_by(AuditEvent.id)))
    assert actions == ["rtv_unit_added"] * 3 + ["rtv_shipped", "rtv_unit_added", "printed"]


def test_only_a_unit_routed_to_rtv_goes_and_only_once_with_a_defect_and_a_claim(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        rtv: VendorReturnService) -> None:
    restocked, _tags = _graded_a(store, receiving, inspections)
    with pytest.raises(ValidationError, match="not routed to return to vendor"):
        rtv.add(INSPECTOR, restocked, "scratched top")
    code, _ = _defective(store, receiving, inspections)
    with pytest.raises(ValidationError, match="at least 5"):
        rtv.add(INSPECTOR, code, "bad")
    with pytest.raises(ValidationError, match="more than zero"):
        rtv.add(INSPECTOR, code, "seat frame cracked", Decimal("0"))
    shipment = rtv.add(INSPECTOR, code, "seat frame cracked")
    with pytest.raises(ValidationError, match=f"already on RTV shipment {shipment.code}"):
        rtv.add(INSPECTOR, code, "seat frame cracked")
    with pytest.raises(NotFoundError, match="No RTV shipment"):
        rtv.ship(INSPECTOR, "RTV-NOPE")


def test_a_sku_no_supplier_makes_is_named(
        store: Store, receiving: ReceivingService, inspections: InspectionService,
        rtv: VendorReturnService) -> None:
    code, _ = _defective(store, receiving, inspections, sku="ACME-0001")
    with pytest.raises(ValidationError, match="No supplier makes SKU ACME-0001"):
        rtv.add(INSPECTOR, code, "seat frame cracked")
    assert rtv.shipments(INSPECTOR) == []


def test_every_sku_of_the_demo_catalogue_has_a_supplier_and_the_longest_prefix_wins(
        tmp_path: Path) -> None:
    from livenon_desk.demo.catalogue import CATALOGUE

    suppliers = default_suppliers()
    assert all(suppliers.of_sku(p.sku) is not None for p in CATALOGUE)
    path = tmp_path / "suppliers.toml"
    path.write_text(SUPPLIERS_FILE.read_text(encoding="utf-8").replace(
        'sku_prefixes = ["LVN-BED-"', 'sku_prefixes = ["LVN-SOF-01", "LVN-BED-"'),
        encoding="utf-8")
    found = read_suppliers(path).of_sku("LVN-SOF-0111")
    assert found is not None and found.supplier_id == "CAROLINA-CM"
    path.write_text('schema = 1\n[[suppliers]]\nid = "X"\nname = "X"\ncontact = "x"\n'
                    'language = "fr"\nsku_prefixes = ["X"]\n', encoding="utf-8")
    with pytest.raises(PolicyError, match="language must be"):
        read_suppliers(path)
