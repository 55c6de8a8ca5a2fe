"""The suppliers Livenon buys from, and whose SKU is whose: ``resources/suppliers.toml``.

A unit routed to return to vendor goes back to the supplier of its SKU (the longest
prefix that matches), on that supplier's RTV shipment, in the language it reads.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from livenon_desk.domain.values import Address
from livenon_desk.errors import PolicyError
from livenon_desk.paths import RESOURCES_DIR

SUPPORTED_SCHEMA = 1
SUPPLIERS_FILE = RESOURCES_DIR / "suppliers.toml"


@dataclass(frozen=True)
class Supplier:
    supplier_id: str
    name: str
    language: Literal["en", "zh"]
    contact: str
    address: Address
    sku_prefixes: tuple[str, ...]


@dataclass(frozen=True)
class Suppliers:
    suppliers: tuple[Supplier, ...]

    def of_sku(self, sku: str) -> Supplier | None:
        """The supplier whose longest prefix starts ``sku``; None when none does."""
        best: tuple[int, Supplier] | None = None
        for supplier in self.suppliers:
            for prefix in supplier.sku_prefixes:
                if sku.startswith(prefix) and (best is None or len(prefix) > best[0]):
                    best = (len(prefix), supplier)
        return None if best is None else best[1]

    def get(self, supplier_id: str) -> Supplier | None:
        return next((s for s in self.suppliers if s.supplier_id == supplier_id), None)


def read_suppliers(path: Path) -> Suppliers:
    """The suppliers of ``path``, checked: each with an id, a name, a language (en, zh), an
    address and at least one SKU prefix; ids unique."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if data.get("schema") != SUPPORTED_SCHEMA:
        raise PolicyError("error.suppliers-invalid", path=path.name,
                          detail=f"schema must be {SUPPORTED_SCHEMA}")
    found: list[Supplier] = []
    for index, raw in enumerate(data.get("suppliers", [])):
        found.append(_supplier(path, index, raw))
    ids = [s.supplier_id for s in found]
    if len(set(ids)) != len(ids):
        raise PolicyError("error.suppliers-invalid", path=path.name,
                          detail="supplier ids repeat")
    return Suppliers(tuple(found))


def _supplier(path: Path, index: int, raw: dict[str, Any]) -> Supplier:
    def fail(detail: str) -> PolicyError:
        return PolicyError("error.suppliers-invalid", path=path.name,
                           detail=f"suppliers[{index}]: {detail}")

    for key in ("id", "name", "contact"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise fail(f"{key} is missing")
    language = raw.get("language")
    if language not in ("en", "zh"):
        raise fail("language must be \"en\" or \"zh\"")
    prefixes = raw.get("sku_prefixes")
    if not isinstance(prefixes, list) or not prefixes or not all(
            isinstance(p, str) and p for p in prefixes):
        raise fail("sku_prefixes must list at least one prefix")
    address = raw.get("address")
    if not isinstance(address, dict) or not address.get("recipient"):
        raise fail("address.recipient is missing")
    known = {"recipient", "line1", "line2", "city", "region", "postal_code", "country_code",
             "phone", "company"}
    return Supplier(
        supplier_id=raw["id"], name=raw["name"], language="zh" if language == "zh" else "en",
        contact=raw["contact"],
        address=Address(**{k: str(v) for k, v in address.items() if k in known}),
        sku_prefixes=tuple(prefixes))


@cache
def default_suppliers() -> Suppliers:
    """The suppliers shipped in ``resources/suppliers.toml``."""
    return read_suppliers(SUPPLIERS_FILE)
