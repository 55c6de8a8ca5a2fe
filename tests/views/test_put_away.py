"""Issue 17: put-away is two scans into the focused field, unit then bin; a bin of the
wrong zone is refused with where the unit goes, the right one takes it, and the move shows
in the return's detail."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from livenon_desk.domain.enums import (
    Disposition,
    UnitState,
)
from livenon_desk.models import OrderLine, ReturnLine
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.views.put_away_dialog import PutAwayDialog
from livenon_desk.views.reason_dialog import ReasonDialog
from livenon_desk.views.unit_route_dialog import UnitRouteDialog
from tests.builders import add_return
from tests.views.conftest import INSPECTOR, SUPERVISOR, MakeWindow
from tests.views.floor import graded_chair, received_chair
from tests.views.keyboard import WAIT, focused, press, scan, type_text
from tests.views.workbench import open_record, wait_dialog


def test_scan_the_unit_then_the_bin_and_the_move_is_in_the_history(
    qtbot: QtBot, store: Store, desk: Desk, make_window: MakeWindow
) -> None:
    built = graded_chair(store, desk)
    lpn = f"{built.tag_codes[0]}-U1"
    window = make_window(INSPECTOR)
    open_record(qtbot, window, built.rma_number)
    press(qtbot, "Ctrl+B")  # straight after the scan, from the search box
    dialog = wait_dialog(qtbot, window, PutAwayDialog)
    assert isinstance(dialog, PutAwayDialog)
    qtbot.waitUntil(lambda: focused(qtbot) is dialog.scan, timeout=WAIT)
    scan(qtbot, lpn.lower())
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
    assert "RS-01 has room" in dialog.prompt.text()
    assert "Restock shelves" in dialog.prompt.text()
    scan(qtbot, "rf-02")  # the refurbishment bay: refused, and where to go instead
    qtbot.waitUntil(lambda: "RS-01" in dialog.feedback.text(), timeout=WAIT)
    assert "Refurbishment bay" in dialog.feedback.text()
    assert dialog.plan is not None  # still waiting for the right bin
    scan(qtbot, "RS-01")
    qtbot.waitUntil(lambda: dialog.plan is None, timeout=WAIT)
    assert f"{lpn} is in RS-01" in dialog.feedback.text()
    assert desk.units.unit(INSPECTOR, lpn).row.state is UnitState.STORED
    # Moving it later is the same two scans.
    scan(qtbot, lpn)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
    assert "RS-01" in dialog.unit_view.text()
    scan(qtbot, "RS-02")
    qtbot.waitUntil(lambda: dialog.plan is None, timeout=WAIT)
    press(qtbot, "Escape")
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    # The record on screen shows each move: who, from, to.
    qtbot.waitUntil(lambda: window.detail.detail is not None
                    and len(window.detail.detail.units[0].moves) == 2, timeout=WAIT)
    html = window.detail.toPlainText()
    assert "receiving → RS-01" in html and "RS-01 → RS-02" in html
    assert "mchen" in html


def test_a_code_that_is_no_unit_says_so_and_waits_for_a_unit(
    qtbot: QtBot, store: Store, make_window: MakeWindow
) -> None:
    built = add_return(store)
    window = make_window(INSPECTOR)
    press(qtbot, "Ctrl+B")
    dialog = wait_dialog(qtbot, window, PutAwayDialog)
    assert isinstance(dialog, PutAwayDialog)
    qtbot.waitUntil(lambda: focused(qtbot) is dialog.scan, timeout=WAIT)
    scan(qtbot, f"{built.tag_codes[0]}-U1")  # not received: no unit yet
    qtbot.waitUntil(lambda: dialog.feedback.text() != "", timeout=WAIT)
    assert "No unit has the code" in dialog.feedback.text()
    assert dialog.plan is None


def test_alt_9_lists_units_to_grade_and_alt_0_units_to_put_away(
    qtbot: QtBot, store: Store, desk: Desk, make_window: MakeWindow
) -> None:
    graded = graded_chair(store, desk)
    received, _line = received_chair(store, desk)
    window = make_window(INSPECTOR)
    qtbot.waitUntil(lambda: window.queues.queue("to_grade") is not None, timeout=WAIT)

    def listed() -> set[int]:
        rows = (window.model.row_at(r) for r in range(window.model.rowCount()))
        return {row.return_id for row in rows if row is not None}

    press(qtbot, "Alt+9")
    qtbot.waitUntil(lambda: listed() == {received.return_id}, timeout=WAIT)
    assert "(1)" in window.queues.list.currentItem().text()
    press(qtbot, "Alt+0")
    qtbot.waitUntil(lambda: listed() == {graded.return_id}, timeout=WAIT)
    desk.units.move(INSPECTOR, f"{graded.tag_codes[0]}-U1", "RS-01")
    window.refresh_all()
    qtbot.waitUntil(lambda: listed() == set(), timeout=WAIT)


def test_a_weight_typed_after_the_unit_flags_a_swap_that_a_supervisor_clears(
    qtbot: QtBot, store: Store, desk: Desk, make_window: MakeWindow
) -> None:
    built = graded_chair(store, desk)
    with store.session() as s:
        line = s.scalars(select(ReturnLine).where(ReturnLine.return_id == built.return_id)).one()
        s.get_one(OrderLine, line.order_line_id).piece_weight_g = 9_000
    lpn = f"{built.tag_codes[0]}-U1"
    window = make_window(INSPECTOR)
    press(qtbot, "Ctrl+B")
    dialog = wait_dialog(qtbot, window, PutAwayDialog)
    assert isinstance(dialog, PutAwayDialog)
    qtbot.waitUntil(lambda: focused(qtbot) is dialog.scan, timeout=WAIT)
    scan(qtbot, lpn)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
    scan(qtbot, "9,4 kg")  # as the catalogue says, within its tolerance
    qtbot.waitUntil(lambda: "as the catalogue says" in dialog.feedback.text(), timeout=WAIT)
    scan(qtbot, "31")  # a chair of 9 kg weighing 31: not the chair that was sold
    qtbot.waitUntil(lambda: "Possible item swap" in dialog.feedback.text(), timeout=WAIT)
    assert dialog.plan is not None  # the bin is still to scan
    press(qtbot, "Escape")
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    window.close()

    supervisor = make_window(SUPERVISOR)
    qtbot.waitUntil(lambda: supervisor.queues.queue("weight_flags") is not None, timeout=WAIT)
    press(qtbot, "Alt+W")
    qtbot.waitUntil(lambda: supervisor.model.rowCount() == 1, timeout=WAIT)
    open_record(qtbot, supervisor, built.rma_number)
    qtbot.waitUntil(supervisor.return_actions.clear_weight.isEnabled, timeout=WAIT)
    assert "possible item swap" in supervisor.detail.toPlainText()
    press(qtbot, "Ctrl+Shift+W")
    dialog_ = wait_dialog(qtbot, supervisor, ReasonDialog)
    assert isinstance(dialog_, ReasonDialog)
    qtbot.waitUntil(lambda: focused(qtbot) is dialog_.reason, timeout=WAIT)
    type_text(qtbot, "weighed the chair again with its cushions: right item")
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: "checked by jrivera" in supervisor.detail.toPlainText(),
                    timeout=WAIT)
    assert not supervisor.return_actions.clear_weight.isEnabled()


def test_a_supervisor_sends_a_scanned_unit_elsewhere_with_a_reason(
    qtbot: QtBot, store: Store, desk: Desk, make_window: MakeWindow
) -> None:
    built = graded_chair(store, desk)
    lpn = f"{built.tag_codes[0]}-U1"
    inspector = make_window(INSPECTOR)
    assert not inspector.return_actions.route_unit.isEnabled()
    inspector.close()
    window = make_window(SUPERVISOR)
    press(qtbot, "Ctrl+Shift+D")
    dialog = wait_dialog(qtbot, window, UnitRouteDialog)
    assert isinstance(dialog, UnitRouteDialog)
    qtbot.waitUntil(lambda: focused(qtbot) is dialog.unit, timeout=WAIT)
    scan(qtbot, lpn)  # the scanner's Enter moves on to the disposition
    assert focused(qtbot) is dialog.disposition
    dialog.disposition.setCurrentIndex(dialog.disposition.findData(Disposition.DONATE))
    press(qtbot, "Tab")
    type_text(qtbot, "a charity collects chairs this week")
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    row = desk.units.unit(SUPERVISOR, lpn).row
    assert (row.disposition, row.zone, row.route_rule) == (Disposition.DONATE, "DONATE", None)
