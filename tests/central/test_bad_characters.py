"""A NUL or another control character in a user name or a record's id is the client's
mistake: a 4xx problem for that request, or for that item alone in a batch, on SQLite and
on PostgreSQL alike (whose text columns cannot hold a NUL at all)."""

from __future__ import annotations

import uuid
from urllib.parse import quote

import requests

from livenon_desk.central.records import Entity
from livenon_desk.sync.client import CentralClient
from livenon_desk.sync.results import BatchWrite
from tests.central_server import Central, inspection_body, new_key, receipt_body

BAD = ["\x00", "a\x00b", "tab\there", "line\nbreak", "bell\x07", "del\x7f"]


def _problem(response: requests.Response, status: int) -> None:
    assert response.status_code == status, response.text[:300]
    assert response.headers["Content-Type"].startswith("application/problem+json")


def test_a_bad_user_name_at_sign_in_is_422(server: Central) -> None:
    for bad in BAD:
        response = requests.post(server.api + "/auth/token", timeout=10,
                                 json={"username": f"inspector{bad}", "password": "x"})
        _problem(response, 422)


def test_a_bad_id_in_a_batch_refuses_that_item_alone(server: Central) -> None:
    client = server.client()
    ret = server.find_return("received")
    for bad in BAD:
        _one_bad_batch(server, client, ret, bad)


def _one_bad_batch(server: Central, client: CentralClient, ret: Entity, bad: str) -> None:
    other = server.find_return("in_transit")
    items = [
        BatchWrite(new_key(), "inspection", str(uuid.uuid4()), inspection_body(ret)),
        BatchWrite(new_key(), "inspection", f"id{bad}", inspection_body(ret)),
        BatchWrite(new_key(), "receipt", f"{other.key}{bad}", receipt_body(other),
                   other.version),
        BatchWrite(new_key(), "inspection", str(uuid.uuid4()),
                   inspection_body(ret, rma_number=f"{ret.key}{bad}")),
        BatchWrite(new_key(), "receipt", other.key,
                   receipt_body(other, received_by=f"inspector{bad}"), other.version),
        BatchWrite(new_key(), "receipt", other.key, receipt_body(other), other.version),
    ]
    results = client.push_batch(items)
    assert [r.status for r in results] == [201, 422, 422, 422, 422, 200]
    for refused in results[1:5]:
        assert (refused.body or {})["type"].endswith("invalid-request")
    assert server.entity("return", other.key).version == other.version + 1


def test_a_bad_id_in_a_path_is_422(server: Central) -> None:
    client = server.client()
    other = server.find_return("in_transit")
    for bad in BAD:
        response = requests.put(
            server.api + "/returns/" + quote(f"{other.key}{bad}") + "/receipt",
            json=receipt_body(other), timeout=10,
            headers={"Authorization": f"Bearer {client.token}", "Idempotency-Key": new_key(),
                     "If-Match": f'"{other.version}"'})
        _problem(response, 422)
