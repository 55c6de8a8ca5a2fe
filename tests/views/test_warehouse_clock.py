"""One clock: every time a person sees or enters is the warehouse's, from the policy file."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from livenon_desk.services.desk import Desk
from livenon_desk.services.sync_dto import SyncSnapshot
from livenon_desk.services.warehouse_time import warehouse_zone
from livenon_desk.store.database import Store
from livenon_desk.views.formatting import format_date
from livenon_desk.views.receive_dialog import ReceiveDialog
from livenon_desk.views.sync_controller import ONLINE, SyncStatus
from livenon_desk.views.sync_status import SyncStatusWidget
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, LineSpec, add_return
from tests.views.keyboard import WAIT, press, type_text


def _focused_in(window: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and focused.window() is window


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_a_receipt_typed_as_08_53_is_08_53_in_the_warehouse_and_shows_so(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=1)])
    dialog = ReceiveDialog(desk.returns.detail(built.return_id), runner, NOW, False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: _focused_in(dialog), timeout=WAIT)
    press(qtbot, "Alt+A")
    assert _focused() is dialog.received_at
    press(qtbot, "Ctrl+A")
    type_text(qtbot, "2026-11-25 08:53")
    received = dialog.receipt().received_at
    local = received.astimezone(warehouse_zone())
    assert (local.hour, local.minute) == (8, 53)
    assert "8:53" in format_date(received)
    assert format_date(received).endswith("PST")
    assert dialog.findChild(QWidget, "zoneLabel").text() == "PST"  # type: ignore[union-attr]


def test_the_last_sync_is_told_on_the_warehouse_s_clock(qtbot: QtBot) -> None:
    corner = SyncStatusWidget()
    qtbot.addWidget(corner)
    last = datetime(2026, 7, 1, 16, 5, tzinfo=UTC)  # 09:05 in the warehouse (PDT)
    corner.show_status(SyncStatus(ONLINE, SyncSnapshot(
        waiting=0, failed=0, conflicts=0, last_success_at=last, last_attempt_at=last,
        last_error=None, server_url="http://127.0.0.1:1")))
    assert re.search(r"\b0?9:05\b.*PDT", corner.text()), corner.text()


def test_no_view_names_a_time_zone_of_its_own() -> None:
    views = Path(__file__).parents[2] / "livenon_desk" / "views"
    for module in views.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert "ZoneInfo(" not in text and "America/" not in text, module.name
        assert ".astimezone()" not in text, module.name  # the workstation's own zone
