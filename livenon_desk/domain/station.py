"""What names a station's warehouse: the id in ``[station] warehouse_id``, which the desk
sends with every write and the central server records with it (one pattern for both)."""

from __future__ import annotations

import re

WAREHOUSE_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"
_WAREHOUSE_ID = re.compile(WAREHOUSE_ID)


def is_warehouse_id(value: str) -> bool:
    """A letter or digit, then up to 39 letters, digits, dots, dashes or underscores."""
    return _WAREHOUSE_ID.fullmatch(value) is not None
