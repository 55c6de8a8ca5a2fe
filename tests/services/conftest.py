from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from tests.builders import NOW

INSPECTOR = Actor("mchen", Role.INSPECTOR, "Mei Chen")
SUPERVISOR = Actor("jrivera", Role.SUPERVISOR, "Jordan Rivera")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "desk.sqlite3")
    yield s
    s.dispose()


@pytest.fixture
def photos(store: Store) -> PhotoFiles:
    return PhotoFiles(photo_dir_for(store.path))


@pytest.fixture
def receiving(store: Store, photos: PhotoFiles) -> ReceivingService:
    return ReceivingService(store, photos, clock=lambda: NOW)


@pytest.fixture
def inspections(store: Store, photos: PhotoFiles) -> InspectionService:
    return InspectionService(store, default_policies(), photos, clock=lambda: NOW)
