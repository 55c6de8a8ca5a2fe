"""Each change is written once, whatever the network does: the real client against the
real server."""

from __future__ import annotations

import threading
import uuid

import pytest

from livenon_desk.central import tables
from livenon_desk.sync.errors import ConflictError, InFlightError, RejectedError
from tests.central_server import Central, inspection_body, new_key, receipt_body


def test_a_push_arrives_once_and_a_resend_gets_the_stored_answer(central: Central) -> None:
    client = central.client()
    ret = central.find_return("received")
    inspection = str(uuid.uuid4())
    key = new_key()
    body = inspection_body(ret)

    first = client.put_inspection(inspection, body, key=key)
    seq_after_first = central.seq()
    again = client.put_inspection(inspection, body, key=key)

    assert first.status == 201 and not first.replayed
    assert again.status == 201 and again.replayed
    assert again.body == first.body
    assert central.seq() == seq_after_first  # nothing new was written
    assert central.entity("inspection", inspection).version == 1
    pulled = [c for p in client.pull_all() for c in p.changes if c.id == inspection]
    assert len(pulled) == 1


def test_the_same_key_with_another_body_is_refused(central: Central) -> None:
    client = central.client()
    ret = central.find_return("received")
    inspection, key = str(uuid.uuid4()), new_key()
    client.put_inspection(inspection, inspection_body(ret), key=key)

    with pytest.raises(RejectedError) as refused:
        client.put_inspection(inspection, inspection_body(ret, notes="other"), key=key)

    assert refused.value.status == 422
    assert refused.value.problem["type"].endswith("idempotency-key-reused")
    assert (central.entity("inspection", inspection).data or {})["notes"] != "other"


def test_a_key_still_in_flight_is_a_409(central: Central) -> None:
    client = central.client()
    ret = central.find_return("received")
    inspection, key = str(uuid.uuid4()), new_key()
    central.faults.pause_after_claim(key)
    results: list[int] = []
    first = threading.Thread(target=lambda: results.append(
        client.put_inspection(inspection, inspection_body(ret), key=key).status))
    first.start()
    assert central.faults.paused.wait(5)

    with pytest.raises(InFlightError):
        client.put_inspection(inspection, inspection_body(ret), key=key)
    central.faults.release.set()
    first.join(5)

    assert results == [201]
    assert central.sleeps == []  # a 409 is not retried


def test_a_stale_if_match_gets_412_with_the_current_entity(central: Central) -> None:
    client = central.client()
    ret = central.find_return("in_transit", "instructions_sent")
    client.put_receipt(ret.key, receipt_body(ret), key=new_key(), if_match=ret.version)

    with pytest.raises(ConflictError) as conflict:
        client.put_receipt(ret.key, receipt_body(ret, parcel_condition="opened"),
                           key=new_key(), if_match=ret.version)

    current = conflict.value.current
    assert current is not None
    assert current["id"] == ret.key and current["version"] == ret.version + 1
    assert current["data"]["parcel_condition"] == "intact"
    assert conflict.value.problem["status"] == 412
    assert central.sleeps == []  # a 412 is not retried


def test_an_update_of_an_existing_inspection_needs_if_match(central: Central) -> None:
    client = central.client()
    ret = central.find_return("received")
    inspection = str(uuid.uuid4())
    created = client.put_inspection(inspection, inspection_body(ret), key=new_key())

    with pytest.raises(RejectedError) as refused:
        client.put_inspection(inspection, inspection_body(ret, notes="b"), key=new_key())
    updated = client.put_inspection(inspection, inspection_body(ret, notes="b"), key=new_key(),
                                    if_match=created.body["version"])

    assert refused.value.status == 428
    assert updated.status == 200 and updated.body["version"] == 2


def test_commit_then_dropped_connection_is_retried_without_a_duplicate(
    central: Central,
) -> None:
    client = central.client()
    ret = central.find_return("received")
    inspection, key = str(uuid.uuid4()), new_key()
    central.faults.drop_after_commit("/inspections/")
    seq_before = central.seq()

    result = client.put_inspection(inspection, inspection_body(ret), key=key)

    assert central.faults.dropped == 1
    assert len(central.sleeps) == 1  # one retry after the broken answer
    assert result.status == 201 and result.replayed
    assert central.seq() == seq_before + 1  # written once
    assert central.entity("inspection", inspection).version == 1


def test_a_batch_commits_each_item_once_and_replays_them_all(central: Central) -> None:
    from livenon_desk.sync.results import BatchWrite

    client = central.client()
    ret = central.find_return("received")
    items = [BatchWrite(new_key(), "inspection", str(uuid.uuid4()),
                        inspection_body(ret, notes=f"piece {n}")) for n in range(20)]
    central.faults.drop_after_commit("/batch")
    seq_before = central.seq()

    results = client.push_batch(items)  # the first answer is lost; the retry replays

    assert [r.status for r in results] == [201] * 20
    assert [r.key for r in results] == [i.key for i in items]
    assert central.seq() == seq_before + 20
    assert central.faults.dropped == 1
    again = client.push_batch(items)
    assert [r.body for r in again] == [r.body for r in results]
    assert central.seq() == seq_before + 20


def test_a_batch_item_is_refused_alone(central: Central) -> None:
    from livenon_desk.sync.results import BatchWrite

    client = central.client()
    ret = central.find_return("in_transit", "instructions_sent")
    other = central.find_return("received")
    inspection = str(uuid.uuid4())
    items = [
        BatchWrite(new_key(), "receipt", ret.key, receipt_body(ret), if_match=ret.version + 5),
        BatchWrite(new_key(), "inspection", inspection, inspection_body(other)),
        BatchWrite(new_key(), "inspection", str(uuid.uuid4()), {"rma_number": other.key}),
    ]

    stale, created, invalid = client.push_batch(items)

    assert stale.status == 412
    error = stale.error()
    assert isinstance(error, ConflictError) and error.current is not None
    assert error.current["version"] == ret.version
    assert created.ok and created.body is not None and created.body["id"] == inspection
    assert invalid.status == 422
    assert central.entity("return", ret.key).version == ret.version


def test_a_change_sent_alone_then_in_a_batch_is_recognised(central: Central) -> None:
    from livenon_desk.sync.results import BatchWrite

    client = central.client()
    ret = central.find_return("received")
    inspection, key = str(uuid.uuid4()), new_key()
    body = inspection_body(ret)
    single = client.put_inspection(inspection, body, key=key)
    inspections = central.count(tables.inspections)

    (batched,) = client.push_batch([BatchWrite(key, "inspection", inspection, body)])

    # The stored answer, as the desk's push asks for it: without the record's data.
    assert single.body is not None
    assert batched.status == single.status and batched.body == {**single.body, "data": None}
    assert central.count(tables.inspections) == inspections
    assert central.entity("inspection", inspection).version == 1


def test_a_batch_answers_with_versions_alone_when_asked_for_minimal(central: Central) -> None:
    """Prefer: return=minimal (the desk's push asks for it): what was written comes back
    as its kind, id, version and seq without its data; refusals stay whole; without the
    header the answer carries the record, as a single write's does."""
    import requests

    client = central.client()
    assert client.token is not None
    ret = central.find_return("received")
    stale_ret = central.find_return("in_transit", "instructions_sent")
    written_id = str(uuid.uuid4())
    items: list[dict[str, object]] = [
        {"key": new_key(), "kind": "inspection", "entity_id": written_id,
         "body": inspection_body(ret, notes="minimal")},
        {"key": new_key(), "kind": "receipt", "entity_id": stale_ret.key,
         "if_match": stale_ret.version + 5, "body": receipt_body(stale_ret)}]
    headers = {"Authorization": f"Bearer {client.token}"}

    minimal = requests.post(central.api + "/batch", json={"items": items}, timeout=10,
                            headers={**headers, "Prefer": "return=minimal"})
    full = requests.post(central.api + "/batch", json={"items": items}, timeout=10,
                         headers=headers)

    assert minimal.headers["Preference-Applied"] == "return=minimal"
    written, refused = minimal.json()["results"]
    assert written["status"] == 201 and written["body"]["data"] is None
    assert written["body"]["version"] == 1 and written["body"]["id"] == written_id
    assert refused["status"] == 412 and refused["body"]["current"]["data"] is not None
    assert "Preference-Applied" not in full.headers
    replayed, _ = full.json()["results"]  # the same key: the stored answer, whole
    assert replayed["body"]["data"]["notes"] == "minimal"
    assert replayed["body"]["version"] == 1
