"""Photos the round cannot send: one the server refuses, and one whose file is gone from
this workstation. Each is kept as failed with its reason, nothing reaches the server for
it, and the round sends the other changes all the same."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from livenon_desk.central import tables
from livenon_desk.domain.enums import OutboxState, ParcelCondition
from livenon_desk.models import OutboxRow
from livenon_desk.services.receiving_dto import ReceiptInput
from livenon_desk.sync.push import Pusher
from livenon_desk.sync.worker import Outcome
from tests.builders import NOW
from tests.central_server import Central
from tests.images import write_png
from tests.sync.desk import INSPECTOR, Desk


def _photo_waiting(desk: Desk, tmp_path: Path) -> OutboxRow:
    """A receipt and an inspection's photo in the outbox; the photo's row."""
    ret = desk.receivable()
    cartons = {ln.id: ln.cartons_expected for ln in desk.lines(ret.id)}
    desk.receiving.receive(INSPECTOR, ret.id, ReceiptInput(
        NOW - timedelta(hours=1), "UPS", "", ParcelCondition.INTACT, True, True, False,
        cartons, scanned=cartons))
    sheet = desk.inspections.open_sheet(INSPECTOR, desk.lines(ret.id)[0].id)
    desk.inspections.attach_photo(INSPECTOR, sheet.inspection_id, write_png(tmp_path / "a.png"))
    [photo] = [r for r in desk.outbox() if r.kind == "photo"]
    return photo


def _row(desk: Desk, row_id: int) -> OutboxRow:
    [row] = [r for r in desk.outbox() if r.id == row_id]
    return row


def _receipt_sent(desk: Desk) -> bool:
    return all(r.state == OutboxState.SENT for r in desk.outbox() if r.kind == "receipt")


def test_a_photo_the_server_refuses_is_kept_as_failed_with_the_servers_reason(
        desk: Desk, central: Central, tmp_path: Path) -> None:
    central.context.settings = replace(central.context.settings, max_photo_bytes=32)
    photo = _photo_waiting(desk, tmp_path)

    result = desk.worker().run_round()

    assert result.outcome is Outcome.ATTENTION
    assert result.push.failed == 1 and result.push.photos_sent == 0
    row = _row(desk, photo.id)
    assert row.state == OutboxState.FAILED
    assert row.last_status == 413
    assert row.attempts == 1
    assert "32" in (row.last_error or "")  # the server's own words name its limit
    assert central.count(tables.photos) == 0
    assert _receipt_sent(desk)
    [failed] = desk.sync.failed()
    assert failed.id == photo.id


def test_a_refused_photo_goes_when_retried_after_the_server_takes_it(
        desk: Desk, central: Central, tmp_path: Path) -> None:
    settings = central.context.settings
    central.context.settings = replace(settings, max_photo_bytes=32)
    photo = _photo_waiting(desk, tmp_path)
    desk.worker().run_round()
    central.context.settings = settings

    assert desk.sync.retry_failed(INSPECTOR) == 1
    result = desk.worker().run_round()

    assert result.push.photos_sent == 1
    assert _row(desk, photo.id).state == OutboxState.SENT
    assert central.count(tables.photos) == 1


def test_a_photo_missing_from_the_workstation_fails_without_a_request(
        desk: Desk, central: Central, tmp_path: Path) -> None:
    photo = _photo_waiting(desk, tmp_path)
    desk.photos.path(str(photo.body["file_name"])).unlink()

    result = desk.worker().run_round()

    assert result.push.failed == 1 and result.push.photos_sent == 0
    row = _row(desk, photo.id)
    assert row.state == OutboxState.FAILED
    assert row.last_status == 0
    assert row.attempts == 0  # nothing was sent
    assert "missing from this workstation" in (row.last_error or "")
    assert central.count(tables.photos) == 0
    assert _receipt_sent(desk)


def test_a_desk_without_its_photo_folder_fails_the_photo_and_sends_the_rest(
        desk: Desk, central: Central, tmp_path: Path) -> None:
    photo = _photo_waiting(desk, tmp_path)

    result = Pusher(desk.store, desk.client, None, lambda: NOW).push()

    assert result.failed == 1 and result.sent >= 1
    assert _row(desk, photo.id).state == OutboxState.FAILED
    assert central.count(tables.photos) == 0
    assert _receipt_sent(desk)
