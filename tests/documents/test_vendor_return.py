"""The return-to-vendor document: supplier, units, defects, photos and claim, in the
supplier's language, its code as Code 128 and QR that a scanner reads."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from livenon_desk.documents.data import CompanyDetails
from livenon_desk.documents.vendor_return import RtvDocumentInfo, RtvUnitLine, vendor_return_pdf
from livenon_desk.domain.suppliers import default_suppliers
from livenon_desk.domain.values import PhotoRef
from tests.documents import pdf_reading as pdf
from tests.images import write_png


def _info(tmp_path: Path, supplier_id: str) -> RtvDocumentInfo:
    supplier = default_suppliers().get(supplier_id)
    assert supplier is not None
    photo = write_png(tmp_path / "defect.png", 40, 30)
    ref = PhotoRef(1, photo, hashlib.sha256(photo.read_bytes()).hexdigest(), "cracked rail",
                   datetime(2026, 11, 25, 18, tzinfo=UTC))
    lines = (
        RtvUnitLine("TAG-000001-1-U1", "LVN-SOF-0111", "Harlow 3-Seat Linen Sofa, Oatmeal",
                    "哈洛 三人位亚麻沙发 燕麦色", "C", "seat frame cracked at the joint",
                    Decimal("1299.00"), "USD", (ref,)),
        RtvUnitLine("TAG-000001-1-U2", "LVN-SOF-0111", "Harlow 3-Seat Linen Sofa, Oatmeal",
                    "哈洛 三人位亚麻沙发 燕麦色", "C", "rail split along the grain",
                    Decimal("650.00"), "USD"),
    )
    return RtvDocumentInfo("RTV-1A2B3C4D", supplier, datetime(2026, 11, 25, 18, tzinfo=UTC),
                           None, lines, (("USD", Decimal("1949.00")),))


def test_the_rtv_document_names_supplier_units_defects_and_the_claim(
        tmp_path: Path, company: CompanyDetails) -> None:
    info = _info(tmp_path, "CAROLINA-CM")
    document = vendor_return_pdf(info, company)
    text = pdf.squashed(document)
    for value in ("Returntovendor", "RTV-1A2B3C4D", "CarolinaCaseMakersLLC,Returns", "HighPoint",
                  "TAG-000001-1-U1", "TAG-000001-1-U2", "seatframecrackedatthejoint",
                  "railsplitalongthegrain", "1,299.00", "650.00", "USD1,949.00",
                  "returns@carolinacase.example", "notshippedyet", "PhotosofTAG-000001-1-U1",
                  "crackedrail"):
        assert value in text, value
    assert pdf.codes(document, "Code128") == ["RTV-1A2B3C4D"]
    assert pdf.codes(document, "QRCode") == ["RTV-1A2B3C4D"]


def test_a_chinese_supplier_reads_it_in_chinese(tmp_path: Path, company: CompanyDetails
                                                ) -> None:
    info = _info(tmp_path, "FOSHAN-HM")
    text = pdf.squashed(vendor_return_pdf(info, company))
    for value in ("退回供应商单", "佛山和木家具有限公司", "缺陷", "索赔总额", "尚未发运",
                  "哈洛三人位亚麻沙发", "TAG-000001-1-U1的照片"):
        assert value in text, value
    english = pdf.squashed(vendor_return_pdf(info, company, "en"))
    assert "Totalclaimed" in english and "索赔总额" not in english
