"""The central server anchors each desk's audit chain, and `audit verify` compares with it:
deleting the newest events, all of them, or rewriting the chain with the desk's own key is
found (issue 14, 4)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from livenon_desk.central import tables
from livenon_desk.cli import main
from livenon_desk.models import AuditEvent
from livenon_desk.services.audit import AuditAction, AuditService
from livenon_desk.store.audit_key import AuditKeyStore
from livenon_desk.sync.credentials import TokenStore
from tests.builders import NOW
from tests.central_server import Central
from tests.services.test_keyed_audit_chain import rewrite_chain
from tests.sync.desk import INSPECTOR, Desk


def _sent(desk: Desk, n: int) -> AuditService:
    audit = AuditService(desk.store, clock=lambda: NOW)
    for i in range(n):
        audit.record(INSPECTOR, AuditAction.VIEWED, entity_kind="return",
                     entity_key=f"RMA-{i}")
    desk.worker().run_round()
    return audit


def _verify(desk: Desk, central: Central,
            capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    desk.store.dispose()
    code = main(["audit", "verify", "--db", str(desk.store.path), "--server", central.url])
    return code, capsys.readouterr().out


@pytest.fixture
def signed_in(desk: Desk, central: Central) -> Desk:
    assert desk.client.token
    TokenStore().save(central.url, desk.client.token)
    return desk


def test_the_server_keeps_the_newest_hash_and_verify_compares_with_it(
        signed_in: Desk, central: Central, capsys: pytest.CaptureFixture[str]) -> None:
    audit = _sent(signed_in, 4)
    desk_id = audit.desk_id()
    anchor = signed_in.client.audit_anchor(desk_id)
    with signed_in.store.read_session() as s:
        newest = s.execute(select(AuditEvent.id, AuditEvent.hash)
                           .order_by(AuditEvent.id.desc()).limit(1)).one()

    code, out = _verify(signed_in, central, capsys)

    assert anchor is not None and (anchor.event_id, anchor.hash) == tuple(newest)
    assert central.count(tables.audit_anchors) == 1
    assert code == 0 and f"holds events up to {anchor.event_id}" in out


@pytest.mark.parametrize("cut", ["DELETE FROM audit_events WHERE id > 2;",
                                 "DELETE FROM audit_events;"])
def test_deleting_the_newest_events_or_all_is_found(
        signed_in: Desk, central: Central, capsys: pytest.CaptureFixture[str], cut: str) -> None:
    _sent(signed_in, 4)
    signed_in.store.dispose()
    raw = sqlite3.connect(signed_in.store.path)
    raw.executescript("DROP TRIGGER audit_events_no_delete;" + cut)
    raw.close()

    # The desk's own server (from its sync state) is asked without --server too.
    default = main(["audit", "verify", "--db", str(signed_in.store.path)])
    code, out = _verify(signed_in, central, capsys)

    assert default == 1
    assert code == 1 and "deleted from the end" in out


def test_a_chain_rewritten_with_the_desks_own_key_is_found(
        signed_in: Desk, central: Central, capsys: pytest.CaptureFixture[str]) -> None:
    audit = _sent(signed_in, 4)
    key = AuditKeyStore().load(audit.desk_id())
    assert key is not None
    signed_in.store.dispose()

    rewrite_chain(signed_in.store.path,
                  "UPDATE audit_events SET entity_key = 'RMA-X' WHERE id = 2;", key.secret)
    code, out = _verify(signed_in, central, capsys)

    assert code == 1 and "rewritten" in out


def test_a_rewritten_trail_does_not_move_the_anchor(
        signed_in: Desk, central: Central) -> None:
    audit = _sent(signed_in, 3)
    before = signed_in.client.audit_anchor(audit.desk_id())
    key = AuditKeyStore().load(audit.desk_id())
    assert key is not None and before is not None
    signed_in.store.dispose()
    rewrite_chain(signed_in.store.path,
                  "UPDATE audit_events SET entity_key = 'RMA-X' WHERE id = 2;", key.secret)
    from livenon_desk.store.opening import open_store

    signed_in.store = open_store(signed_in.store.path)
    _sent(signed_in, 2)

    after = signed_in.client.audit_anchor(audit.desk_id())
    assert after == before
    assert central.count(tables.audit_events) >= 5
