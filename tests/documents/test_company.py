from __future__ import annotations

from pathlib import Path

import pytest

from livenon_desk.documents.company import (
    DEFAULT_FILE,
    CompanyConfigError,
    load_company,
    user_company_file,
)


def test_default_company_details() -> None:
    company = load_company(override=Path("/nonexistent/company.toml"))
    assert company.email == "services@livenon.com"
    assert company.return_address.country_code == "US"
    assert company.paper == "letter"
    assert company.time_zone == "America/Los_Angeles"


def test_user_file_overrides_key_by_key(tmp_path: Path) -> None:
    override = tmp_path / "company.toml"
    override.write_text('[company]\nphone = "+1 800 555 0100"\npaper = "a4"\n'
                        '[return_address]\nline2 = "Dock 9"\n', encoding="utf-8")
    company = load_company(override=override)
    assert company.phone == "+1 800 555 0100"
    assert company.paper == "a4"
    assert company.return_address.line2 == "Dock 9"
    assert company.return_address.line1 == "4200 East Airport Drive"  # kept from the default
    assert company.email == "services@livenon.com"


def test_the_users_config_folder_is_read_by_default() -> None:
    path = user_company_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[company]\nwebsite = "www.livenon.com"\n', encoding="utf-8")
    try:
        assert load_company().website == "www.livenon.com"
    finally:
        path.unlink()


@pytest.mark.parametrize(("text", "message"), [
    ('[company]\npaper = "a5"\n', "company.paper must be"),
    ('[company]\nemail = "nobody"\n', "company.email is not an email address"),
    ('[company]\nname = ""\n', "company.name is empty"),
    ('[company]\nname = 3\n', "company.name has the wrong type"),
    ('[return_address]\ncountry_code = "USA"\n', "two-letter country code"),
    ('[company]\ntime_zone = "Mars/Olympus"\n', "names no known time zone"),
    ("schema = 2\n", "schema must be 1"),
    ("[company\n", "is not valid TOML"),
])
def test_bad_values_are_reported_by_key(tmp_path: Path, text: str, message: str) -> None:
    override = tmp_path / "company.toml"
    override.write_text(text, encoding="utf-8")
    with pytest.raises(CompanyConfigError, match=message):
        load_company(override=override)


def test_missing_default_file_is_a_known_error(tmp_path: Path) -> None:
    with pytest.raises(CompanyConfigError, match="cannot be read"):
        load_company(default=tmp_path / "none.toml", override=tmp_path / "none.toml")
    assert DEFAULT_FILE.is_file()
