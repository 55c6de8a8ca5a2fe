from __future__ import annotations

from collections.abc import Iterator

import pytest

from livenon_desk.domain.policy import default_policies
from livenon_desk.services.desk import Desk
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.store.database import Store
from livenon_desk.views.task_runner import TaskRunner
from tests import conftest
from tests.builders import NOW

INSPECTOR = conftest.INSPECTOR
SUPERVISOR = conftest.SUPERVISOR


@pytest.fixture
def service(store: Store) -> ReturnsService:
    return ReturnsService(store, default_policies(), clock=lambda: NOW)


@pytest.fixture
def desk(store: Store) -> Desk:
    return Desk(store.path, clock=lambda: NOW)


@pytest.fixture
def runner(qtbot: object) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait_for_done()
