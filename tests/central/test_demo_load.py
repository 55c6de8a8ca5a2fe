"""--demo: the server holds what a desk demo with the same seed and day holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.demo_load import load_desk_database
from livenon_desk.cli import main
from livenon_desk.demo.generator import generate_demo_data
from livenon_desk.demo.users import DEMO_USERS
from livenon_desk.errors import KnownError
from livenon_desk.models import Customer, Inspection, ReturnRequest
from livenon_desk.store.opening import open_store
from tests.central_server import TODAY, Central


def test_the_server_holds_the_desk_demos_records_at_their_versions(
    central: Central, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "desk.sqlite3")
    generate_demo_data(store, returns=40, seed=606, today=TODAY)
    with store.read_session() as s:
        desk_returns = {row.rma_number: row.version for row in
                        s.execute(select(ReturnRequest.rma_number, ReturnRequest.version))}
        desk_restricted = set(s.scalars(select(ReturnRequest.rma_number)
                                        .where(ReturnRequest.restricted)))
        desk_customers = set(s.scalars(select(Customer.customer_number)))
        desk_inspections = set(s.scalars(select(Inspection.uuid)))
    store.dispose()

    pulled = [c for page in central.client().pull_all(limit=1000) for c in page.changes]

    by_kind = {kind: {c.id: c for c in pulled if c.kind == kind}
               for kind in ("customer", "order", "return", "inspection")}
    assert {k: v.version for k, v in by_kind["return"].items()} == desk_returns
    assert {k for k, v in by_kind["return"].items() if v.restricted} == desk_restricted
    assert set(by_kind["customer"]) == desk_customers
    assert set(by_kind["inspection"]) == desk_inspections
    assert len(by_kind["order"]) == 40
    some_order = next(iter(by_kind["order"].values())).data or {}
    assert some_order["lines"] and some_order["customer_number"] in desk_customers


def test_every_demo_user_signs_in_with_the_documented_password(central: Central) -> None:
    for name, _password, role in DEMO_USERS:
        client = central.client(name)
        assert client.token
        assert role in ("inspector", "supervisor", "admin")


def test_demo_data_goes_only_into_an_empty_central_database(central: Central,
                                                            tmp_path: Path) -> None:
    store = open_store(tmp_path / "desk.sqlite3")
    try:
        with pytest.raises(KnownError):
            load_desk_database(store, central.context.db)
    finally:
        store.dispose()


def test_central_user_adds_a_user_who_can_sign_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(tmp_path / "central.sqlite3")
    monkeypatch.setenv("LIVENON_CENTRAL_PASSWORD", "s3cret-pass")

    assert main(["central-user", "maria", "--role", "supervisor", "--db", url]) == 0

    assert "maria (supervisor)" in capsys.readouterr().out
    from livenon_desk.central.passwords import user_role

    db = CentralDatabase(url)
    with db.read() as c:
        assert user_role(c, "maria", "s3cret-pass", PasswordHasher()) == "supervisor"
        assert user_role(c, "maria", "wrong", PasswordHasher()) is None
    db.dispose()


def test_central_refuses_half_a_tls_setup(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["central", "--tls-cert", "cert.pem", "--port", "8443"]) == 1
    assert "--tls-key" in capsys.readouterr().err
