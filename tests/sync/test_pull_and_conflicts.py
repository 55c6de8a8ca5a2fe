"""The pull into an empty or a working desk, and conflicts settled both ways."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from livenon_desk.central import records
from livenon_desk.domain.enums import ParcelCondition
from livenon_desk.domain.policy import default_policies
from livenon_desk.errors import RestrictedError
from livenon_desk.models import Customer, Inspection, Order, ReturnLine, ReturnRequest, SyncState
from livenon_desk.services.receiving_dto import ReceiptInput
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.sync.pull import PullProgress
from livenon_desk.sync.worker import Outcome
from tests.builders import NOW
from tests.central_server import Central
from tests.sync.desk import INSPECTOR, Desk, make_desk
from tests.tallies import assert_tallies_fresh


@pytest.fixture
def empty_desk(tmp_path: Path, central: Central) -> Iterator[Desk]:
    made = make_desk(tmp_path / "empty.sqlite3", central.client("inspector"))
    yield made
    made.store.dispose()


def _server_counts(central: Central) -> dict[str, int]:
    from livenon_desk.central import tables

    return {kind: central.count(t) for kind, t in tables.ENTITY_TABLES.items()}


def test_a_first_pull_fills_an_empty_desk_with_progress(
        empty_desk: Desk, central: Central) -> None:
    seen: list[PullProgress] = []
    result = empty_desk.worker(page_size=25).pull(seen.append)
    counts = _server_counts(central)
    assert result.changes == sum(counts.values())
    assert result.parked == 0
    assert empty_desk.count(Customer) == counts["customer"]
    assert empty_desk.count(Order) == counts["order"]
    assert empty_desk.count(ReturnRequest) == counts["return"]
    assert empty_desk.count(Inspection) == counts["inspection"]
    assert len(seen) == result.pages > 2
    assert [p.more for p in seen][-1] is False
    # The bulk upserts counted the pulled inspections into the week's tallies.
    assert assert_tallies_fresh(empty_desk.store)
    # Lookups work at once: the search index was filled with the rows.
    service = ReturnsService(empty_desk.store, default_policies(), lambda: NOW)
    ret = central.find_return()
    [match] = service.lookup(ret.key)
    assert match.row.rma_number == ret.key
    customer = central.entity("customer", (central.entity(
        "order", (ret.data or {})["order_number"]).data or {})["customer_number"])
    assert service.lookup((customer.data or {})["name"])


def test_an_interrupted_pull_resumes_from_its_cursor(empty_desk: Desk, central: Central) -> None:
    worker = empty_desk.worker(page_size=20)
    first = worker.pull(max_pages=2)
    assert first.changes == 40
    with empty_desk.store.read_session() as s:
        state = s.get_one(SyncState, 1)
        assert state.pulled_changes == 40
        cursor = state.pull_cursor
    assert cursor is not None
    rest = empty_desk.worker(page_size=20).pull()
    assert first.changes + rest.changes == sum(_server_counts(central).values())
    assert empty_desk.count(ReturnRequest) == _server_counts(central)["return"]


def test_a_child_that_comes_before_its_parent_waits_for_it(
        empty_desk: Desk, central: Central) -> None:
    # A return changed after its inspection: the inspection comes first in seq order.
    inspected = next(e for e in (central.entity("inspection", k) for k in _keys(central))
                     if e.data)
    rma = (inspected.data or {})["rma_number"]
    with central.context.db.write() as c:
        current = records.get_live(c, "return", rma, "return")
        records.write(c, "return", rma, {**(current.data or {}), "reason_text": "x"},
                      expected=current)
    result = empty_desk.worker(page_size=1000).pull()
    assert result.parked == 0
    with empty_desk.store.read_session() as s:
        assert s.scalar(select(Inspection).where(Inspection.uuid == inspected.key))


def test_a_pulled_reason_decision_or_deletion_keeps_the_weeks_tallies(
        empty_desk: Desk, central: Central) -> None:
    empty_desk.worker(page_size=1000).pull()
    before = assert_tallies_fresh(empty_desk.store)
    finished = [e for e in (central.entity("inspection", k) for k in _keys(central))
                if e.data and e.data.get("finished_at")]
    moved, decided, gone = finished[0], finished[1], finished[2]
    with central.context.db.write() as c:
        rma = (moved.data or {})["rma_number"]
        current = records.get_live(c, "return", rma, "return")
        reason = "wrong_item" if (current.data or {})["reason_code"] != "wrong_item" \
            else "defective"
        records.write(c, "return", rma, {**(current.data or {}), "reason_code": reason},
                      expected=current)
        current = records.get_live(c, "inspection", decided.key, "inspection")
        decision = "eligible" if (current.data or {})["decision"] != "eligible" \
            else "not_eligible"
        records.write(c, "inspection", decided.key, {**(current.data or {}),
                                                     "decision": decision}, expected=current)
        records.tombstone(c, "return", (gone.data or {})["rma_number"])
    empty_desk.worker(page_size=1000).pull()
    after = assert_tallies_fresh(empty_desk.store)
    assert after != before
    assert sum(n for n, _ in after.values()) < sum(n for n, _ in before.values())


def _keys(central: Central) -> list[str]:
    from livenon_desk.central import tables

    with central.context.db.read() as c:
        return list(c.execute(select(tables.inspections.c.key)).scalars())


def test_tombstones_delete_and_restriction_locks_at_once(desk: Desk, central: Central) -> None:
    gone = desk.receivable(1).rma_number
    locked = desk.receivable(0)
    with central.context.db.write() as c:
        records.tombstone(c, "return", gone)
        records.set_restricted(c, locked.rma_number, "customer asked (privacy)")
    result = desk.worker().run_round()
    assert result.outcome is Outcome.OK
    assert locked.rma_number in (result.pull.restricted if result.pull else ())
    with desk.store.read_session() as s:
        assert s.scalar(select(ReturnRequest).where(ReturnRequest.rma_number == gone)) is None
        row = s.scalars(select(ReturnRequest).where(
            ReturnRequest.rma_number == locked.rma_number)).one()
        assert row.restricted and row.restricted_reason == "customer asked (privacy)"
    with pytest.raises(RestrictedError):
        desk.receiving.receive(INSPECTOR, locked.id, _receipt(desk, locked.id))


def _receipt(desk: Desk, return_id: int) -> ReceiptInput:
    cartons = {ln.id: ln.cartons_expected for ln in desk.lines(return_id)}
    return ReceiptInput(NOW - timedelta(hours=1), "DHL", "", ParcelCondition.INTACT, True,
                        True, False, cartons, scanned=cartons)


def _changed_on_the_server(central: Central, rma: str) -> int:
    with central.context.db.write() as c:
        current = records.get_live(c, "return", rma, "return")
        data = {**(current.data or {}), "carrier": "FedEx", "tracking_number": "SRV123"}
        return records.write(c, "return", rma, data, expected=current).version


def _conflicted(desk: Desk, central: Central) -> tuple[str, int]:
    ret = desk.receivable()
    desk.receiving.receive(INSPECTOR, ret.id, _receipt(desk, ret.id))
    version = _changed_on_the_server(central, ret.rma_number)
    result = desk.worker().run_round()
    assert result.outcome is Outcome.ATTENTION
    assert result.push.conflicts == 1
    return ret.rma_number, version


def test_a_conflict_keeps_both_versions_and_the_pull_does_not_overwrite_mine(
        desk: Desk, central: Central) -> None:
    rma, version = _conflicted(desk, central)
    [conflict] = desk.sync.conflicts()
    assert conflict.entity_key == rma and conflict.server_version == version
    assert conflict.mine["carrier"] == "DHL"
    assert conflict.theirs is not None and conflict.theirs["carrier"] == "FedEx"
    assert desk.sync.needs_attention(rma)
    assert desk.sync.snapshot().conflicts == 1
    with desk.store.read_session() as s:
        local = s.scalars(select(ReturnRequest).where(ReturnRequest.rma_number == rma)).one()
        assert local.carrier == "DHL"  # the pull kept the desk's record
    # Nothing more is sent for the record while it waits for a person.
    assert desk.worker().run_round().push.sent == 0


def test_keep_mine_sends_the_change_over_the_servers_version(
        desk: Desk, central: Central) -> None:
    rma, version = _conflicted(desk, central)
    [conflict] = desk.sync.conflicts()
    desk.sync.keep_mine(INSPECTOR, conflict.id)
    assert desk.sync.conflicts() == []
    result = desk.worker().run_round()
    assert result.outcome is Outcome.OK and result.push.sent == 1
    entity = central.entity("return", rma)
    assert entity.version == version + 1
    assert (entity.data or {})["carrier"] == "DHL"
    assert not desk.sync.needs_attention(rma)


def test_take_theirs_applies_the_servers_version(desk: Desk, central: Central) -> None:
    rma, version = _conflicted(desk, central)
    [conflict] = desk.sync.conflicts()
    desk.sync.take_theirs(INSPECTOR, conflict.id)
    assert desk.sync.snapshot().conflicts == 0
    assert desk.sync.snapshot().waiting == 0
    with desk.store.read_session() as s:
        local = s.scalars(select(ReturnRequest).where(ReturnRequest.rma_number == rma)).one()
        assert local.carrier == "FedEx" and local.server_version == version
    assert desk.worker().run_round().outcome is Outcome.OK
    assert central.entity("return", rma).version == version


def test_the_return_lines_follow_the_server(empty_desk: Desk, central: Central) -> None:
    empty_desk.worker().pull()
    ret = central.find_return()
    with empty_desk.store.read_session() as s:
        tags = set(s.scalars(select(ReturnLine.tag_code).join(
            ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
            .where(ReturnRequest.rma_number == ret.key)))
    assert tags == {line["tag_code"] for line in (ret.data or {})["lines"]}
