"""Livenon's details for the documents: ``resources/company.toml``, overridden per workstation.

The user's ``company.toml`` (in the desk's config folder) has the same shape; each table
it holds replaces the default's keys one by one, so a workstation can change just the
phone number or the return address.
"""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from livenon_desk.documents.data import Address, CompanyDetails
from livenon_desk.errors import KnownError
from livenon_desk.paths import RESOURCES_DIR, config_dir

log = logging.getLogger(__name__)

SUPPORTED_SCHEMA = 1
DEFAULT_FILE = RESOURCES_DIR / "company.toml"
_PAPERS = ("letter", "a4")


class CompanyConfigError(KnownError):
    """The company details file is missing, malformed or lacks a required value."""


def user_company_file() -> Path:
    return config_dir() / "company.toml"


def load_company(default: Path = DEFAULT_FILE, override: Path | None = None) -> CompanyDetails:
    """The default file, with the user's override (if present) laid over it, validated."""
    data = _read(default)
    override = user_company_file() if override is None else override
    if override.is_file():
        log.info("company details overridden by %s", override)
        data = _merge(data, _read(override))
    return parse_company(data, default.name)


def parse_company(data: dict[str, Any], source: str) -> CompanyDetails:
    r = _Reader(source, data)
    if r.text("schema", kind=int) != SUPPORTED_SCHEMA:
        raise r.fail("schema", f"must be {SUPPORTED_SCHEMA}")
    paper = r.text("company.paper", required=False) or "letter"
    if paper not in _PAPERS:
        raise r.fail("company.paper", "must be \"letter\" or \"a4\"")
    zone = r.text("company.time_zone", required=False) or "America/Los_Angeles"
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise r.fail("company.time_zone", f"names no known time zone ({zone})") from None
    email = r.text("company.email")
    if "@" not in email:
        raise r.fail("company.email", "is not an email address")
    return CompanyDetails(
        name=r.text("company.name"),
        legal_name=r.text("company.legal_name"),
        website=r.text("company.website"),
        email=email,
        phone=r.text("company.phone"),
        tax_id=r.text("company.tax_id"),
        address=_address(r, "company.address"),
        return_address=_address(r, "return_address"),
        paper="a4" if paper == "a4" else "letter",
        time_zone=zone,
    )


def _address(r: _Reader, key: str) -> Address:
    def part(name: str) -> str | None:
        return r.text(f"{key}.{name}", required=False) or None

    address = Address(
        recipient=r.text(f"{key}.recipient"),
        line1=r.text(f"{key}.line1"),
        line2=part("line2"),
        city=r.text(f"{key}.city"),
        region=part("region"),
        postal_code=part("postal_code"),
        country_code=r.text(f"{key}.country_code"),
        phone=part("phone"),
    )
    if len(address.country_code or "") != 2:
        raise r.fail(f"{key}.country_code", "must be a two-letter country code")
    return address


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CompanyConfigError(
            "error.company-unreadable",
            path=path,
            why=exc.strerror,
        ) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CompanyConfigError("error.company-not-toml", path=path, exc=exc) from exc


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


class _Reader:
    def __init__(self, source: str, data: dict[str, Any]) -> None:
        self.source = source
        self.data = data

    def fail(self, key: str, problem: str) -> CompanyConfigError:
        return CompanyConfigError(
            "error.company-key",
            source=self.source,
            key=key,
            problem=problem,
        )

    def text(self, key: str, *, required: bool = True, kind: type = str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                if required:
                    raise self.fail(key, "is missing")
                return None
            node = node[part]
        if not isinstance(node, kind) or isinstance(node, bool):
            raise self.fail(key, f"has the wrong type ({type(node).__name__})")
        if isinstance(node, str):
            node = node.strip()
            if required and not node:
                raise self.fail(key, "is empty")
        return node
