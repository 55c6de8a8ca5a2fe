"""Every write names the warehouse it comes from: the desk sends its station's
``[station] warehouse_id`` in the Warehouse-Id header, the server records it with the
entity and with each audit event (so its audit trail says which warehouse wrote a change),
an empty id is recorded as empty, a missing header (a desk of an earlier release) as
unknown, and a malformed id is refused with a problem document and nothing recorded.
Against the real server on 127.0.0.1, on SQLite and on PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import ColumnElement, Table, select

from livenon_desk.central import tables
from livenon_desk.services.central_service import CentralService, Outcome
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.sync.credentials import TokenStore
from tests.central_server import (
    PASSWORDS,
    Central,
    new_key,
    receipt_body,
)
from tests.sync.desk import Desk, make_desk


@pytest.fixture
def station_desk(desk_template: Path, tmp_path: Path, server: Central) -> Iterator[Desk]:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(desk_template, path)
    made = make_desk(path, server.client(None))
    yield made
    made.store.dispose()


def _station(monkeypatch: pytest.MonkeyPatch, warehouse_id: str) -> None:
    settings = DeskSettings(warehouse_id=warehouse_id)
    monkeypatch.setattr("livenon_desk.services.desk_settings.desk_settings", lambda: settings)


def _round(desk: Desk, server: Central, tmp_path: Path) -> str:
    """A return received at the desk and synced through the desk's one sync service."""
    service = CentralService(TokenStore(use_keyring=False, folder=tmp_path / "tokens"))
    service.sign_in(server.url, "inspector", PASSWORDS["inspector"])
    rma = desk.receive_next()
    report = service.run_round(desk.sync, server.url)
    assert report.outcome is Outcome.OK and report.done
    return rma


def _warehouses(server: Central, table: Table, where: ColumnElement[bool]) -> list[str | None]:
    with server.context.db.read() as c:
        return list(c.execute(select(table.c.warehouse_id).where(where)).scalars())


def test_the_station_s_warehouse_is_recorded_with_each_change_and_its_audit_trail(
        station_desk: Desk, server: Central, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _station(monkeypatch, "LAX-Returns.2")
    rma = _round(station_desk, server, tmp_path)
    assert _warehouses(server, tables.returns, tables.returns.c.key == rma) == [
        "LAX-Returns.2"]
    units = _warehouses(server, tables.units, tables.units.c.rma_number == rma)
    assert units and set(units) == {"LAX-Returns.2"}
    trail = _warehouses(server, tables.audit_events,
                        tables.audit_events.c.received_by == "inspector")
    assert trail and set(trail) == {"LAX-Returns.2"}


def test_a_station_that_names_no_warehouse_is_recorded_as_such(
        station_desk: Desk, server: Central, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _station(monkeypatch, "")
    rma = _round(station_desk, server, tmp_path)
    assert _warehouses(server, tables.returns, tables.returns.c.key == rma) == [""]
    trail = _warehouses(server, tables.audit_events,
                        tables.audit_events.c.received_by == "inspector")
    assert trail and set(trail) == {""}


def _push_receipt(server: Central, headers: dict[str, str]) -> requests.Response:
    token = server.client("inspector").token
    ret = server.find_return("in_transit")
    item = {"key": new_key(), "kind": "receipt", "entity_id": ret.key,
            "if_match": ret.version, "body": receipt_body(ret)}
    return requests.post(server.api + "/batch", json={"items": [item]}, timeout=10,
                         headers={"Authorization": f"Bearer {token}", **headers})


def test_a_desk_that_sends_no_warehouse_is_recorded_as_unknown(server: Central) -> None:
    response = _push_receipt(server, {})
    assert response.status_code == 200, response.text[:300]
    [result] = response.json()["results"]
    assert result["status"] == 200, result
    key = result["body"]["id"]
    assert _warehouses(server, tables.returns, tables.returns.c.key == key) == [None]


@pytest.mark.parametrize("bad", ["LAX 1", "-LAX", "x" * 41, "caf\xe9", "LAX/1"])
def test_a_malformed_warehouse_id_is_refused_and_nothing_is_recorded(
        server: Central, bad: str) -> None:
    seq = server.seq()
    response = _push_receipt(server, {"Warehouse-Id": bad})
    assert response.status_code == 400, response.text[:300]
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert response.json()["type"].endswith("bad-warehouse-id")
    assert server.seq() == seq
