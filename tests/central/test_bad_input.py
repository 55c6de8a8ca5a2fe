"""Whatever a client sends, the server answers with a problem document and never a 5xx."""

from __future__ import annotations

import json
import random
import uuid

import pytest
import requests

from tests.central_server import Central, inspection_body, new_key

PROBLEM = "application/problem+json"
RMA_PATH = "/returns/RMA-2026-000001/receipt"
INSPECTION_PATH = f"/inspections/{uuid.uuid4()}"
ROUTES = [
    ("POST", "/auth/token"),
    ("POST", "/batch"),
    ("PUT", RMA_PATH),
    ("PUT", INSPECTION_PATH),
    ("POST", INSPECTION_PATH + "/override"),
    ("POST", "/audit-events"),
    ("POST", "/refund-decisions"),
]
BODIES: list[bytes] = [
    b"", b"{", b"null", b"[]", b"42", b'"text"', b"\xff\xfe\x00garbage", b"{" * 5000,
    json.dumps({"items": [{"key": "k", "kind": "nope", "entity_id": "x", "body": {}}]}).encode(),
    json.dumps({"items": [{"key": "k", "kind": "receipt", "entity_id": "x",
                           "if_match": 10**30, "body": {"lines": "x"}}]}).encode(),
    json.dumps({"received_at": "yesterday", "lines": [{"tag_code": None}]}).encode(),
    json.dumps({"rma_number": "R" * 5000, "started_at": "2026-11-25T09:00:00"}).encode(),
    json.dumps({"uuid": "not-a-uuid", "amount_cents": -1, "currency": "usd"}).encode(),
    json.dumps({"username": 1, "password": ["x"]}).encode(),
    json.dumps({"decision": "maybe", "reason": "", "by": "", "at": 5}).encode(),
]


def _assert_problem(response: requests.Response) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    assert response.headers["Content-Type"].startswith(PROBLEM)
    doc = response.json()
    assert doc["status"] == response.status_code and doc["title"] and doc["type"]


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_malformed_bodies_are_4xx_problems(central: Central, method: str, path: str) -> None:
    token = central.client().token
    session = requests.Session()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
               "Idempotency-Key": new_key(), "If-Match": '"1"'}
    rng = random.Random(7)
    bodies = [*BODIES, *(bytes(rng.randrange(256) for _ in range(64)) for _ in range(5))]
    try:
        for body in bodies:
            _assert_problem(session.request(method, central.api + path, data=body,
                                            headers=headers, timeout=5))
    finally:
        session.close()


def test_bad_headers_and_parameters_are_400_or_422(central: Central) -> None:
    client = central.client()
    ret = central.find_return("received")
    auth = {"Authorization": f"Bearer {client.token}"}
    body = inspection_body(ret)
    cases = [
        ("PUT", INSPECTION_PATH, {}, 400),  # no Idempotency-Key
        ("PUT", INSPECTION_PATH, {"Idempotency-Key": "bad key with spaces"}, 400),
        ("PUT", INSPECTION_PATH, {"Idempotency-Key": "k" * 300}, 400),
        ("PUT", INSPECTION_PATH, {"Idempotency-Key": "k", "If-Match": "yesterday"}, 400),
        ("PUT", "/inspections/not-a-uuid", {"Idempotency-Key": "k"}, 422),
        ("PUT", RMA_PATH, {"Idempotency-Key": "k"}, 400),  # no If-Match
        ("GET", "/changes?since=abc", {}, 400),
        ("GET", "/changes?limit=0", {}, 422),
        ("GET", "/changes?limit=99999999999999999999", {}, 422),
        ("HEAD", "/photos/XYZ", {}, 422),
        ("GET", "/no-such-route", {}, 404),
        ("DELETE", "/batch", {}, 405),
    ]
    for method, path, headers, status in cases:
        response = requests.request(method, central.api + path, json=body,
                                    headers={**auth, **headers}, timeout=5)
        assert response.status_code == status, (method, path, response.text[:300])
        if method != "HEAD":
            _assert_problem(response)


def test_no_token_or_a_wrong_one_is_401(central: Central) -> None:
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic eDp5"}):
        response = requests.get(central.api + "/changes", headers=headers, timeout=5)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"
        _assert_problem(response)
