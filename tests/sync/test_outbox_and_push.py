"""The outbox through the real services, pushed by the real worker to the real server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from livenon_desk.central import tables
from livenon_desk.domain.enums import Answer, ParcelCondition, ReasonCategory
from livenon_desk.services.inspection_dto import DraftInput
from livenon_desk.services.receiving_dto import ReceiptInput
from livenon_desk.sync.worker import Outcome
from tests.builders import ALL_YES, NOW, confirmed
from tests.central_server import Central
from tests.images import write_png
from tests.sync.desk import INSPECTOR, UNIT_KINDS, Desk


def _receipt(desk: Desk, return_id: int, *, short: int = 0) -> ReceiptInput:
    lines = desk.lines(return_id)
    cartons = {ln.id: ln.cartons_expected for ln in lines}
    if short:
        cartons[lines[0].id] = max(0, lines[0].cartons_expected - short)
    return ReceiptInput(NOW - timedelta(hours=1), "UPS", "", ParcelCondition.INTACT, True,
                        True, False, cartons, scanned=cartons)


def _received_and_inspected(desk: Desk) -> tuple[str, str]:
    # A personal-reason return: all yes, no photo asked (a quality one's T1 question asks one).
    ret = next(r for n in range(50) if (r := desk.receivable(n)).reason_category
               is ReasonCategory.PERSONAL)
    desk.receiving.receive(INSPECTOR, ret.id, _receipt(desk, ret.id))
    line = desk.lines(ret.id)[0]
    sheet = desk.inspections.open_sheet(INSPECTOR, line.id)
    answers = {k: Answer(v) for k, v in ALL_YES.items()}
    desk.inspections.save_draft(INSPECTOR, sheet.inspection_id, DraftInput(answers))
    desk.inspections.finish(INSPECTOR, sheet.inspection_id,
                            confirmed(sheet, answers, "all fine"))
    return ret.rma_number, sheet.uuid


def _writes(central: Central) -> int:
    """Writes the server recorded, besides the audit events every change also sends and the
    units (each written once here) and moves that a receipt and an inspection make."""
    return (central.count(tables.idempotency) - central.count(tables.audit_events)
            - central.count(tables.units) - central.count(tables.unit_moves))


def test_a_receipt_and_an_inspection_reach_the_server_once(
        desk: Desk, central: Central) -> None:
    rma, uuid = _received_and_inspected(desk)
    # The draft was not queued; the receipt and the finished inspection were.
    assert [(r.kind, r.entity_key) for r in desk.changes()] == [
        ("receipt", rma), ("inspection", uuid)]
    units = desk.unit_rows()  # a unit per carton received, each collapsed into one row
    assert units == len(desk.outbox()) - 2 > 0
    assert desk.sync.snapshot().waiting == 2 + units

    result = desk.worker().run_round()
    assert result.outcome is Outcome.OK
    assert result.push.sent == 2 + units
    assert desk.sync.snapshot().waiting == 0
    assert desk.sync.snapshot().last_success_at == NOW
    ret = central.entity("return", rma)
    assert (ret.data or {})["status"] == "received"
    assert (ret.data or {})["carrier"] == "UPS"
    inspection = central.entity("inspection", uuid)
    assert (inspection.data or {})["decision"] == "eligible"
    assert (inspection.data or {})["finished_at"] is not None
    writes = _writes(central)
    assert writes == 2

    again = desk.worker().run_round()
    assert again.push.sent == 0
    assert _writes(central) == writes
    assert central.entity("inspection", uuid).version == inspection.version
    # The pull brought the server's versions back without undoing the inspection.
    with desk.store.read_session() as s:
        from livenon_desk.models import ReturnRequest

        local = s.scalars(select(ReturnRequest).where(ReturnRequest.rma_number == rma)).one()
        assert local.server_version == central.entity("return", rma).version
        assert local.status.value == "inspected"


def test_several_edits_of_one_record_collapse_into_one_change(
        desk: Desk, central: Central) -> None:
    ret = desk.receivable()
    lines = desk.lines(ret.id)
    missing = lines[0].cartons_expected
    desk.receiving.receive(INSPECTOR, ret.id, _receipt(desk, ret.id, short=missing))
    [first] = desk.changes()
    for _ in range(missing):
        desk.receiving.count_carton(INSPECTOR, lines[0].tag_code)
    [row] = desk.changes()
    assert row.id == first.id
    assert row.idempotency_key != first.idempotency_key  # another body, another request
    assert row.body["lines"][0]["cartons_received"] == lines[0].cartons_expected

    assert desk.worker().run_round().push.sent == 1 + desk.unit_rows()
    data = central.entity("return", ret.rma_number).data or {}
    assert data["status"] == "received"
    assert data["lines"][0]["cartons_received"] == lines[0].cartons_expected


def test_an_edit_after_a_send_is_queued_behind_it_and_rebased(
        desk: Desk, central: Central) -> None:
    ret = desk.receivable()
    lines = desk.lines(ret.id)
    desk.receiving.receive(INSPECTOR, ret.id, _receipt(desk, ret.id, short=1))
    base = central.entity("return", ret.rma_number).version
    # The first row was attempted (its answer lost): the next edit may not rewrite it.
    central.faults.drop_after_commit("/batch", times=10)
    assert desk.worker().run_round().outcome is Outcome.OFFLINE
    desk.receiving.count_carton(INSPECTOR, lines[0].tag_code)
    rows = desk.changes()
    assert len(rows) == 2
    assert rows[0].if_match == rows[1].if_match == base

    central.faults.drop_after_commit("/batch", times=0)
    units = desk.unit_rows("pending")
    result = desk.worker().run_round()
    assert result.outcome is Outcome.OK, result.error
    assert result.push.sent == 2 + units and result.push.conflicts == 0
    entity = central.entity("return", ret.rma_number)
    assert entity.version == base + 2
    assert (entity.data or {})["status"] == "received"


def test_a_connection_dropped_after_the_commit_does_not_duplicate(
        desk: Desk, central: Central) -> None:
    _rma, uuid = _received_and_inspected(desk)
    central.faults.drop_after_commit("/batch", times=1)
    result = desk.worker().run_round()
    assert result.outcome is Outcome.OK
    assert central.faults.dropped == 1
    assert _writes(central) == 2
    assert central.entity("inspection", uuid).version == 1
    assert [r.state for r in desk.changes()] == ["sent", "sent"]
    assert {r.state for r in desk.outbox()} == {"sent"}


KILLED_ROUND = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from livenon_desk.store.opening import open_store
    from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
    from livenon_desk.sync.client import CentralClient, ClientSettings
    from livenon_desk.sync import push
    from livenon_desk.sync.worker import SyncWorker

    def die(*args, **kwargs):
        # The server committed and answered; the desk dies before writing it down.
        os.kill(os.getpid(), signal.SIGKILL)

    push.Pusher._record = die
    path = Path(sys.argv[1])
    client = CentralClient(ClientSettings(sys.argv[2]), token=sys.argv[3])
    store = open_store(path)
    SyncWorker(store, client, PhotoFiles(photo_dir_for(path)), lambda: None).push()
""")


def killed_round(desk: Desk, central: Central) -> None:
    """A push round in a process of its own, killed once the server has committed and
    answered, before the desk writes the answer down."""
    token = desk.client.token
    assert token is not None
    done = subprocess.run(
        [sys.executable, "-c", KILLED_ROUND, str(desk.store.path), central.url, token],
        capture_output=True, timeout=60, env={**os.environ, "PYTHONPATH": str(Path.cwd())},
        check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()


def test_a_desk_killed_after_the_server_committed_sends_again_without_duplicate(
        desk: Desk, central: Central) -> None:
    rma, uuid = _received_and_inspected(desk)
    killed_round(desk, central)
    # The server has both; the desk does not know it.
    assert central.entity("inspection", uuid).version == 1
    rows = desk.changes()
    assert [(r.state, r.attempts) for r in rows] == [("pending", 1), ("pending", 1)]

    units = desk.unit_rows("pending")
    result = desk.worker().run_round()
    assert result.push.sent == 2 + units
    assert _writes(central) == 2
    assert central.entity("inspection", uuid).version == 1
    assert (central.entity("return", rma).data or {})["status"] == "received"


def test_a_desk_offline_keeps_its_work_and_drains_it_when_the_server_is_back(
        desk: Desk, central: Central) -> None:
    from livenon_desk.sync.client import CentralClient, ClientSettings
    from tests.central_server import FAST_RETRY

    _received_and_inspected(desk)
    token = desk.client.token
    offline = CentralClient(ClientSettings("http://127.0.0.1:9", retry=FAST_RETRY,
                                           connect_timeout=0.5), token=token,
                            sleep=lambda _s: None)
    desk.client = offline
    result = desk.worker().run_round()
    assert result.outcome is Outcome.OFFLINE
    units = desk.unit_rows()
    assert desk.sync.snapshot().waiting == 2 + units
    assert desk.sync.snapshot().last_error
    desk.client = central.client("inspector")
    assert desk.worker().run_round().push.sent == 2 + units
    assert desk.sync.snapshot().last_error is None


def test_a_refused_change_is_kept_with_its_reason_and_can_be_retried(desk: Desk) -> None:
    _rma, _uuid = _received_and_inspected(desk)
    with desk.store.session() as s:
        from livenon_desk.models import OutboxRow

        row = s.scalars(select(OutboxRow).where(OutboxRow.kind == "receipt")).one()
        row.body = {**row.body, "lines": [{"tag_code": "NOPE-1", "cartons_received": 1}]}
    result = desk.worker().run_round()
    assert result.outcome is Outcome.ATTENTION
    [failed] = desk.sync.failed()
    assert failed.last_status == 422
    assert "NOPE-1" in (failed.last_error or "")
    assert desk.sync.retry_failed(INSPECTOR) == 1
    assert desk.sync.snapshot().waiting == 1


def test_photos_go_once_by_content(desk: Desk, central: Central, tmp_path: Path) -> None:
    ret = desk.receivable()
    desk.receiving.receive(INSPECTOR, ret.id, _receipt(desk, ret.id))
    sheet = desk.inspections.open_sheet(INSPECTOR, desk.lines(ret.id)[0].id)
    picture = write_png(tmp_path / "arm.png")
    desk.inspections.attach_photo(INSPECTOR, sheet.inspection_id, picture)
    desk.inspections.attach_photo(INSPECTOR, sheet.inspection_id, picture)
    assert [r.kind for r in desk.outbox()].count("photo") == 1
    result = desk.worker().run_round()
    assert result.push.photos_sent == 1
    assert central.count(tables.photos) == 1


def test_the_audit_trail_reaches_the_server_once_even_when_sent_again(
        desk: Desk, central: Central) -> None:
    from livenon_desk.models import AuditEvent, SyncState

    _received_and_inspected(desk)
    with desk.store.read_session() as s:
        events = s.query(AuditEvent).count()
    assert events >= 3  # received, inspection started, inspected
    result = desk.worker().run_round()
    assert result.audit_sent == events
    assert central.count(tables.audit_events) == events
    # The answer is lost before the desk notes it: everything goes again, nothing doubles.
    with desk.store.session() as s:
        s.get_one(SyncState, 1).audit_sent_id = 0
    desk.worker().run_round()
    assert central.count(tables.audit_events) == events
    assert desk.worker().run_round().audit_sent == 0


def test_batches_overlap_but_each_records_changes_stay_in_order(
        desk: Desk, central: Central) -> None:
    """One change per batch: the next batch is chosen while one is with the server, and a
    record's second change waits until its first has been answered."""
    ret = desk.receivable()
    lines = desk.lines(ret.id)
    desk.receiving.receive(INSPECTOR, ret.id, _receipt(desk, ret.id, short=1))
    base = central.entity("return", ret.rma_number).version
    central.faults.drop_after_commit("/batch", times=10)
    assert desk.worker().run_round().outcome is Outcome.OFFLINE
    desk.receiving.count_carton(INSPECTOR, lines[0].tag_code)
    others = [_received_and_inspected(desk) for _ in range(2)]
    central.faults.drop_after_commit("/batch", times=0)
    units = desk.unit_rows("pending")
    result = desk.worker(batch_size=1).run_round()
    assert result.outcome is Outcome.OK, result.error
    assert result.push.sent == 2 + 2 * len(others) + units and result.push.conflicts == 0
    entity = central.entity("return", ret.rma_number)
    assert entity.version == base + 2
    assert (entity.data or {})["status"] == "received"
    for _rma, uuid in others:
        assert central.entity("inspection", uuid).version == 1
    with desk.store.read_session() as s:
        from livenon_desk.models import OutboxRow

        assert {r.attempts for r in s.query(OutboxRow).filter(
            OutboxRow.entity_key != ret.rma_number,
            OutboxRow.kind.not_in(UNIT_KINDS))} == {1}


def test_a_desk_sends_under_its_signed_in_user_and_nothing_is_refused(
        desk: Desk, central: Central) -> None:
    """The sync token is the supervisor's, the work the inspector's: the server records
    the sender and accepts every change; the desk's own actor travels in the details."""
    from livenon_desk.sync.push import signed_as

    desk.client = central.client(None)
    desk.client.token = central.client("supervisor").token  # a kept token: name unknown
    _received_and_inspected(desk)

    result = desk.worker().run_round()

    assert result.push.failed == 0 and desk.outbox("failed") == []
    with central.context.db.read() as c:
        events = c.execute(tables.audit_events.select()).all()
    assert events and {e.data["actor"] for e in events} == {"supervisor"}
    assert {e.data["details"]["desk_actor"] for e in events} == {"inspector"}
    override = {"decision": "eligible", "reason": "goodwill", "by": "chief",
                "at": "2026-11-25T11:00:00+00:00"}
    assert signed_as("override", override, "supervisor")["by"] == "supervisor"
    assert signed_as("receipt", {"received_by": "inspector"}, "supervisor") == {
        "received_by": "inspector"}


def test_every_queued_change_is_accounted_for(desk: Desk) -> None:
    _received_and_inspected(desk)
    other = desk.receivable(1)
    desk.receiving.receive(INSPECTOR, other.id, _receipt(desk, other.id))
    before = desk.sync.tally()
    desk.worker().run_round()

    after = desk.sync.tally()

    total = 3 + desk.unit_rows()  # and a unit per carton received
    assert before.waiting == before.total == total and before.sent == 0
    assert after.total == total and after.sent + after.refused + after.conflicted == total
    assert f"sent {total}, refused 0, conflicted 0, left waiting 0" in after.line()
