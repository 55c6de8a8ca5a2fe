from __future__ import annotations

import json
import math

import pytest

from livenon_desk.sync.client import _batch_body, _batch_results
from livenon_desk.sync.errors import MalformedAnswerError
from livenon_desk.sync.results import BatchResult, BatchWrite, StoredJson


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


def test_a_body_kept_as_json_text_is_sent_as_it_is() -> None:
    """The outbox's JSON text goes into the request unchanged (not decoded and encoded
    again), and the request reads as the same batch a dict body would have made."""
    stored = '{"notes": "Bo\\u00eete intacte", "n": 1, "ok": true}'
    as_text = BatchWrite("key-1", "inspection", "id-1", StoredJson(stored), 4)
    as_dict = BatchWrite("key-1", "inspection", "id-1", json.loads(stored), 4)
    body = _batch_body([as_text, as_dict])
    assert stored.encode() in body
    sent = json.loads(body)["items"]
    assert sent[0] == sent[1] == as_dict.to_json() == as_text.to_json()


class _Answer:
    """Only the bytes a real answer has: what the client reads of it."""

    def __init__(self, content: bytes) -> None:
        self.content = content

    def json(self) -> object:
        return json.loads(self.content)


RESULTS = [{"key": f"k{i}", "status": 201, "body": {"kind": "inspection", "id": f"i{i}",
                                                    "version": i, "seq": i, "deleted": False,
                                                    "data": {"notes": "完好 ]}"}}}
           for i in range(3)]


@pytest.mark.parametrize("text", [
    json.dumps({"results": RESULTS}),
    json.dumps({"results": RESULTS}, separators=(",", ":")),
    json.dumps({"results": RESULTS}, indent=2, ensure_ascii=False),
    json.dumps({"results": RESULTS, "note": "another key: read whole"}),
    json.dumps({"note": "first", "results": RESULTS}),
])
def test_a_batch_answer_is_read_item_by_item_whatever_its_spacing(text: str) -> None:
    read = _batch_results(_Answer(text.encode()))  # type: ignore[arg-type]
    assert read == [BatchResult(r["key"], r["status"], r["body"]) for r in RESULTS]  # type: ignore[arg-type]


def test_an_empty_batch_answer_is_no_results() -> None:
    assert _batch_results(_Answer(b'{"results": []}')) == []  # type: ignore[arg-type]


@pytest.mark.parametrize("content", [
    b'{"results": [{"key": "k", "status": 201, "body": null}',  # cut short
    b'{"results": [{"key": "k", "status": "created", "body": null}]}',  # outside the contract
    b'{"results": [{"key": "k", "status": 201, "body": null} {"key": "j"}]}',
    b'\xff\xfe not utf-8',
    b"<html>proxy error</html>",
])
def test_a_batch_answer_outside_the_contract_is_a_known_error(content: bytes) -> None:
    with pytest.raises(MalformedAnswerError):
        _batch_results(_Answer(content))  # type: ignore[arg-type]
