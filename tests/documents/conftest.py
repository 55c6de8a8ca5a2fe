from __future__ import annotations

from pathlib import Path

import pytest

from livenon_desk.documents.company import load_company
from livenon_desk.documents.credit_note import credit_note_pdf
from livenon_desk.documents.data import CompanyDetails, Lang, Party
from livenon_desk.documents.evidence_package import evidence_package_pdf
from livenon_desk.documents.inspection_report import inspection_report_pdf
from livenon_desk.documents.invoice import invoice_pdf
from livenon_desk.documents.item_tag import item_tag_pdf
from livenon_desk.documents.return_form import return_form_pdf
from livenon_desk.documents.return_label import return_label_pdf
from tests.documents import samples


@pytest.fixture(scope="session")
def company() -> CompanyDetails:
    return load_company()


def all_documents(company: CompanyDetails, folder: Path, customer: Party, lang: Lang
                  ) -> dict[str, bytes]:
    """Every kind of document for one customer, in ``lang``."""
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "return_form": return_form_pdf(samples.a_return(customer), company, lang),
        "invoice": invoice_pdf(samples.invoice(customer), company, lang),
        "return_label": return_label_pdf(samples.label(customer, cross_border=lang == "zh"),
                                         company, lang),
        "item_tag": item_tag_pdf(samples.item_tag(), company, lang),
        "inspection_report": inspection_report_pdf(samples.inspection(folder, customer),
                                                   company, lang),
        "credit_note": credit_note_pdf(samples.credit_note(customer), company, lang),
        "evidence_package": evidence_package_pdf(samples.evidence(folder / "evidence",
                                                                  customer), company, lang),
    }


@pytest.fixture(scope="session")
def english_documents(company: CompanyDetails, tmp_path_factory: pytest.TempPathFactory
                      ) -> dict[str, bytes]:
    return all_documents(company, tmp_path_factory.mktemp("en"), samples.american(), "en")


@pytest.fixture(scope="session")
def chinese_documents(company: CompanyDetails, tmp_path_factory: pytest.TempPathFactory
                      ) -> dict[str, bytes]:
    return all_documents(company, tmp_path_factory.mktemp("zh"), samples.chinese(), "zh")
