"""The pull: pages in server seq order, resumable from any cursor, tombstones, restriction."""

from __future__ import annotations

import uuid

import pytest

from livenon_desk.central import records
from livenon_desk.sync.errors import RestrictedError
from livenon_desk.sync.results import RemoteEntity
from tests.central_server import Central, inspection_body, new_key, receipt_body


def _everything(central: Central, limit: int) -> list[RemoteEntity]:
    client = central.client()
    return [c for page in client.pull_all(limit=limit) for c in page.changes]


def test_pages_are_in_seq_order_and_add_up_to_one_big_pull(central: Central) -> None:
    small = _everything(central, limit=7)
    big = _everything(central, limit=1000)

    seqs = [c.seq for c in small]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert small == big
    assert {c.kind for c in big} == {"customer", "order", "return", "inspection"}
    # Customers before their orders, orders before their returns (as the demo loaded them).
    first = {kind: min(c.seq for c in big if c.kind == kind) for kind in ("customer", "order")}
    assert first["customer"] < first["order"]


def test_an_interrupted_pull_resumes_from_its_cursor(central: Central) -> None:
    everything = _everything(central, limit=1000)
    first_client = central.client()
    page1 = first_client.pull(None, 10)
    page2 = first_client.pull(page1.next_cursor, 10)
    saved = page2.next_cursor  # the desk saved this cursor with page two, then died
    assert saved == str(page2.changes[-1].seq) and page2.has_more

    resumed = [c for page in central.client().pull_all(saved, limit=10) for c in page.changes]

    assert [*page1.changes, *page2.changes, *resumed] == everything


def test_a_change_moves_the_entity_to_the_end_once(central: Central) -> None:
    client = central.client()
    start = client.pull(None, 1000)
    assert not start.has_more
    ret = central.find_return("in_transit", "instructions_sent")
    client.put_receipt(ret.key, receipt_body(ret), key=new_key(), if_match=ret.version)

    after = client.pull(start.next_cursor, 1000)

    assert [(c.kind, c.id, c.version) for c in after.changes] == [
        ("return", ret.key, ret.version + 1)]
    assert after.changes[0].data is not None
    assert after.changes[0].data["status"] == "received"
    assert client.pull(after.next_cursor).changes == ()


def test_deletions_come_as_tombstones(central: Central) -> None:
    client = central.client()
    cursor = client.pull(None, 1000).next_cursor
    customer = next(c for c in _everything(central, 1000) if c.kind == "customer")
    with central.context.db.write() as c:
        records.tombstone(c, "customer", customer.id)

    (tomb,) = client.pull(cursor).changes

    assert (tomb.kind, tomb.id, tomb.deleted, tomb.data) == ("customer", customer.id, True, None)
    assert tomb.version == customer.version + 1


def test_a_restricted_return_is_flagged_and_refuses_writes(central: Central) -> None:
    client = central.client()
    cursor = client.pull(None, 1000).next_cursor
    ret = central.find_return("received")
    with central.context.db.write() as c:
        records.set_restricted(c, ret.key, "Customer asked to restrict processing (ticket 7)")

    (flagged,) = client.pull(cursor).changes
    assert flagged.id == ret.key and flagged.restricted
    with pytest.raises(RestrictedError):
        client.put_inspection(str(uuid.uuid4()), inspection_body(ret), key=new_key())
    with pytest.raises(RestrictedError):
        client.put_receipt(ret.key, receipt_body(ret), key=new_key(), if_match=flagged.version)
    assert central.sleeps == []


def test_demo_restricted_returns_are_flagged(central: Central) -> None:
    restricted = [c for c in _everything(central, 1000) if c.kind == "return" and c.restricted]
    assert restricted
    assert all(c.data and c.data["restricted_reason"] for c in restricted)
