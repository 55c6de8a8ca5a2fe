from __future__ import annotations

import pytest

from livenon_desk.documents.company import load_company
from livenon_desk.documents.data import CompanyDetails


@pytest.fixture(scope="session")
def company() -> CompanyDetails:
    return load_company()
