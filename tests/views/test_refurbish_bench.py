"""Issue 17: the refurbishment bench, driven as a scanner and a keyboard do: scan the unit,
say what to fix, log parts and minutes, then the outcome, the new grade and what was done;
the unit is graded anew and routed again, and the list "in refurbishment" follows."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import Disposition, RepairOutcome, WorkOrderState
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.views.refurbish_dialog import RefurbishDialog
from tests.services.test_unit_service import _graded_a, _inspect, _receive
from tests.views.conftest import INSPECTOR, MakeWindow
from tests.views.keyboard import WAIT, press, scan, type_text, wait_focus
from tests.views.workbench import wait_dialog


def _to_refurbish(store: Store, desk: Desk) -> str:
    """A sofa of 1,299 USD graded C for a personal reason: refurbished (R7)."""
    _, line_id, tags = _receive(store, desk.receiving)
    _inspect(desk.inspections, line_id, "C", "the frame is cracked under the seat")
    return f"{tags[0]}-U1"


def _open_bench(qtbot: QtBot, make_window: MakeWindow) -> RefurbishDialog:
    window = make_window(INSPECTOR)
    press(qtbot, "Ctrl+Shift+B")
    dialog = wait_dialog(qtbot, window, RefurbishDialog)
    assert isinstance(dialog, RefurbishDialog)
    wait_focus(qtbot, dialog.scan)
    return dialog


def test_a_repair_from_scan_to_new_grade_by_keys_alone(
        qtbot: QtBot, store: Store, desk: Desk, make_window: MakeWindow) -> None:
    code = _to_refurbish(store, desk)
    dialog = _open_bench(qtbot, make_window)
    scan(qtbot, code.lower())
    wait_focus(qtbot, dialog.fault)
    assert code in dialog.unit_view.text()
    type_text(qtbot, "cracked rear rail\n")
    wait_focus(qtbot, dialog.parts)
    assert "Work order opened" in dialog.feedback.text()
    qtbot.waitUntil(lambda: dialog.queue_model.rowCount() == 1, timeout=WAIT)

    type_text(qtbot, "rear rail 80 cm, 4 wood screws\n")
    wait_focus(qtbot, dialog.minutes)
    type_text(qtbot, "45\n")
    wait_focus(qtbot, dialog.outcome)
    assert "45 min" in dialog.feedback.text()
    order = desk.refurbish.scan(INSPECTOR, code).open_order
    assert order is not None
    assert (order.parts, order.minutes) == (("rear rail 80 cm", "4 wood screws"), 45)

    press(qtbot, "Return")  # the outcome as it stands: repaired
    wait_focus(qtbot, dialog.grade)
    type_text(qtbot, "a\n")
    wait_focus(qtbot, dialog.note)
    type_text(qtbot, "rail replaced and glued\n")
    wait_focus(qtbot, dialog.scan)
    assert "graded A" in dialog.feedback.text()
    qtbot.waitUntil(lambda: dialog.queue_model.rowCount() == 0, timeout=WAIT)
    done = desk.refurbish.scan(INSPECTOR, code)
    assert done.open_order is None
    [earlier] = done.earlier
    assert (earlier.state, earlier.outcome, earlier.grade) == (
        WorkOrderState.DONE, RepairOutcome.REPAIRED, "A")
    assert done.unit.disposition is Disposition.RESTOCK


def test_a_unit_routed_elsewhere_is_said_and_escape_goes_back_to_the_scan(
        qtbot: QtBot, store: Store, desk: Desk, make_window: MakeWindow) -> None:
    restocked, _tags = _graded_a(store, desk.receiving, desk.inspections)
    code = _to_refurbish(store, desk)
    dialog = _open_bench(qtbot, make_window)
    scan(qtbot, restocked)
    qtbot.waitUntil(lambda: "not routed to refurbish" in dialog.feedback.text(), timeout=WAIT)
    wait_focus(qtbot, dialog.scan)
    assert not dialog.fault.isEnabled()
    scan(qtbot, code)
    wait_focus(qtbot, dialog.fault)
    type_text(qtbot, "leg\n")  # too short: said, the focus stays to put it right
    qtbot.waitUntil(lambda: "at least 5" in dialog.feedback.text(), timeout=WAIT)
    assert dialog.fault.hasFocus()
    press(qtbot, "Esc")
    wait_focus(qtbot, dialog.scan)
    assert dialog.isVisible()
    assert desk.refurbish.scan(INSPECTOR, code).open_order is None
