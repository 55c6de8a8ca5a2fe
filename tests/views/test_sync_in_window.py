"""The main window with sync: a status corner, and the sync view from the View menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from livenon_desk.services.central_service import CentralService
from livenon_desk.services.desk import Desk
from livenon_desk.sync.credentials import TokenStore
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.sync_controller import NOT_SET_UP, SyncController
from livenon_desk.views.task_runner import TaskRunner
from tests.views.conftest import INSPECTOR
from tests.views.keyboard import WAIT


def test_the_window_shows_sync_and_opens_the_sync_view(
        qtbot: QtBot, desk: Desk, runner: TaskRunner, tmp_path: Path) -> None:
    central = CentralService(TokenStore(use_keyring=False, folder=tmp_path))
    sync = SyncController(desk, runner, central=central)
    window = MainWindow(desk, runner, actor=INSPECTOR, database_label="desk.sqlite3",
                        sync=sync)
    qtbot.addWidget(window)
    sync.start()
    qtbot.waitUntil(lambda: "0 waiting" in window.sync_status.text(), timeout=WAIT)
    assert window.sync_status.state == NOT_SET_UP
    menu_actions = [a for menu in window.menuBar().findChildren(QMenu)
                    for a in menu.actions()]
    assert window.sync_action in menu_actions
    window.sync_action.trigger()
    assert window.sync_view is not None and window.sync_view.isVisible()
    qtbot.waitUntil(lambda: window.sync_view is not None
                    and window.sync_view.tabs.tabText(0) == "Waiting (0)", timeout=WAIT)
    window.sync_view.close()
    sync.stop()
