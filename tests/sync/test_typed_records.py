"""The server's records read through the wire format's models: a record that fails them
is refused alone, with the fields that fail named and logged, and the rest of the page is
taken; an answer the desk cannot read at all is a known error, never a crash."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sqlalchemy import select

from livenon_desk.central import records
from livenon_desk.models import ParkedChange, ReturnRequest
from livenon_desk.sync.client import _answer, _entities
from livenon_desk.sync.errors import MalformedAnswerError
from livenon_desk.sync.results import answered_entity
from livenon_desk.sync.worker import Outcome
from livenon_desk.wire import bodies as wire
from tests.central_server import Central
from tests.sync.desk import Desk


def _change(central: Central, kind: str, key: str, **fields: Any) -> None:
    with central.context.db.write() as c:
        current = records.get_live(c, kind, key, kind)
        records.write(c, kind, key, {**(current.data or {}), **fields}, expected=current)


def _carrier(desk: Desk, rma: str) -> str | None:
    with desk.store.read_session() as s:
        return s.scalars(select(ReturnRequest.carrier)
                         .where(ReturnRequest.rma_number == rma)).one()


def test_a_record_the_contract_refuses_is_refused_alone_and_logged(
    desk: Desk, central: Central, caplog: pytest.LogCaptureFixture
) -> None:
    bad = central.find_return("in_transit")
    good = central.find_return("received")
    before = _carrier(desk, bad.key)
    _change(central, "return", bad.key, status="lost_in_space", carrier="DHL")
    _change(central, "return", good.key, carrier="DHL")
    with caplog.at_level(logging.WARNING, logger="livenon_desk.sync.entities"):
        assert desk.worker().run_round().outcome is Outcome.OK
    assert _carrier(desk, good.key) == "DHL"
    assert _carrier(desk, bad.key) == before
    [refused] = desk.sync.refused()
    assert (refused.kind, refused.entity_key) == ("return", bad.key)
    assert "status" in refused.reason_en and "not as the contract says" in refused.reason_en
    assert "status" in refused.reason_zh
    assert any(bad.key in r.getMessage() and "status" in r.getMessage()
               for r in caplog.records)
    # The record's next whole version is taken and the refusal goes.
    _change(central, "return", bad.key, status="in_transit")
    assert desk.worker().run_round().outcome is Outcome.OK
    assert _carrier(desk, bad.key) == "DHL"
    assert desk.sync.refused() == []


def test_a_return_line_without_its_tag_is_refused_not_a_crash(
    desk: Desk, central: Central
) -> None:
    ret = central.find_return("in_transit")
    lines = [{k: v for k, v in line.items() if k != "tag_code"}
             for line in (ret.data or {})["lines"]]
    _change(central, "return", ret.key, lines=lines)
    assert desk.worker().run_round().outcome is Outcome.OK
    [refused] = desk.sync.refused()
    assert "lines.0.tag_code" in refused.reason_en


def test_a_change_the_desk_cannot_read_is_skipped_with_the_rest_of_the_page_kept(
    caplog: pytest.LogCaptureFixture,
) -> None:
    good = {"kind": "return", "id": "RMA-1", "version": 1, "seq": 5, "deleted": False,
            "data": {"rma_number": "RMA-1"}}
    with caplog.at_level(logging.WARNING, logger="livenon_desk.sync.client"):
        read = _entities([{"kind": "parcel", "id": "x", "version": 1, "seq": 4,
                           "deleted": False, "data": None}, {"id": "y"}, good])
    assert [(e.kind, e.id, e.seq) for e in read] == [("return", "RMA-1", 5)]
    messages = [r.getMessage() for r in caplog.records]
    assert any("change 0" in m and "kind" in m for m in messages)
    assert any("change 1" in m and "seq" in m for m in messages)


class _Response:
    def __init__(self, body: Any) -> None:
        self._body = body

    def json(self) -> Any:
        if isinstance(self._body, BaseException):
            raise self._body
        return self._body


@pytest.mark.parametrize("body", [{"access_token": "t"}, ["not", "an", "object"],
                                  ValueError("Expecting value")])
def test_an_answer_outside_the_contract_is_a_known_error(body: Any) -> None:
    with pytest.raises(MalformedAnswerError) as caught:
        _answer(_Response(body), wire.TokenResponse, "the sign-in")  # type: ignore[arg-type]
    assert "the sign-in" in caught.value.text("en")
    assert "中央服务器" in caught.value.text("zh")


def test_a_writes_answer_gives_its_record_only_when_the_desk_can_read_it() -> None:
    record = {"kind": "return", "id": "RMA-1", "version": 3, "seq": 9, "deleted": False,
              "data": {"rma_number": "RMA-1"}}
    found = answered_entity(record)
    assert found is not None and (found.id, found.version) == ("RMA-1", 3)
    assert found.to_json() == record
    decided = answered_entity({"decision": "approved", "return": record})
    assert decided is not None and decided.version == 3
    for unreadable in (None, {}, {"decision": "approved"}, {**record, "version": "three"},
                       {k: v for k, v in record.items() if k != "seq"}):
        assert answered_entity(unreadable) is None


@pytest.mark.usefixtures("central")
def test_a_parked_change_the_wire_format_refuses_is_dropped_not_a_crash(
    desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    with desk.store.session() as s:
        s.add(ParkedChange(kind="parcel", entity_key="P-1", seq=1,
                           document={"kind": "parcel", "id": "P-1", "version": 1, "seq": 1,
                                     "deleted": False, "data": None}))
    with caplog.at_level(logging.WARNING, logger="livenon_desk.sync.pull"):
        assert desk.worker().run_round().outcome is Outcome.OK
    assert any("parked parcel P-1 dropped" in r.getMessage() for r in caplog.records)
    with desk.store.read_session() as s:
        assert s.scalars(select(ParkedChange.entity_key)).all() == []


def test_the_desk_reads_the_wire_format_without_the_web_framework() -> None:
    import subprocess
    import sys

    code = ("import sys, livenon_desk.sync.client, livenon_desk.sync.pull, "
            "livenon_desk.sync.push, livenon_desk.services.desk; "
            "assert 'livenon_desk.wire.bodies' in sys.modules; "
            "assert not {'fastapi', 'starlette', 'uvicorn'} & set(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
