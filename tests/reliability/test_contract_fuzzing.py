"""Contract fuzzing (issue 14): schemathesis generates requests from the OpenAPI contract
in resources/api and sends them to the running reference server, signed in; every answer
must be no server error and match the contract's response schema. On SQLite and on
PostgreSQL. CI sends a bounded number of examples per operation;
`LIVENON_FUZZ_EXAMPLES=200` runs more."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import response_schema_conformance

from livenon_desk.central.app import create_app
from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.demo_load import load_demo
from livenon_desk.central.serve import RunningServer, start_in_thread
from livenon_desk.central.settings import CentralSettings
from livenon_desk.sync.client import CentralClient, ClientSettings
from tests.central_server import FAST_HASHER, PASSWORDS, TODAY

pytestmark = [pytest.mark.reliability, pytest.mark.timeout(1800)]

CONTRACT = Path(__file__).resolve().parents[2] / "resources" / "api" / "openapi.yaml"


@dataclass(frozen=True)
class Fuzzed:
    cases: int
    failures: list[str]


def fuzz(server_url: str, examples: int) -> Fuzzed:
    """Every operation of the contract, ``examples`` generated requests each."""
    client = CentralClient(ClientSettings(server_url))
    token = client.sign_in("admin", PASSWORDS["admin"]).access_token
    client.close()
    headers = {"Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_path(CONTRACT)
    failures: list[str] = []
    cases = 0
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            failures.append(f"the contract has an invalid operation: {result.err()}")
            continue
        operation = result.ok()

        @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            nonlocal cases
            cases += 1
            response = case.call(base_url=server_url + "/api/v1", headers=headers, timeout=30)
            try:
                case.validate_response(response, checks=[not_a_server_error,
                                                         response_schema_conformance])
            except (AssertionError, BaseExceptionGroup) as exc:  # one failure, or a group
                found = getattr(exc, "exceptions", None) or [exc]
                failures.extend(f"{case.method} {case.path} -> {response.status_code}: "
                                f"{type(f).__name__}: {str(f).splitlines()[0][:300]}"
                                for f in found)

        run()
    return Fuzzed(cases, failures)


def _examples() -> int:
    return int(os.environ.get("LIVENON_FUZZ_EXAMPLES", "8"))


def _serve(db: CentralDatabase) -> Iterator[RunningServer]:
    settings = CentralSettings(database_url=db.url, rate_per_second=None,
                               password_hasher=FAST_HASHER)
    app = create_app(settings, database=db)
    server = start_in_thread(app)
    try:
        yield server
    finally:
        server.stop()
        db.dispose()


@pytest.fixture
def sqlite_server(central_template: Path, tmp_path: Path) -> Iterator[RunningServer]:
    path = tmp_path / "central.sqlite3"
    shutil.copyfile(central_template, path)
    yield from _serve(CentralDatabase(str(path)))


@pytest.fixture
def postgres_server(postgres_url: str) -> Iterator[RunningServer]:
    db = CentralDatabase(postgres_url)
    db.create_schema()
    load_demo(db, returns=12, seed=606, today=TODAY, hasher=FAST_HASHER)
    yield from _serve(db)


def _report(engine: str, fuzzed: Fuzzed) -> None:
    print(f"\ncontract fuzzing on {engine}: requests {fuzzed.cases}, "
          f"failures {len(fuzzed.failures)}")


def test_the_server_keeps_its_contract_on_sqlite(sqlite_server: RunningServer) -> None:
    fuzzed = fuzz(sqlite_server.url, _examples())
    _report("SQLite", fuzzed)
    assert fuzzed.cases > 0
    assert sorted(set(fuzzed.failures)) == []


def test_the_server_keeps_its_contract_on_postgresql(postgres_server: RunningServer) -> None:
    fuzzed = fuzz(postgres_server.url, _examples())
    _report("PostgreSQL", fuzzed)
    assert fuzzed.cases > 0
    assert sorted(set(fuzzed.failures)) == []
