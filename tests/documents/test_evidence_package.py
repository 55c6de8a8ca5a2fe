from __future__ import annotations

import re
from pathlib import Path

from livenon_desk.documents.data import CompanyDetails
from livenon_desk.documents.evidence_package import all_photos, evidence_package_pdf
from tests.documents import pdf_reading as pdf
from tests.documents import samples


def test_evidence_package_holds_everything_on_file(company: CompanyDetails,
                                                   tmp_path: Path) -> None:
    case = samples.evidence(tmp_path)
    data = evidence_package_pdf(case, company)
    text = pdf.squashed(data)
    for value in (case.ret.rma_number, case.order.order_number, "EmilyJohnson",
                  "Customerdisputeoftheshippingdeduction", "Returnappliedfor",
                  "Returninstructionssent", "Shippedbythecustomer", "Receivedatthewarehouse",
                  "Dock7/J.Kim", "Intact", "2/2", "InspectionofTAG-2025000123-1",
                  "USD1,308.32", "Visa••••4242", "USD812.60"):
        assert value in text, value
    for message in case.communications:
        assert "".join((message.subject or "").split()) in text
        assert "".join(message.body.split()) in text
    photos = all_photos(case)
    assert len(photos) == 3  # the receipt's photo and the inspection's two
    for photo in photos:
        assert photo.sha256 in text


def test_every_page_is_numbered_x_of_y(company: CompanyDetails, tmp_path: Path) -> None:
    data = evidence_package_pdf(samples.evidence(tmp_path), company)
    pages = ["".join(t.split()) for t in pdf.page_texts(data)]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert re.search(rf"Page{number}of{len(pages)}", page)


def test_chinese_evidence_package(company: CompanyDetails, tmp_path: Path) -> None:
    data = evidence_package_pdf(samples.evidence(tmp_path, samples.chinese()), company)
    pages = ["".join(t.split()) for t in pdf.page_texts(data)]
    assert all(f"共{len(pages)}页" in page for page in pages)
    assert "争议证据材料" in pages[0] and samples.CHINESE_NAME in pages[0]
