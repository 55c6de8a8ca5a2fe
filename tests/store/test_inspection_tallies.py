"""The tallies of finished inspections that the work queue's week sums (migration 0015)
stay equal to a fresh count whatever writes the inspections, their lines or returns."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import delete, select, update

from livenon_desk.demo.generator import generate_demo_data
from livenon_desk.domain.enums import (
    Answer,
    Decision,
    ParcelCondition,
    ReasonCode,
    ReturnStatus,
)
from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.models import Inspection, ReturnLine, ReturnRequest
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.receiving_dto import ReceiptInput
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.services.retention_service import RetentionService
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from tests.builders import ALL_YES, NOW, add_return, confirmed
from tests.conftest import INSPECTOR, SUPERVISOR
from tests.images import write_png
from tests.tallies import assert_tallies_fresh, kept_tallies

ADMIN = Actor("root", Role.ADMIN, "Ada Admin")


def _finished(store: Store, minutes_ago: int, decision: Decision,
              reason: ReasonCode = ReasonCode.DEFECTIVE) -> int:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW, reason=reason,
                       checklist={})
    with store.session() as s:
        inspection = s.scalars(select(Inspection).join(ReturnLine).where(
            ReturnLine.return_id == built.return_id)).one()
        inspection.finished_at = NOW - timedelta(minutes=minutes_ago)
        inspection.decision = decision
        return inspection.id


def test_every_kind_of_write_keeps_the_tallies(store: Store) -> None:
    assert assert_tallies_fresh(store) == {}
    first = _finished(store, 0, Decision.ELIGIBLE)
    second = _finished(store, 7, Decision.NOT_ELIGIBLE, ReasonCode.CHANGED_MIND)
    third = _finished(store, 60 * 30, Decision.NEEDS_REVIEW)
    add_return(store, status=ReturnStatus.RECEIVED, checklist={})  # a draft: not counted
    assert sum(n for n, _ in assert_tallies_fresh(store).values()) == 3
    with store.session() as s:
        # Overridden, finished again later (another quarter), a decision changed.
        s.execute(update(Inspection).where(Inspection.id == third)
                  .values(override_decision=Decision.ELIGIBLE))
        s.execute(update(Inspection).where(Inspection.id == second)
                  .values(finished_at=NOW + timedelta(hours=2)))
        s.execute(update(Inspection).where(Inspection.id == first)
                  .values(decision=Decision.NOT_ELIGIBLE))
    assert_tallies_fresh(store)
    with store.session() as s:
        ret = s.scalars(select(ReturnLine.return_id).join(Inspection).where(
            Inspection.id == first)).one()
        s.execute(update(ReturnRequest).where(ReturnRequest.id == ret)
                  .values(reason_code=ReasonCode.WRONG_ITEM))
    tallies = assert_tallies_fresh(store)
    assert {reason for _, reason in tallies} == {"wrong_item", "changed_mind", "defective"}
    with store.session() as s:
        s.execute(update(Inspection).where(Inspection.id == second).values(finished_at=None))
        s.execute(delete(Inspection).where(Inspection.id == third))
    assert_tallies_fresh(store)
    fourth = _finished(store, 3, Decision.ELIGIBLE)
    with store.session() as s:
        # A line deleted, then a whole return (its lines and inspections cascade).
        line = s.scalars(select(Inspection.return_line_id).where(Inspection.id == fourth)).one()
        s.execute(delete(ReturnLine).where(ReturnLine.id == line))
        s.execute(delete(ReturnRequest).where(ReturnRequest.id == ret))
    assert assert_tallies_fresh(store) == {}


def test_the_services_writes_keep_the_tallies(store: Store, tmp_path: Path) -> None:
    photos = PhotoFiles(photo_dir_for(store.path))
    built = add_return(store, status=ReturnStatus.IN_TRANSIT, reason=ReasonCode.DAMAGED_IN_TRANSIT)
    with store.read_session() as s:
        lines = {ln.id: ln.cartons_expected for ln in s.scalars(
            select(ReturnLine).where(ReturnLine.return_id == built.return_id))}
    ReceivingService(store, photos, clock=lambda: NOW).receive(
        INSPECTOR, built.return_id, ReceiptInput(
            NOW - timedelta(hours=1), "UPS", "", ParcelCondition.INTACT, True, True, False,
            lines, scanned=lines))
    assert_tallies_fresh(store)
    inspections = InspectionService(store, default_policies(), photos, clock=lambda: NOW)
    sheet = inspections.open_sheet(INSPECTOR, next(iter(lines)))
    inspections.attach_photo(INSPECTOR, sheet.inspection_id, write_png(tmp_path / "a.png"))
    answers = dict(ALL_YES, unused="no")
    inspections.finish(INSPECTOR, sheet.inspection_id, confirmed(
        sheet, {k: Answer(v) for k, v in answers.items()}, "Scuffed legs"))
    # Refused (X3: used), so counted and not passed; a supervisor's exception passes it.
    assert list(assert_tallies_fresh(store).values()) == [(1, 0)]
    inspections.override(SUPERVISOR, sheet.inspection_id, "Customer never used it, checked")
    assert list(assert_tallies_fresh(store).values()) == [(1, 1)]


def test_the_retention_purge_keeps_the_tallies(store: Store) -> None:
    _finished(store, 5, Decision.ELIGIBLE)
    old = add_return(store, status=ReturnStatus.CLOSED, received_at=NOW - timedelta(days=900),
                     checklist={})
    with store.session() as s:
        s.get_one(ReturnRequest, old.return_id).closed_at = NOW - timedelta(days=800)
        s.execute(update(Inspection).where(Inspection.return_line_id.in_(
            select(ReturnLine.id).where(ReturnLine.return_id == old.return_id)))
            .values(finished_at=NOW - timedelta(days=850), decision=Decision.ELIGIBLE))
    before = assert_tallies_fresh(store)
    report = RetentionService(store, PhotoFiles(photo_dir_for(store.path)),
                              DeskSettings(closed_return_days=730), clock=lambda: NOW
                              ).purge(ADMIN)
    assert report.returns == 1
    # The statistics survive the purge: the same counts, still right.
    assert assert_tallies_fresh(store) == before


def test_the_demo_bulk_load_counts_its_inspections_once(tmp_path: Path) -> None:
    store = open_store(tmp_path / "demo.sqlite3")
    try:
        generate_demo_data(store, returns=400, seed=3, today=date(2026, 11, 25))
        tallies = assert_tallies_fresh(store)
        assert sum(n for n, _ in tallies.values()) > 100
        # The triggers it dropped while loading are back: a later write is counted.
        with store.session() as s:
            s.execute(update(Inspection).where(Inspection.finished_at.is_not(None))
                      .values(decision=Decision.ELIGIBLE, override_decision=None))
        assert kept_tallies(store) != tallies
        assert all(n == passed for n, passed in assert_tallies_fresh(store).values())
    finally:
        store.dispose()
