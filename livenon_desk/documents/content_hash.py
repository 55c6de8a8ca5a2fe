"""The content hash printed on an inspection report, so that a copy can be checked later.

The hash is the SHA-256 of the inspection as canonical JSON: keys sorted, no spaces,
UTF-8, amounts as decimal strings, times in ISO 8601, photos by their own SHA-256 (not by
where the file happens to be). Anyone holding the record can recompute it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from livenon_desk.documents.data import InspectionRecord


def inspection_hash(record: InspectionRecord) -> str:
    return hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()


def canonical_json(record: InspectionRecord) -> str:
    return json.dumps(_plain(record), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)
                if not isinstance(getattr(value, f.name), Path)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value
