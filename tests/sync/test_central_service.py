"""The one service that signs in to the central server, keeps the token and runs a round;
the window's sync controller, the desk's sign-in and the command line all use it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from livenon_desk.domain.roles import Role
from livenon_desk.errors import SignInError
from livenon_desk.paths import PACKAGE_DIR
from livenon_desk.services.auth_service import CentralUnreachableError
from livenon_desk.services.central_service import CentralService, NotSignedInError, Outcome
from livenon_desk.sync.credentials import TokenStore
from livenon_desk.sync.retry import RetryPolicy
from tests.central_server import PASSWORDS, Central
from tests.sync.desk import Desk


def test_signing_in_keeps_the_token_and_a_round_uses_it(
        desk: Desk, central: Central, tmp_path: Path) -> None:
    tokens = TokenStore(use_keyring=False, folder=tmp_path)
    service = CentralService(tokens)
    assert not service.is_signed_in(central.url)
    with pytest.raises(NotSignedInError):
        service.run_round(desk.sync, central.url)

    rma = desk.receive_next()
    # Typed with a space and a final slash, it is the same server: one token.
    role = service.sign_in(f" {central.url}/", " inspector ", PASSWORDS["inspector"])
    assert role == "inspector"
    assert tokens.load(central.url)
    assert service.is_signed_in(central.url + "/")

    report = service.run_round(desk.sync, central.url)
    assert report.outcome is Outcome.OK and report.done
    # The receipt, and a unit for each carton received.
    assert report.sent == 1 + desk.unit_rows() and report.snapshot.waiting == 0
    assert (central.entity("return", rma).data or {})["received_at"]
    # The desk's audit trail went with it, and the server now anchors the chain.
    anchor = service.audit_anchor(central.url, desk_id(desk))
    assert anchor is not None and report.audit_sent > 0


def desk_id(desk: Desk) -> str:
    from livenon_desk.services.audit import AuditService

    return AuditService(desk.store).desk_id()


def test_a_server_that_cannot_be_reached_is_said_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RetryPolicy, "delay", lambda *_args: None)
    service = CentralService(TokenStore(use_keyring=False, folder=tmp_path))
    with pytest.raises(CentralUnreachableError, match="cannot be reached"):
        service.sign_in("http://127.0.0.1:9", "inspector", "whatever")
    assert not service.is_signed_in("http://127.0.0.1:9")


def test_the_desk_sign_in_check_keeps_the_token_for_the_sync(
        central: Central, tmp_path: Path) -> None:
    tokens = TokenStore(use_keyring=False, folder=tmp_path)
    check = CentralService(tokens).password_check(central.url + "/")
    assert check is not None
    with pytest.raises(SignInError):
        check("supervisor", "not the password")
    assert tokens.load(central.url) is None
    assert check("supervisor", PASSWORDS["supervisor"]) is Role.SUPERVISOR
    assert tokens.load(central.url)
    # An address the desk may not use is no check at all (the desk signs in locally).
    assert CentralService(tokens).password_check("ftp://central.example") is None


@pytest.mark.parametrize("folder", ["views", "cli"])
def test_the_views_and_the_command_line_reach_the_server_only_through_the_service(
        folder: str) -> None:
    importers = []
    for path in sorted((PACKAGE_DIR / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([node.module or "", *(f"{node.module}.{a.name}" for a in node.names)]
                     if isinstance(node, ast.ImportFrom)
                     else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            if any(n == "livenon_desk.sync" or n.startswith("livenon_desk.sync.")
                   for n in names):
                importers.append(path.name)
    assert importers == []
