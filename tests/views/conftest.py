from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.roles import Actor
from livenon_desk.services.desk import Desk
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.store.database import Store
from livenon_desk.views.app import install_translators
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.task_runner import TaskRunner
from tests import conftest
from tests.builders import NOW
from tests.views.keyboard import WAIT

INSPECTOR = conftest.INSPECTOR
SUPERVISOR = conftest.SUPERVISOR


@pytest.fixture
def service(store: Store) -> ReturnsService:
    return ReturnsService(store, default_policies(), clock=lambda: NOW)


@pytest.fixture
def desk(store: Store) -> Desk:
    return Desk(store.path, clock=lambda: NOW)


@pytest.fixture(params=["en", "zh"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The screens in English, then in Chinese."""
    lang = str(request.param)
    translators = install_translators(qapp, lang)
    yield lang
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    install_translators(qapp, "en")


@pytest.fixture
def runner(qtbot: object) -> Iterator[TaskRunner]:  # noqa: ARG001 (pytest-qt's QApplication first)
    r = TaskRunner()
    yield r
    r.wait_for_done()


MakeWindow = Callable[[Actor], MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, desk: Desk, runner: TaskRunner) -> Iterator[MakeWindow]:
    """The desk's window for a user, shown and active: keys typed reach its focused widget."""

    def make(actor: Actor) -> MainWindow:
        window = MainWindow(desk, runner, actor=actor, database_label="desk.sqlite3",
                            clock=lambda: NOW)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
        return window

    yield make
    runner.wait_for_done()
