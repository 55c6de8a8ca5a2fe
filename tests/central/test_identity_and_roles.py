"""Who may write what, and under whose name: the server checks the role of a refund
decision and records the signed-in user as the author of every write (issue 14, 2-3)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from livenon_desk.central import records, tables
from livenon_desk.sync.errors import PermissionDeniedError
from livenon_desk.sync.results import BatchWrite
from tests.central_server import Central, inspection_body, new_key


def _decision(ret: records.Entity, by: str, cents: int = 12_900) -> dict[str, Any]:
    return {"uuid": str(uuid.uuid4()), "rma_number": ret.key, "decision": "approved",
            "amount_cents": cents, "deduction_cents": 0, "currency": "USD",
            "rule_ids": ["E1"], "policy_version": "2025.1", "decided_by": by,
            "decided_at": "2026-11-25T12:00:00+00:00"}


def test_an_inspector_cannot_decide_a_refund(central: Central) -> None:
    ret = central.find_return("inspected")
    inspector = central.client("inspector")

    with pytest.raises(PermissionDeniedError) as refused:
        inspector.post_refund_decision(_decision(ret, "inspector", 999_999), key=new_key(),
                                       if_match=ret.version)
    with pytest.raises(PermissionDeniedError):
        inspector.post_refund_decision(_decision(ret, "supervisor", 999_999), key=new_key(),
                                       if_match=ret.version)

    assert refused.value.problem["type"].endswith("forbidden")
    assert central.count(tables.refund_decisions) == 0
    assert central.entity("return", ret.key).version == ret.version


def test_a_refund_decided_in_someone_elses_name_is_refused(central: Central) -> None:
    ret = central.find_return("inspected")
    admin = central.client("admin")

    with pytest.raises(PermissionDeniedError) as refused:
        admin.post_refund_decision(_decision(ret, "supervisor"), key=new_key(),
                                   if_match=ret.version)
    done = admin.post_refund_decision(_decision(ret, "admin"), key=new_key(),
                                      if_match=ret.version)

    assert refused.value.problem["type"].endswith("identity-mismatch")
    assert "admin" in refused.value.problem["detail"]
    assert done.status == 201 and done.body["decision"]["decided_by"] == "admin"
    with central.context.db.read() as c:
        row = c.execute(tables.refund_decisions.select()).one()
    assert row.received_by == "admin" and row.data["decided_by"] == "admin"


def test_an_override_in_someone_elses_name_is_refused(central: Central) -> None:
    ret = central.find_return("received")
    inspection = str(uuid.uuid4())
    central.client("inspector").put_inspection(inspection, inspection_body(ret),
                                               key=new_key())
    admin = central.client("admin")
    override = {"decision": "eligible", "reason": "Carrier damage.", "by": "supervisor",
                "at": "2026-11-25T11:00:00+00:00"}

    with pytest.raises(PermissionDeniedError) as refused:
        admin.override_inspection(inspection, override, key=new_key(), if_match=1)
    done = admin.override_inspection(inspection, {**override, "by": "admin"}, key=new_key(),
                                     if_match=1)

    assert refused.value.problem["type"].endswith("identity-mismatch")
    assert done.body["data"]["override_by"] == "admin"


def test_audit_events_are_refused_one_by_one_when_they_claim_another_actor(
    central: Central,
) -> None:
    client = central.client("inspector")

    def event(actor: str) -> BatchWrite:
        key = str(uuid.uuid4())
        return BatchWrite(key, "audit_event", key, {
            "uuid": key, "occurred_at": "2026-11-25T09:00:00+00:00", "actor": actor,
            "action": "printed", "entity_kind": "return", "entity_id": "RMA-1"})

    results = client.push_batch([event("inspector"), event("admin"), event("inspector")])

    assert [r.status for r in results] == [201, 403, 201]
    assert (results[1].body or {})["type"].endswith("identity-mismatch")
    with central.context.db.read() as c:
        rows = c.execute(tables.audit_events.select()).all()
    assert sorted(r.data["actor"] for r in rows) == ["inspector", "inspector"]
    assert {r.received_by for r in rows} == {"inspector"}


def test_the_server_says_who_a_kept_token_belongs_to(central: Central) -> None:
    signed_in = central.client("supervisor")
    kept = central.client(None)
    kept.token = signed_in.token

    assert kept.signed_in_user() == "supervisor"
