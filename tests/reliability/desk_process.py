"""A desk at work in a process of its own, for the kill harness: it receives parcels,
finishes inspections and runs sync rounds in a random order until it is killed (SIGKILL)
or has done its share. Everything it does goes through the desk's real services."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from livenon_desk.domain.enums import Answer, ParcelCondition, ReturnStatus, UnitState
from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.models import Inspection, ReturnLine, ReturnRequest, Unit
from livenon_desk.services.inspection_dto import DraftInput
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.receiving_dto import ReceiptInput
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.services.unit_service import UnitService
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from livenon_desk.sync.client import CentralClient, ClientSettings
from livenon_desk.sync.retry import RetryPolicy
from livenon_desk.sync.worker import SyncWorker
from tests.builders import ALL_YES, confirmed

INSPECTOR = Actor("inspector", Role.INSPECTOR, "Demo Inspector")
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
RETRY = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05, max_retry_after=1)


def _receivable(store: Store) -> int | None:
    with store.read_session() as s:
        return s.scalar(select(ReturnRequest.id).where(
            ReturnRequest.status.in_((ReturnStatus.IN_TRANSIT, ReturnStatus.INSTRUCTIONS_SENT)),
            ReturnRequest.received_at.is_(None), ReturnRequest.restricted.is_(False))
            .order_by(ReturnRequest.id).limit(1))


def _inspectable(store: Store) -> int | None:
    """A line of a received return with no finished inspection."""
    with store.read_session() as s:
        finished = select(Inspection.return_line_id).where(Inspection.finished_at.is_not(None))
        return s.scalar(select(ReturnLine.id).join(
            ReturnRequest, ReturnRequest.id == ReturnLine.return_id).where(
            ReturnRequest.status == ReturnStatus.RECEIVED,
            ReturnRequest.restricted.is_(False), ReturnLine.id.not_in(finished))
            .order_by(ReturnLine.id).limit(1))


def receive_one(store: Store, receiving: ReceivingService) -> bool:
    return_id = _receivable(store)
    if return_id is None:
        return False
    with store.read_session() as s:
        lines = s.scalars(select(ReturnLine).where(ReturnLine.return_id == return_id))
        cartons = {ln.id: ln.cartons_expected for ln in lines}
    receiving.receive(INSPECTOR, return_id, ReceiptInput(
        NOW - timedelta(hours=1), "UPS", "", ParcelCondition.INTACT, True, True, False,
        cartons, scanned=cartons))
    return True


def inspect_one(store: Store, inspections: InspectionService) -> bool:
    line_id = _inspectable(store)
    if line_id is None:
        return False
    sheet = inspections.open_sheet(INSPECTOR, line_id)
    # "Damage as reported: yes" needs a photo (E4); the harness answers no instead.
    answers = {k: Answer(v) for k, v in ALL_YES.items()}
    answers["damage_matches_report"] = Answer.NO
    inspections.save_draft(INSPECTOR, sheet.inspection_id, DraftInput(answers))
    inspections.finish(INSPECTOR, sheet.inspection_id,
                       confirmed(sheet, answers, "checked"))
    return True


def put_away_one(store: Store, units: UnitService) -> bool:
    """A graded unit put in a bin of its zone with room (issue 17)."""
    with store.read_session() as s:
        code = s.scalar(select(Unit.code).where(Unit.state == UnitState.TO_PUT_AWAY)
                        .order_by(Unit.id).limit(1))
    if code is None:
        return False
    plan = units.plan(INSPECTOR, code)
    if plan.suggested_bin is None:
        return False
    units.move(INSPECTOR, code, plan.suggested_bin)
    return True


def work(db: str, server: str, token: str, seed: int, steps: int, ready: Any = None) -> None:
    """The desk's day, cut short wherever the harness kills it; ``ready`` (an Event) is set
    once the desk is open, so that the kill falls in its work, not in its start."""
    path = Path(db)
    store = open_store(path)
    photos = PhotoFiles(photo_dir_for(path))
    receiving = ReceivingService(store, photos, clock=lambda: NOW)
    inspections = InspectionService(store, default_policies(), photos, clock=lambda: NOW)
    units = UnitService(store, default_policies(), clock=lambda: NOW)
    client = CentralClient(ClientSettings(server, retry=RETRY, read_timeout=10.0),
                           token=token)
    worker = SyncWorker(store, client, photos, lambda: NOW)
    rng = random.Random(seed)
    if ready is not None:
        ready.set()
    for _ in range(steps):
        roll = rng.random()
        if roll < 0.35:
            receive_one(store, receiving)
        elif roll < 0.65:
            inspect_one(store, inspections)
        elif roll < 0.75:
            put_away_one(store, units)
        else:
            worker.run_round()
    store.dispose()
    client.close()
