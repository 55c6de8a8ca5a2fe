from __future__ import annotations

import pytest

from livenon_desk.domain.policy import default_policies
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from tests import conftest
from tests.builders import NOW

INSPECTOR = conftest.INSPECTOR
SUPERVISOR = conftest.SUPERVISOR


@pytest.fixture
def photos(store: Store) -> PhotoFiles:
    return PhotoFiles(photo_dir_for(store.path))


@pytest.fixture
def receiving(store: Store, photos: PhotoFiles) -> ReceivingService:
    return ReceivingService(store, photos, clock=lambda: NOW)


@pytest.fixture
def inspections(store: Store, photos: PhotoFiles) -> InspectionService:
    return InspectionService(store, default_policies(), photos, clock=lambda: NOW)
