"""The real reference server on 127.0.0.1 (uvicorn in a thread, a free port, a temporary
SQLite file) and the real client signed in to it: shared by tests/central and tests/sync.

The demo data is made once per session into a template file that each test copies, so a
test starts from the same few dozen returns in a few milliseconds.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.engine import make_url

from livenon_desk.central import records, tables
from livenon_desk.central.app import context_of, create_app
from livenon_desk.central.context import CentralContext
from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.demo_load import load_demo
from livenon_desk.central.faults import FaultInjector
from livenon_desk.central.serve import RunningServer, start_in_thread
from livenon_desk.central.settings import CentralSettings
from livenon_desk.demo.users import DEMO_USERS
from livenon_desk.sync.client import CentralClient, ClientSettings
from livenon_desk.sync.retry import RetryPolicy
from tests.postgres import PostgresServer

TODAY = date(2026, 11, 25)
# argon2 at its cheapest: the servers' passwords are hashed and checked in a moment.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PASSWORDS = {name: password for name, password, _ in DEMO_USERS}
FAST_RETRY = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05, max_retry_after=5)


@dataclass
class Central:
    server: RunningServer
    context: CentralContext
    faults: FaultInjector
    sleeps: list[float] = field(default_factory=list)
    _clients: list[CentralClient] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def api(self) -> str:
        return self.server.url + "/api/v1"

    def client(self, user: str | None = "inspector", *,
               sleep: Callable[[float], None] | None = None, **settings: Any) -> CentralClient:
        """A real client, signed in as ``user``; its waits are recorded in ``sleeps`` and
        not slept (or handed to ``sleep``)."""
        settings.setdefault("retry", FAST_RETRY)
        settings.setdefault("read_timeout", 10.0)

        def record(seconds: float) -> None:
            self.sleeps.append(seconds)
            if sleep is not None:
                sleep(seconds)

        client = CentralClient(ClientSettings(self.url, **settings), sleep=record)
        self._clients.append(client)
        if user is not None:
            client.sign_in(user, PASSWORDS[user])
        return client

    def entity(self, kind: str, key: str) -> records.Entity:
        with self.context.db.read() as c:
            found = records.get(c, kind, key)
        assert found is not None
        return found

    def find_return(self, *statuses: str, restricted: bool = False) -> records.Entity:
        with self.context.db.read() as c:
            rows = c.execute(select(tables.returns.c.key)
                             .where(tables.returns.c.restricted == restricted)
                             .order_by(tables.returns.c.seq)).scalars().all()
        for key in rows:
            entity = self.entity("return", key)
            if not statuses or (entity.data or {}).get("status") in statuses:
                return entity
        raise AssertionError(f"no return with status {statuses}")

    def seq(self) -> int:
        with self.context.db.read() as c:
            value = c.execute(select(tables.counters.c.value)).scalar_one()
        return int(value)

    def count(self, table: Any) -> int:
        with self.context.db.read() as c:
            return len(c.execute(select(table)).all())

    def close(self) -> None:
        for client in self._clients:
            client.close()
        self.faults.release.set()
        self.server.stop()
        self.context.db.dispose()


@pytest.fixture(scope="session")
def central_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("central-template") / "central.sqlite3"
    db = CentralDatabase(str(path))
    db.create_schema()
    load_demo(db, returns=40, seed=606, today=TODAY, hasher=FAST_HASHER)
    db.dispose()
    return path


@pytest.fixture
def central(central_template: Path, tmp_path: Path) -> Iterator[Central]:
    path = tmp_path / "central.sqlite3"
    shutil.copyfile(central_template, path)
    yield from _serve(str(path))


def _serve(url: str) -> Iterator[Central]:
    faults = FaultInjector()
    settings = CentralSettings(database_url=url, rate_per_second=None,
                               password_hasher=FAST_HASHER, in_flight_lease_seconds=60)
    app = create_app(settings, faults=faults)
    running = Central(start_in_thread(app), context_of(app), faults)
    try:
        yield running
    finally:
        running.close()


@pytest.fixture(scope="session")
def central_postgres_template(postgres: PostgresServer) -> str:
    """The same demo data as ``central_template``, in a PostgreSQL database that each test
    copies (CREATE DATABASE ... TEMPLATE)."""
    url = postgres.create_database("central_template")
    db = CentralDatabase(url)
    try:
        db.create_schema()
        load_demo(db, returns=40, seed=606, today=TODAY, hasher=FAST_HASHER)
    finally:
        db.dispose()
    return make_url(url).database or ""


@pytest.fixture
def central_postgres(postgres: PostgresServer,
                     central_postgres_template: str) -> Iterator[Central]:
    """The reference server on its own copy of the demo data on PostgreSQL."""
    yield from _serve(postgres.create_database(template=central_postgres_template))


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest) -> Central:
    """The reference server on SQLite, then on PostgreSQL: a test that takes it runs on
    both."""
    name = "central" if request.param == "sqlite" else "central_postgres"
    running: Central = request.getfixturevalue(name)
    return running


def inspection_body(ret: records.Entity, **changes: Any) -> dict[str, Any]:
    data = ret.data or {}
    body: dict[str, Any] = {
        "rma_number": ret.key,
        "tag_code": data["lines"][0]["tag_code"],
        "inspector": "inspector",
        "started_at": "2026-11-25T09:00:00+00:00",
        "finished_at": "2026-11-25T09:20:00+00:00",
        "checklist": {"unassembled": "yes", "undamaged": "yes"},
        "notes": "Box intact, all accessories present.",
        "decision": "eligible",
        "rule_results": [{"rule": "E2", "outcome": "pass"}],
        "policy_version": "2025.1",
        "disposition": "restock",
    }
    body.update(changes)
    return body


def receipt_body(ret: records.Entity, **changes: Any) -> dict[str, Any]:
    lines = (ret.data or {})["lines"]
    body: dict[str, Any] = {
        "received_at": "2026-11-25T10:00:00+00:00",
        "received_by": "inspector",
        "parcel_condition": "intact",
        "lines": [{"tag_code": line["tag_code"], "cartons_received": line["cartons_expected"]}
                  for line in lines],
    }
    body.update(changes)
    return body


def new_key() -> str:
    return str(uuid.uuid4())
