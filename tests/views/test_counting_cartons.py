"""Receiving counts cartons from zero: a carton is in when its tag is scanned, or when a
person types the count and says why. Everything is typed into the focused widget."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.models import AuditEvent, ReturnLine, ReturnRequest
from livenon_desk.store.database import Store
from livenon_desk.views.reason_dialog import ReasonDialog
from tests.builders import Built, LineSpec, add_return
from tests.views.conftest import INSPECTOR, SUPERVISOR, MakeWindow
from tests.views.keyboard import WAIT, focused, press, scan, type_text, wait_focus
from tests.views.workbench import open_receive, wait_dialog


def _received(store: Store, built: Built) -> tuple[ReturnStatus, list[int]]:
    with store.read_session() as s:
        ret = s.get_one(ReturnRequest, built.return_id)
        cartons = [ln.cartons_received for ln in
                   s.query(ReturnLine).filter_by(return_id=built.return_id)]
        return ret.status, cartons


def _by_hand_events(store: Store) -> list[AuditEvent]:
    with store.read_session() as s:
        return s.query(AuditEvent).filter_by(action="cartons_counted_by_hand").all()


def test_the_receive_form_opens_with_no_carton_counted_and_one_scan_counts_one(
    qtbot: QtBot, store: Store, make_window: MakeWindow
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=3)])
    window = make_window(INSPECTOR)
    dialog = open_receive(qtbot, window, built.rma_number)
    [spin] = dialog.carton_spins.values()
    assert spin.value() == 0
    scan(qtbot, built.tag_codes[0])
    assert "1" in dialog.carton_feedback.text() and "3" in dialog.carton_feedback.text()
    assert spin.value() == 1
    assert dialog.isVisible()  # the scanner's Enter submitted nothing
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    assert _received(store, built) == (ReturnStatus.PARTIALLY_RECEIVED, [1])
    assert _by_hand_events(store) == []


def test_every_carton_scanned_receives_the_return_with_no_question(
    qtbot: QtBot, store: Store, make_window: MakeWindow
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=2)])
    window = make_window(INSPECTOR)
    dialog = open_receive(qtbot, window, built.rma_number)
    for _ in range(2):
        scan(qtbot, built.tag_codes[0].lower())
    scan(qtbot, built.tag_codes[0])
    assert "All cartons" in dialog.carton_feedback.text()
    assert not dialog.by_hand_reason.isVisible()
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    assert _received(store, built) == (ReturnStatus.RECEIVED, [2])


def test_a_count_typed_beyond_the_scans_needs_a_reason_a_confirmation_and_is_audited(
    qtbot: QtBot, store: Store, make_window: MakeWindow
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=3)])
    window = make_window(INSPECTOR)
    dialog = open_receive(qtbot, window, built.rma_number)
    scan(qtbot, built.tag_codes[0])
    [spin] = dialog.carton_spins.values()
    spin.setFocus()  # a click into the count
    wait_focus(qtbot, spin)
    press(qtbot, "Ctrl+A")
    type_text(qtbot, "3")
    assert spin.value() == 3
    assert dialog.by_hand_reason.isVisible()

    press(qtbot, "Ctrl+Return")  # no reason yet: it asks for one
    assert dialog.isVisible() and built.tag_codes[0] in dialog.error.text()
    assert focused(qtbot) is dialog.by_hand_reason
    type_text(qtbot, "tags torn off")
    press(qtbot, "Ctrl+Return")  # a reason: it asks to confirm
    assert dialog.isVisible() and "Ctrl+Enter" in dialog.error.text()
    assert _received(store, built)[0] is ReturnStatus.IN_TRANSIT
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    assert _received(store, built) == (ReturnStatus.RECEIVED, [3])
    [event] = _by_hand_events(store)
    assert event.after == {built.tag_codes[0]: {"scanned": 1, "counted": 3}}
    assert event.detail == "tags torn off" and event.actor == INSPECTOR.username


def test_changing_a_count_after_the_question_asks_again(
    qtbot: QtBot, store: Store, make_window: MakeWindow
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=3)])
    window = make_window(INSPECTOR)
    dialog = open_receive(qtbot, window, built.rma_number)
    [spin] = dialog.carton_spins.values()
    spin.setFocus()
    wait_focus(qtbot, spin)
    press(qtbot, "Ctrl+A")
    type_text(qtbot, "2")
    dialog.by_hand_reason.setFocus()
    wait_focus(qtbot, dialog.by_hand_reason)
    type_text(qtbot, "label under the strap")
    press(qtbot, "Ctrl+Return")
    assert "Ctrl+Enter" in dialog.error.text()
    spin.setFocus()
    wait_focus(qtbot, spin)
    press(qtbot, "Ctrl+A")
    type_text(qtbot, "3")
    assert dialog.error.text() == ""
    press(qtbot, "Ctrl+Return")
    assert dialog.isVisible() and "Ctrl+Enter" in dialog.error.text()
    assert _received(store, built)[0] is ReturnStatus.IN_TRANSIT


def test_a_supervisor_closes_a_receipt_short_from_the_keyboard_and_is_told_so(
    qtbot: QtBot, store: Store, make_window: MakeWindow
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=3)])
    dialog = open_receive(qtbot, make_window(INSPECTOR), built.rma_number)
    scan(qtbot, built.tag_codes[0])
    press(qtbot, "Ctrl+Return")
    # The worker writes the receipt before the window hears of it and closes the form.
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert _received(store, built)[0] is ReturnStatus.PARTIALLY_RECEIVED

    window = make_window(SUPERVISOR)
    scan(qtbot, built.rma_number)
    qtbot.waitUntil(window.return_actions.close_short.isEnabled, timeout=WAIT)
    press(qtbot, "Ctrl+Shift+K")
    reason = wait_dialog(qtbot, window, ReasonDialog)
    assert isinstance(reason, ReasonDialog)
    wait_focus(qtbot, reason.reason)
    type_text(qtbot, "Carrier confirmed two boxes lost in transit")
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: _received(store, built)[0] is ReturnStatus.RECEIVED, timeout=WAIT)
    qtbot.waitUntil(lambda: window.message.text() == f"{built.rma_number} is closed short.",
                    timeout=WAIT)
    with store.read_session() as s:
        ret = s.get_one(ReturnRequest, built.return_id)
        assert ret.short_closed_reason == "Carrier confirmed two boxes lost in transit"
        assert ret.short_closed_by == SUPERVISOR.username


def test_a_cartons_licence_plate_counts_it_once_and_opens_its_return(
    qtbot: QtBot, store: Store, make_window: MakeWindow
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=3)])
    window = make_window(INSPECTOR)
    # The LPN on a carton's tag finds the return, as its tag code does.
    dialog = open_receive(qtbot, window, f"{built.tag_codes[0]}-U2")
    [spin] = dialog.carton_spins.values()
    scan(qtbot, f"{built.tag_codes[0]}-U2")
    scan(qtbot, f"{built.tag_codes[0]}-u2")
    assert "counted already" in dialog.carton_feedback.text()
    assert spin.value() == 1
    scan(qtbot, f"{built.tag_codes[0]}-U3")
    assert spin.value() == 2
