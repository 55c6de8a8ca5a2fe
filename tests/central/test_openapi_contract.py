"""The OpenAPI file in resources/api and the server agree: paths, methods, status codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from livenon_desk.central.app import create_app
from livenon_desk.central.routes import API_PREFIX
from livenon_desk.central.settings import CentralSettings

CONTRACT = Path(__file__).resolve().parents[2] / "resources" / "api" / "openapi.yaml"
METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}
WRITES = {("put", "/returns/{rma}/receipt"), ("put", "/inspections/{uuid}"),
          ("post", "/inspections/{uuid}/override"), ("post", "/audit-events"),
          ("post", "/refund-decisions"), ("put", "/photos/{sha256}")}
UPDATES = {("put", "/returns/{rma}/receipt"), ("post", "/inspections/{uuid}/override"),
           ("post", "/refund-decisions")}


@pytest.fixture(scope="module")
def contract() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    return doc


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("openapi") / "central.sqlite3"
    app = create_app(CentralSettings(database_url=str(path)))
    schema = app.openapi()
    app.state.central.db.dispose()
    return schema


def _operations(paths: dict[str, Any], prefix: str = "") -> dict[tuple[str, str], set[str]]:
    return {
        (method, path.removeprefix(prefix)): set(op["responses"])
        for path, ops in paths.items() for method, op in ops.items() if method in METHODS
    }


def test_the_server_and_the_file_have_the_same_operations_and_status_codes(
    contract: dict[str, Any], generated: dict[str, Any]
) -> None:
    mine = _operations(contract["paths"])
    served = _operations(generated["paths"], API_PREFIX)
    assert sorted(mine) == sorted(served)
    for operation, codes in served.items():
        assert mine[operation] == codes, operation


def test_the_file_is_openapi_3_1_under_api_v1(contract: dict[str, Any]) -> None:
    assert contract["openapi"].startswith("3.1.")
    assert contract["servers"][0]["url"].endswith("/api/v1")


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_every_reference_resolves(contract: dict[str, Any]) -> None:
    for ref in _refs(contract):
        node: Any = contract
        for part in ref.removeprefix("#/").split("/"):
            assert part in node, ref
            node = node[part]


def _resolve(contract: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = contract
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _header_params(contract: dict[str, Any], op: dict[str, Any]) -> dict[str, bool]:
    params = [_resolve(contract, p) for p in op.get("parameters", [])]
    return {p["name"]: p.get("required", False) for p in params if p["in"] == "header"}


def test_writes_require_an_idempotency_key_and_updates_if_match(
    contract: dict[str, Any],
) -> None:
    for method, path in WRITES:
        headers = _header_params(contract, contract["paths"][path][method])
        assert headers.get("Idempotency-Key") is True, (method, path)
        if (method, path) in UPDATES:
            assert headers.get("If-Match") is True, (method, path)


def test_errors_are_problem_documents(contract: dict[str, Any]) -> None:
    for path, ops in contract["paths"].items():
        for method, op in ops.items():
            if method == "head":
                continue
            for code, response in op["responses"].items():
                if int(code) >= 400:
                    content = _resolve(contract, response)["content"]
                    assert list(content) == ["application/problem+json"], (path, code)


def test_the_cursor_is_what_the_contract_says(contract: dict[str, Any]) -> None:
    import re

    from livenon_desk.central.changes import parse_cursor
    from livenon_desk.central.problems import ProblemError

    [since] = [p for p in contract["paths"]["/changes"]["get"]["parameters"]
               if p["name"] == "since"]
    pattern = re.compile(since["schema"]["pattern"])
    biggest = str(2**63 - 1)  # the largest seq the server can hand out
    assert pattern.fullmatch(biggest) and len(biggest) <= since["schema"]["maxLength"]
    assert parse_cursor(biggest) == 2**63 - 1
    for bad in ("abc", "1" * 20, "-1"):
        assert not pattern.fullmatch(bad)
        with pytest.raises(ProblemError):
            parse_cursor(bad)


def test_a_method_a_path_does_not_take_names_every_one_it_does(
    contract: dict[str, Any], tmp_path: Path,
) -> None:
    import requests

    from livenon_desk.central.serve import start_in_thread

    app = create_app(CentralSettings(database_url=str(tmp_path / "c.sqlite3")))
    server = start_in_thread(app)
    try:
        for path, ops in contract["paths"].items():
            allowed = {m.upper() for m in ops if m in METHODS}
            concrete = (path.replace("{sha256}", "0" * 64).replace("{rma}", "RMA-1")
                        .replace("{uuid}", "8f2c6a8e-3f0e-4a57-9d3c-1b2a3c4d5e6f")
                        .replace("{desk_id}", "8f2c6a8e"))
            response = requests.request("DELETE", server.url + API_PREFIX + concrete,
                                        timeout=5)
            assert response.status_code == 405, path
            assert set(response.headers["Allow"].split(", ")) == allowed, path
    finally:
        server.stop()
        app.state.central.db.dispose()
