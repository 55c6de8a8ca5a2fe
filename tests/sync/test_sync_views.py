"""The desk's sync corner and sync view, driven with real widgets against the real server."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from livenon_desk.central import records
from livenon_desk.services.central_service import CentralService
from livenon_desk.services.desk import Desk as DeskServices
from livenon_desk.services.user_settings import UserSettingsFile, settings_file
from livenon_desk.sync.credentials import TokenStore
from livenon_desk.views.sync_controller import (
    OFFLINE,
    ONLINE,
    SyncController,
)
from livenon_desk.views.sync_status import SyncStatusWidget
from livenon_desk.views.sync_view import SyncView
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW
from tests.central_server import PASSWORDS, Central
from tests.sync.desk import INSPECTOR, Desk
from tests.views.keyboard import WAIT


@pytest.fixture
def settings() -> UserSettingsFile:
    return settings_file()


def _controller(desk: Desk, central: Central, settings: UserSettingsFile, tmp_path: Path,
                url: str | None = None, synchronous: bool = True
                ) -> tuple[SyncController, DeskServices]:
    services = DeskServices(desk.store.path, clock=lambda: NOW)
    tokens = TokenStore(use_keyring=False, folder=tmp_path / "tokens")
    server = url or central.url
    settings.update(sync_server=server)
    assert desk.client.token is not None
    tokens.save(server, desk.client.token)
    runner = TaskRunner(synchronous=synchronous)
    return SyncController(services, runner, central=CentralService(tokens)), services



def test_the_status_corner_shows_what_waits_and_when_it_went(
        qtbot: QtBot, desk: Desk, central: Central, settings: UserSettingsFile,
        tmp_path: Path) -> None:
    controller, _services = _controller(desk, central, settings, tmp_path)
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    controller.status_changed.connect(widget.show_status)
    desk.receive_next()
    controller.refresh()
    # The receipt, and a unit for each carton received.
    assert f"{1 + desk.unit_rows()} waiting" in widget.text()
    assert "never" in widget.text()
    controller.sync_now()
    assert widget.state == ONLINE
    assert "0 waiting" in widget.text() and "Online" in widget.text()
    assert "never" not in widget.text()
    with qtbot.waitSignal(widget.clicked, timeout=WAIT):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_offline_is_shown_and_the_work_kept(
        qtbot: QtBot, desk: Desk, central: Central, settings: UserSettingsFile, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from livenon_desk.sync.retry import RetryPolicy

    monkeypatch.setattr(RetryPolicy, "delay", lambda *_args: None)
    controller, services = _controller(desk, central, settings, tmp_path,
                                       url="http://127.0.0.1:9")
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    controller.status_changed.connect(widget.show_status)
    desk.receive_next()
    controller.sync_now()
    assert widget.state == OFFLINE
    assert f"{1 + desk.unit_rows()} waiting" in widget.text()
    assert "cannot be reached" in widget.toolTip()
    view = SyncView(services, TaskRunner(synchronous=True), controller, INSPECTOR)
    qtbot.addWidget(view)
    assert view.tabs.tabText(0) == f"Waiting ({1 + desk.unit_rows()})"
    assert view.tabs.tabText(1) == "Refused (0)"


def test_the_sync_view_shows_a_conflict_side_by_side_and_keeps_mine(
        qtbot: QtBot, desk: Desk, central: Central, settings: UserSettingsFile,
        tmp_path: Path) -> None:
    controller, services = _controller(desk, central, settings, tmp_path)
    rma = desk.receive_next()
    with central.context.db.write() as c:
        current = records.get_live(c, "return", rma, "return")
        records.write(c, "return", rma, {**(current.data or {}), "carrier": "FedEx"},
                      expected=current)
    controller.sync_now()
    view = SyncView(services, TaskRunner(synchronous=True), controller, INSPECTOR)
    qtbot.addWidget(view)
    assert view.tabs.tabText(2) == "To decide (1)"
    assert view.conflict_list.count() == 1
    rows = {view.compare_model.index(r, 0).data(): (view.compare_model.index(r, 1).data(),
                                                    view.compare_model.index(r, 2).data())
            for r in range(view.compare_model.rowCount())}
    assert rows["Carrier"] == ("UPS", "FedEx")  # the field in words, not its key
    qtbot.mouseClick(view.keep_mine_button, Qt.MouseButton.LeftButton)
    assert view.tabs.tabText(2) == "To decide (0)"
    assert (central.entity("return", rma).data or {})["carrier"] == "UPS"
    assert services.sync.snapshot().waiting == 0


def test_the_sync_view_lists_refusals_and_retries(
        qtbot: QtBot, desk: Desk, central: Central, settings: UserSettingsFile,
        tmp_path: Path) -> None:
    from sqlalchemy import update

    from livenon_desk.models import OutboxRow

    controller, services = _controller(desk, central, settings, tmp_path)
    desk.receive_next()
    with desk.store.session() as s:
        s.execute(update(OutboxRow).where(OutboxRow.kind == "receipt").values(
            body={"received_at": "2026-11-25T10:00:00+00:00", "received_by": "x",
                  "parcel_condition": "intact",
                  "lines": [{"tag_code": "NOPE", "cartons_received": 1}]}))
    controller.sync_now()
    view = SyncView(services, TaskRunner(synchronous=True), controller, INSPECTOR)
    qtbot.addWidget(view)
    assert view.tabs.tabText(1) == "Refused (1)"
    assert view.tabs.tabText(0) == "Waiting (0)"
    assert "NOPE" in view.failed_model.index(0, 4).data()
    qtbot.mouseClick(view.retry_button, Qt.MouseButton.LeftButton)
    # Refused again (the body is still wrong), with its reason: nothing lost, nothing hidden.
    assert view.tabs.tabText(1) == "Refused (1)"


@pytest.mark.parametrize(("language", "words"), [("en", "is not a date"), ("zh", "不是日期")])
def test_the_sync_view_lists_records_refused_from_the_server(
        qtbot: QtBot, desk: Desk, central: Central, settings: UserSettingsFile,
        tmp_path: Path, language: str, words: str) -> None:
    controller, services = _controller(desk, central, settings, tmp_path)
    ret = central.find_return("in_transit")
    with central.context.db.write() as c:
        current = records.get_live(c, "return", ret.key, "return")
        records.write(c, "return", ret.key, {**(current.data or {}), "applied_at": "soon"},
                      expected=current)
    controller.sync_now()
    view = SyncView(services, TaskRunner(synchronous=True), controller, INSPECTOR,
                    language=language)
    qtbot.addWidget(view)
    assert view.tabs.tabText(3) == "Not taken from the server (1)"
    assert view.refused_model.rowCount() == 1
    assert view.refused_model.index(0, 1).data() == ret.key
    reason = view.refused_model.index(0, 3).data()
    assert "applied_at" in reason and "soon" in reason and words in reason


def test_signed_in_and_syncing_goes_when_the_round_is_over(
        qtbot: QtBot, desk: Desk, central: Central, settings: UserSettingsFile,
        tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.central_server import PASSWORDS
    from tests.views.keyboard import press, type_text, wait_focus

    controller, services = _controller(desk, central, settings, tmp_path)
    view = SyncView(services, TaskRunner(synchronous=True), controller, INSPECTOR)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=WAIT)
    view.user.setFocus()
    wait_focus(qtbot, view.user)
    type_text(qtbot, "inspector\t")
    assert view.password.hasFocus()
    type_text(qtbot, PASSWORDS["inspector"])
    view.sign_in_button.setFocus()
    wait_focus(qtbot, view.sign_in_button)
    press(qtbot, "Space")
    assert controller.status.state == ONLINE
    assert "syncing" not in view.message.text().lower()
    assert view.message.text() == "Signed in; the sync round is done."


def test_with_a_server_set_the_desk_signs_in_there_first(
        desk: Desk, central: Central, settings: UserSettingsFile, tmp_path: Path) -> None:
    from livenon_desk.domain.roles import Role
    from livenon_desk.views.app import _check_passwords_centrally

    controller, services = _controller(desk, central, settings, tmp_path)
    assert services.online is None
    _check_passwords_centrally(services, controller)
    assert services.online is not None
    assert services.online("supervisor", PASSWORDS["supervisor"]) is Role.SUPERVISOR
    # The token the sign-in gave is the one the background sync uses.
    assert controller.central.is_signed_in(central.url)


def test_the_round_is_said_done_only_once_it_is_done_with_real_threads(
        qtbot: QtBot, desk: Desk, central: Central, settings: UserSettingsFile,
        tmp_path: Path) -> None:
    """Signing in and the round run on worker threads: the view must not take the state
    from before the round (signed out) for the round's end."""
    from tests.central_server import PASSWORDS

    controller, services = _controller(desk, central, settings, tmp_path,
                                       synchronous=False)
    view = SyncView(services, TaskRunner(), controller, INSPECTOR)
    qtbot.addWidget(view)
    said: list[tuple[str, str, bool]] = []
    shown = view.message.setText

    def say(text: str) -> None:
        said.append((text, controller.status.state, controller.running))
        shown(text)

    view.message.setText = say  # type: ignore[method-assign]
    view.user.setText("inspector")
    view.password.setText(PASSWORDS["inspector"])
    view.sign_in_button.click()
    qtbot.waitUntil(lambda: view.message.text() == "Signed in; the sync round is done.",
                    timeout=20_000)
    done = [(state, running) for text, state, running in said
            if text == "Signed in; the sync round is done."]
    assert done == [(ONLINE, False)]
    assert controller.status.state == ONLINE
