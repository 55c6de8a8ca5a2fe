"""A desk beside the real central server: the same demo records at the same versions, the
desk's services with a fixed clock, and the sync worker signed in as the inspector."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from livenon_desk.demo.generator import generate_demo_data
from livenon_desk.domain.enums import ParcelCondition, ReturnStatus
from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.models import OutboxRow, ReturnLine, ReturnRequest
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.receiving_dto import ReceiptInput
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.services.sync_service import SyncService
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from livenon_desk.sync.client import CentralClient
from livenon_desk.sync.worker import SyncWorker
from tests.builders import NOW
from tests.central_server import TODAY, Central

INSPECTOR = Actor("inspector", Role.INSPECTOR, "Demo Inspector")
SUPERVISOR = Actor("supervisor", Role.SUPERVISOR, "Demo Supervisor")
UNIT_KINDS = frozenset({"unit", "unit_move"})


@dataclass
class Desk:
    store: Store
    photos: PhotoFiles
    receiving: ReceivingService
    inspections: InspectionService
    sync: SyncService
    client: CentralClient

    def worker(self, **kwargs: int) -> SyncWorker:
        return SyncWorker(self.store, self.client, self.photos, lambda: NOW, **kwargs)

    def changes(self, *states: str) -> list[OutboxRow]:
        """The outbox's rows of returns and inspections, without the units' (a unit per
        carton counted in, and each move), which tests/sync/test_unit_sync.py follows."""
        return [r for r in self.outbox(*states) if r.kind not in UNIT_KINDS]

    def unit_rows(self, *states: str) -> int:
        """How many of the outbox's rows are units' or moves' (in these states)."""
        return sum(r.kind in UNIT_KINDS for r in self.outbox(*states))

    def outbox(self, *states: str) -> list[OutboxRow]:
        with self.store.read_session() as s:
            query = select(OutboxRow).order_by(OutboxRow.id)
            if states:
                query = query.where(OutboxRow.state.in_(states))
            return list(s.scalars(query))

    def receivable(self, n: int = 0) -> ReturnRequest:
        """The n-th return waiting for its parcel, with every line's tags."""
        with self.store.read_session() as s:
            rows = list(s.scalars(
                select(ReturnRequest)
                .where(ReturnRequest.status.in_((ReturnStatus.IN_TRANSIT,
                                                 ReturnStatus.INSTRUCTIONS_SENT)),
                       ReturnRequest.received_at.is_(None),
                       ReturnRequest.restricted.is_(False))
                .order_by(ReturnRequest.id)))
            return rows[n]

    def receive_next(self) -> str:
        """The first receivable return received whole by the inspector; its RMA."""
        ret = self.receivable()
        cartons = {ln.id: ln.cartons_expected for ln in self.lines(ret.id)}
        self.receiving.receive(INSPECTOR, ret.id, ReceiptInput(
            NOW - timedelta(hours=1), "UPS", "", ParcelCondition.INTACT, True, True, False,
            cartons, scanned=cartons))
        return ret.rma_number

    def lines(self, return_id: int) -> list[ReturnLine]:
        with self.store.read_session() as s:
            return list(s.scalars(select(ReturnLine).where(ReturnLine.return_id == return_id)
                                  .order_by(ReturnLine.id)))

    def count(self, model: type) -> int:
        with self.store.read_session() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture(scope="session")
def desk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("desk-template") / "desk.sqlite3"
    store = open_store(path)
    generate_demo_data(store, returns=40, seed=606, today=TODAY)
    store.dispose()
    return path


def make_desk(path: Path, client: CentralClient) -> Desk:
    store = open_store(path)
    photos = PhotoFiles(photo_dir_for(path))
    policies = default_policies()
    return Desk(store, photos, ReceivingService(store, photos, clock=lambda: NOW),
                InspectionService(store, policies, photos, clock=lambda: NOW),
                SyncService(store, photos, clock=lambda: NOW), client)


@pytest.fixture
def desk(desk_template: Path, tmp_path: Path, central: Central) -> Iterator[Desk]:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(desk_template, path)
    made = make_desk(path, central.client("inspector"))
    yield made
    made.store.dispose()
