"""The parcel's weight at receipt reaches the central server with the receipt, is kept in
its own column, and comes back to other desks on the pull; a desk of an earlier release
that sends no weight still has its receipt taken. Against the real server on 127.0.0.1,
on SQLite and on PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from livenon_desk.central import tables
from livenon_desk.domain.enums import ParcelCondition
from livenon_desk.models import ReturnRequest
from livenon_desk.services.receiving_dto import ReceiptInput
from livenon_desk.sync.results import BatchWrite
from livenon_desk.sync.worker import Outcome
from tests.builders import NOW
from tests.central_server import Central, new_key
from tests.central_server import receipt_body as raw_receipt
from tests.sync.desk import INSPECTOR, Desk, make_desk


@pytest.fixture
def desks(desk_template: Path, tmp_path: Path, server: Central) -> Iterator[list[Desk]]:
    """Two desks with the same demo records, the second signed in as the supervisor."""
    made = []
    for name, user in (("one", "inspector"), ("two", "supervisor")):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copyfile(desk_template, path)
        made.append(make_desk(path, server.client(user)))
    yield made
    for desk in made:
        desk.store.dispose()


def _weight_column(server: Central, rma: str) -> int | None:
    with server.context.db.read() as c:
        value = c.execute(select(tables.returns.c.receipt_weight_grams)
                          .where(tables.returns.c.key == rma)).scalar_one()
    return None if value is None else int(value)


def _local_weight(desk: Desk, rma: str) -> int | None:
    with desk.store.read_session() as s:
        return s.scalars(select(ReturnRequest.receipt_weight_grams)
                         .where(ReturnRequest.rma_number == rma)).one()


def test_the_weight_goes_with_the_receipt_and_comes_back_on_the_pull(
        desks: list[Desk], server: Central) -> None:
    one, two = desks
    ret = one.receivable()
    cartons = {ln.id: ln.cartons_expected for ln in one.lines(ret.id)}
    one.receiving.receive(INSPECTOR, ret.id, ReceiptInput(
        NOW - timedelta(hours=1), "UPS", "", ParcelCondition.INTACT, True, True, False,
        cartons, scanned=cartons, weight_grams=23_450))
    assert one.worker().run_round().outcome is Outcome.OK
    assert (server.entity("return", ret.rma_number).data or {})["receipt_weight_grams"] \
        == 23_450
    assert _weight_column(server, ret.rma_number) == 23_450

    assert _local_weight(two, ret.rma_number) is None
    assert two.worker().run_round().outcome is Outcome.OK
    assert _local_weight(two, ret.rma_number) == 23_450


def test_a_receipt_without_a_weight_is_taken_and_keeps_the_weight_sent_before(
        server: Central) -> None:
    client = server.client()
    ret = server.find_return("in_transit")
    body = raw_receipt(ret)
    assert "weight_grams" not in body  # as a desk of an earlier release sends it
    [first] = client.push_batch([BatchWrite(new_key(), "receipt", ret.key, body,
                                            ret.version)])
    assert first.status == 200, first.body
    assert (server.entity("return", ret.key).data or {}).get("receipt_weight_grams") is None
    assert _weight_column(server, ret.key) is None

    weighed = server.entity("return", ret.key)
    [second] = client.push_batch([BatchWrite(new_key(), "receipt", ret.key,
                                             raw_receipt(weighed, weight_grams=8_200),
                                             weighed.version)])
    assert second.status == 200, second.body
    again = server.entity("return", ret.key)
    [third] = client.push_batch([BatchWrite(new_key(), "receipt", ret.key,
                                            raw_receipt(again), again.version)])
    assert third.status == 200, third.body
    assert (server.entity("return", ret.key).data or {})["receipt_weight_grams"] == 8_200
    assert _weight_column(server, ret.key) == 8_200


@pytest.mark.parametrize("grams", [0, -5, 2_000_001, 12.5, "heavy"])
def test_a_weight_that_is_not_one_refuses_the_receipt(server: Central,
                                                      grams: object) -> None:
    client = server.client()
    ret = server.find_return("in_transit")
    [result] = client.push_batch([BatchWrite(new_key(), "receipt", ret.key,
                                             raw_receipt(ret, weight_grams=grams),
                                             ret.version)])
    assert result.status == 422, result.body
    assert _weight_column(server, ret.key) is None
