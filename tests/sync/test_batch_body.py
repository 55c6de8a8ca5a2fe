from __future__ import annotations

import json
import math

import pytest

from livenon_desk.sync.client import _batch_body
from livenon_desk.sync.results import BatchWrite


def test_a_batch_is_written_as_one_json_dumps_would_write_it() -> None:
    # Encoded item by item (the window's thread never waits for a whole batch), with the
    # very bytes requests' json= made of the whole.
    items = [BatchWrite(f"key-{i}", "inspection", f"id-{i}",
                        {"notes": "Boîte intacte, 完好", "n": i, "ok": True}, i or None)
             for i in range(3)]
    expected = json.dumps({"items": [i.to_json() for i in items]}, allow_nan=False).encode()
    assert _batch_body(items) == expected
    assert json.loads(_batch_body([])) == {"items": []}
    with pytest.raises(ValueError, match="JSON compliant"):
        _batch_body([BatchWrite("k", "inspection", "x", {"weight": math.nan})])
