"""After receiving, counting and inspecting, what the window shows follows at once: the
list's row, the work queue's counts and the status bar. All of it typed at the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import Answer, ReasonCode, ReturnStatus
from livenon_desk.services.central_service import CentralService
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.sync.credentials import TokenStore
from livenon_desk.views.carton_dialog import CartonDialog
from livenon_desk.views.inspection_dialog import InspectionDialog
from livenon_desk.views.labels import status_texts
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.returns_table_model import Column
from livenon_desk.views.sync_controller import SyncController
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, Built, LineSpec, add_return
from tests.views.conftest import INSPECTOR, MakeWindow
from tests.views.keyboard import WAIT, back_to, press, scan, wait_focus
from tests.views.workbench import confirm_grade, open_receive, wait_dialog


def _row_status(window: MainWindow, built: Built) -> str:
    model = window.model
    for row in range(model.rowCount()):
        found = model.row_at(row)
        if found is not None and found.return_id == built.return_id:
            return str(model.data(model.index(row, Column.STATUS), Qt.ItemDataRole.DisplayRole))
    raise AssertionError(f"{built.rma_number} is not in the list")


def _queue_count(window: MainWindow, key: str) -> int:
    queue = window.queues.queue(key)
    assert queue is not None
    return queue.count


def test_receiving_then_counting_the_last_carton_updates_row_queues_and_status_bar(
    qtbot: QtBot, store: Store, make_window: MakeWindow
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=2)])
    add_return(store)  # another one waits for receipt
    window = make_window(INSPECTOR)
    qtbot.waitUntil(lambda: window.queues.queue("awaiting_receipt") is not None, timeout=WAIT)
    assert _queue_count(window, "awaiting_receipt") == 2
    statuses = status_texts()

    open_receive(qtbot, window, built.rma_number)
    scan(qtbot, built.tag_codes[0])
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    back_to(qtbot, window)
    qtbot.waitUntil(lambda: _row_status(window, built)
                    == statuses[ReturnStatus.PARTIALLY_RECEIVED], timeout=WAIT)
    qtbot.waitUntil(lambda: _queue_count(window, "awaiting_receipt") == 1, timeout=WAIT)
    assert "1/2" in window.message.text()

    qtbot.waitUntil(window.return_actions.count_cartons.isEnabled, timeout=WAIT)
    press(qtbot, "Ctrl+K")
    cartons = wait_dialog(qtbot, window, CartonDialog)
    assert isinstance(cartons, CartonDialog)
    wait_focus(qtbot, cartons.scan)
    scan(qtbot, built.tag_codes[0])
    qtbot.waitUntil(lambda: _row_status(window, built) == statuses[ReturnStatus.RECEIVED],
                    timeout=WAIT)
    qtbot.waitUntil(lambda: "missing" not in window.message.text()
                    and built.rma_number in window.message.text(), timeout=WAIT)
    # The dialog's own tally follows too: no "1/2" after the last carton.
    assert "1/2" not in cartons.state.text() and "2/2" in cartons.state.text()
    assert _queue_count(window, "awaiting_inspection") == 1


def test_finishing_an_inspection_updates_the_row_and_the_queues(
    qtbot: QtBot, store: Store, make_window: MakeWindow
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       reason=ReasonCode.CHANGED_MIND)
    window = make_window(INSPECTOR)
    qtbot.waitUntil(lambda: window.queues.queue("awaiting_inspection") is not None, timeout=WAIT)
    assert _queue_count(window, "awaiting_inspection") == 1
    scan(qtbot, built.rma_number)
    qtbot.waitUntil(window.return_actions.inspect.isEnabled, timeout=WAIT)
    press(qtbot, "Ctrl+I")
    dialog = wait_dialog(qtbot, window, InspectionDialog)
    assert isinstance(dialog, InspectionDialog)
    for row in dialog.rows:
        row.set_answer(Answer.YES)
    confirm_grade(dialog)
    dialog.finish()
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    statuses = status_texts()
    qtbot.waitUntil(lambda: _row_status(window, built) == statuses[ReturnStatus.INSPECTED],
                    timeout=WAIT)
    qtbot.waitUntil(lambda: _queue_count(window, "awaiting_inspection") == 0, timeout=WAIT)
    assert _queue_count(window, "inspected_today") == 1


def test_the_status_bar_and_the_sync_view_count_the_same_changes_waiting(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, tmp_path: Path
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=1)])
    central = CentralService(TokenStore(use_keyring=False, folder=tmp_path))
    sync = SyncController(desk, runner, central=central)
    window = MainWindow(desk, runner, actor=INSPECTOR, database_label="desk.sqlite3",
                        clock=lambda: NOW, sync=sync)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    sync.start()
    qtbot.waitUntil(lambda: "0 waiting" in window.sync_status.text(), timeout=WAIT)

    open_receive(qtbot, window, built.rma_number)
    scan(qtbot, built.tag_codes[0])
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    waiting = desk.sync.snapshot().waiting
    assert waiting > 0
    qtbot.waitUntil(lambda: f"{waiting} waiting" in window.sync_status.text(), timeout=WAIT)

    back_to(qtbot, window)
    press(qtbot, "Ctrl+Shift+Y")
    qtbot.waitUntil(lambda: window.sync_view is not None
                    and window.sync_view.tabs.tabText(0) == f"Waiting ({waiting})", timeout=WAIT)
    assert f"{waiting} waiting" in window.sync_status.text()
    assert window.sync_view is not None
    window.sync_view.close()
    sync.stop()


def test_a_red_message_goes_when_the_field_it_names_is_fixed(
    qtbot: QtBot, store: Store, make_window: MakeWindow
) -> None:
    built = add_return(store, cross_border=True, lines=[LineSpec(cartons=1)])
    window = make_window(INSPECTOR)
    receive = open_receive(qtbot, window, built.rma_number)
    scan(qtbot, built.tag_codes[0])
    press(qtbot, "Ctrl+Return")  # "Returned Goods" (T3) not answered: refused
    qtbot.waitUntil(lambda: "T3" in receive.error.text(), timeout=WAIT)
    scan(qtbot, built.tag_codes[0])  # another scan fixes nothing: the message stays
    assert "T3" in receive.error.text()
    receive.returned_goods.setFocus()
    wait_focus(qtbot, receive.returned_goods)
    press(qtbot, "Down")
    assert receive.returned_goods.currentData() is True
    assert receive.error.text() == ""
