"""The other writes: roles on overrides, refund decisions, audit events, photos, sign-in."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import replace

import pytest
import requests

from livenon_desk.central import tables
from livenon_desk.sync.errors import AuthError, ConflictError, PermissionDeniedError, RejectedError
from tests.central_server import Central, inspection_body, new_key

OVERRIDE = {"decision": "eligible", "reason": "Box damage is the carrier's (photo 3).",
            "by": "supervisor", "at": "2026-11-25T11:00:00+00:00"}


def test_wrong_password_is_an_auth_error(central: Central) -> None:
    client = central.client(user=None)
    with pytest.raises(AuthError):
        client.sign_in("inspector", "wrong")
    assert client.token is None
    assert central.sleeps == []


def test_only_a_supervisor_overrides(central: Central) -> None:
    inspector, supervisor = central.client("inspector"), central.client("supervisor")
    ret = central.find_return("received")
    inspection = str(uuid.uuid4())
    created = inspector.put_inspection(inspection, inspection_body(
        ret, decision="not_eligible"), key=new_key())

    with pytest.raises(PermissionDeniedError):
        inspector.override_inspection(inspection, OVERRIDE, key=new_key(), if_match=1)
    done = supervisor.override_inspection(inspection, OVERRIDE, key=new_key(),
                                          if_match=created.body["version"])

    assert done.status == 200
    assert done.body["data"]["override_decision"] == "eligible"
    assert done.body["data"]["decision"] == "not_eligible"  # the inspector's stays
    assert done.entity is not None and done.entity.version == 2


def test_an_inspection_update_keeps_the_override(central: Central) -> None:
    inspector, supervisor = central.client("inspector"), central.client("supervisor")
    ret = central.find_return("received")
    inspection = str(uuid.uuid4())
    inspector.put_inspection(inspection, inspection_body(ret), key=new_key())
    supervisor.override_inspection(inspection, OVERRIDE, key=new_key(), if_match=1)

    updated = inspector.put_inspection(inspection, inspection_body(ret, notes="more"),
                                       key=new_key(), if_match=2)

    assert updated.body["data"]["override_by"] == "supervisor"
    assert updated.body["data"]["notes"] == "more"


def test_a_refund_decision_moves_the_return_on(central: Central) -> None:
    client = central.client("supervisor")
    ret = central.find_return("inspected")
    decision = {"uuid": str(uuid.uuid4()), "rma_number": ret.key, "decision": "approved",
                "amount_cents": 12_900, "deduction_cents": 0, "currency": "USD",
                "rule_ids": ["E1", "E2", "P6"], "policy_version": "2025.1",
                "decided_by": "supervisor", "decided_at": "2026-11-25T12:00:00+00:00"}
    key = new_key()

    result = client.post_refund_decision(decision, key=key, if_match=ret.version)
    again = client.post_refund_decision(decision, key=key, if_match=ret.version)
    with pytest.raises(ConflictError):
        client.post_refund_decision({**decision, "uuid": str(uuid.uuid4())}, key=new_key(),
                                    if_match=ret.version)

    assert result.status == 201 and again.replayed and again.body == result.body
    assert result.entity is not None and result.entity.version == ret.version + 1
    assert (central.entity("return", ret.key).data or {})["status"] == "refund_approved"
    assert central.count(tables.refund_decisions) == 1


def test_audit_events_are_appended_once(central: Central) -> None:
    client = central.client()
    event = {"uuid": str(uuid.uuid4()), "occurred_at": "2026-11-25T09:00:00+00:00",
             "actor": "inspector", "action": "printed", "entity_kind": "return",
             "entity_id": "RMA-2026-000001", "details": {"document": "return_label"}}

    first = client.post_audit_event(event, key=new_key())
    same_event_new_key = client.post_audit_event(event, key=new_key())
    with pytest.raises(RejectedError) as clash:
        client.post_audit_event({**event, "action": "exported"}, key=new_key())

    assert first.status == 201 and same_event_new_key.status == 200
    assert clash.value.status == 409
    assert central.count(tables.audit_events) == 1


def test_photos_are_sent_once_and_checked(central: Central) -> None:
    client = central.client()
    photo = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40

    sent = client.upload_photo(photo)
    skipped = client.upload_photo(photo)

    assert sent.uploaded and not skipped.uploaded
    assert sent.sha256 == hashlib.sha256(photo).hexdigest()
    assert client.has_photo(sent.sha256)
    assert not client.has_photo("0" * 64)
    wrong = requests.put(f"{central.api}/photos/{'0' * 64}", data=photo, timeout=5, headers={
        "Authorization": f"Bearer {client.token}", "Idempotency-Key": new_key()})
    assert wrong.status_code == 422 and wrong.json()["type"].endswith("hash-mismatch")
    assert central.count(tables.photos) == 1


def test_a_photo_too_large_is_413(central: Central) -> None:
    client = central.client()
    central.context.settings = replace(central.context.settings, max_photo_bytes=1000)
    with pytest.raises(RejectedError) as refused:
        client.upload_photo(b"x" * 5000)
    assert refused.value.status == 413
