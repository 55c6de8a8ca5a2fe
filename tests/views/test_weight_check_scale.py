"""The weight check reads the station's scale: in put-away, F6 weighs the unit on screen on
the scale (a pseudo-terminal speaking MT-SICS, see tests/scale_pty.py) by a worker, as the
receive form reads it, and a typed weight still works; a parcel of one carton weighed at
receipt is that unit's weighing, said at once when it is far from the catalogue's; a
parcel of several cartons is not checked, and its detail says so."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from livenon_desk.domain.enums import ReasonCode
from livenon_desk.models import OrderLine, ReturnLine, WeightCheck
from livenon_desk.services.desk import Desk
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.store.database import Store
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.put_away_dialog import PutAwayDialog
from tests.builders import Built, LineSpec, add_return
from tests.scale_pty import pty_scale
from tests.views.conftest import INSPECTOR, MakeWindow
from tests.views.floor import graded_chair
from tests.views.keyboard import WAIT, focused, press, scan, type_text, wait_focus
from tests.views.workbench import open_receive, open_record, wait_dialog


def _station(monkeypatch: pytest.MonkeyPatch, port: str = "") -> None:
    settings = DeskSettings(scale_port=port, scale_wait_seconds=5)
    monkeypatch.setattr("livenon_desk.services.desk_settings.desk_settings", lambda: settings)


def _chair(store: Store, cartons: int = 1) -> Built:
    """A chair of 9 kg (the catalogue's weight of a piece) in ``cartons`` cartons."""
    built = add_return(store, reason=ReasonCode.CHANGED_MIND,
                       lines=[LineSpec(cartons=cartons)])
    _catalogue_weight(store, built)
    return built


def _catalogue_weight(store: Store, built: Built) -> None:
    with store.session() as s:
        line = s.scalars(select(ReturnLine).where(ReturnLine.return_id == built.return_id)).one()
        s.get_one(OrderLine, line.order_line_id).piece_weight_g = 9_000


def _graded(store: Store, desk: Desk) -> Built:
    """The chair received (not weighed), graded and to put away, its catalogue 9 kg."""
    built = graded_chair(store, desk)
    _catalogue_weight(store, built)
    return built


def _put_away(qtbot: QtBot, window: MainWindow) -> PutAwayDialog:
    press(qtbot, "Ctrl+B")
    dialog = wait_dialog(qtbot, window, PutAwayDialog)
    assert isinstance(dialog, PutAwayDialog)
    qtbot.waitUntil(lambda: focused(qtbot) is dialog.scan, timeout=WAIT)
    return dialog


def _weighings(store: Store) -> list[tuple[int, bool]]:
    with store.read_session() as s:
        return [(w.weighed_g, w.flagged) for w in
                s.scalars(select(WeightCheck).order_by(WeightCheck.id))]


def test_f6_weighs_the_unit_on_screen_and_typing_still_works(
    qtbot: QtBot, store: Store, desk: Desk, make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch, language: str,
) -> None:
    built = _graded(store, desk)
    answers = [b"S D     30.12 kg\r\n", b"S S     31.00 kg\r\n"]
    with pty_scale(answers) as scale:
        _station(monkeypatch, scale.port)
        window = make_window(INSPECTOR)
        open_record(qtbot, window, built.rma_number)
        qtbot.waitUntil(lambda: (q := window.queues.queue("weight_flags")) is not None
                        and q.count == 0, timeout=WAIT)
        dialog = _put_away(qtbot, window)
        assert dialog.scale.button.isEnabled()
        press(qtbot, "F6")  # no unit yet: nothing to weigh, the scale is not asked
        assert dialog.feedback.text() == {
            "en": "Scan a unit's tag first: F6 then weighs that unit.",
            "zh": "请先扫描货品标签：然后按 F6 称该货品。"}[language]
        assert scale.requests == [] and dialog.scale.button.isEnabled()
        scan(qtbot, f"{built.tag_codes[0]}-U1")
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
        press(qtbot, "F6")  # from the scan field, which keeps the focus
        swap = {"en": "Possible item swap", "zh": "可能被调包"}[language]
        qtbot.waitUntil(lambda: swap in dialog.feedback.text(), timeout=WAIT)
        assert dialog.scale.state.text() == {"en": "Read from the scale.",
                                             "zh": "已从秤读取。"}[language]
    assert focused(qtbot) is dialog.scan and dialog.plan is not None
    assert _weighings(store) == [(31_000, True)]
    # The record and the "weights to check" list behind the dialog follow at once.
    qtbot.waitUntil(lambda: len(window.detail.detail.units[0].weight_checks) == 1
                    if window.detail.detail else False, timeout=WAIT)
    qtbot.waitUntil(lambda: (q := window.queues.queue("weight_flags")) is not None
                    and q.count == 1, timeout=WAIT)
    scan(qtbot, "9,2")  # typed (or a scale that types): still the unit's weight
    qtbot.waitUntil(lambda: len(_weighings(store)) == 2, timeout=WAIT)
    assert _weighings(store)[1] == (9_200, False)


def test_without_a_scale_f6_in_put_away_says_to_type(
    qtbot: QtBot, store: Store, desk: Desk, make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = _graded(store, desk)
    _station(monkeypatch)
    window = make_window(INSPECTOR)
    dialog = _put_away(qtbot, window)
    assert not dialog.scale.button.isEnabled()
    scan(qtbot, f"{built.tag_codes[0]}-U1")
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
    press(qtbot, "F6")
    assert dialog.scale.state.text() == "This station has no scale: type the weight."
    assert _weighings(store) == []


def _receive_weighed(qtbot: QtBot, window: MainWindow, built: Built, cartons: int,
                     kilograms: str) -> None:
    """Received in one parcel of ``kilograms``, each of its ``cartons`` scanned."""
    dialog = open_receive(qtbot, window, built.rma_number)
    press(qtbot, "Alt+W")
    assert focused(qtbot) is dialog.weight
    type_text(qtbot, kilograms)
    dialog.carton_scan.setFocus()
    wait_focus(qtbot, dialog.carton_scan)
    for carton in range(1, cartons + 1):
        scan(qtbot, f"{built.tag_codes[0]}-U{carton}")
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)


def test_a_parcel_of_one_carton_far_off_is_said_at_receipt_and_listed(
    qtbot: QtBot, store: Store, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = _chair(store)
    _station(monkeypatch)
    window = make_window(INSPECTOR)
    _receive_weighed(qtbot, window, built, 1, "23,4")
    qtbot.waitUntil(lambda: "possible item swap" in window.message.text(), timeout=WAIT)
    assert f"{built.tag_codes[0]}-U1 weighs 23.4 kg" in window.message.text()
    assert _weighings(store) == [(23_400, True)]
    open_record(qtbot, window, built.rma_number)
    qtbot.waitUntil(lambda: "possible item swap" in window.detail.toPlainText(), timeout=WAIT)


def test_a_parcel_of_several_cartons_is_not_checked_and_the_detail_says_so(
    qtbot: QtBot, store: Store, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = _chair(store, cartons=2)
    _station(monkeypatch)
    window = make_window(INSPECTOR)
    _receive_weighed(qtbot, window, built, 2, "23,4")
    assert _weighings(store) == []
    open_record(qtbot, window, built.rma_number)
    qtbot.waitUntil(lambda: "2 cartons together: not checked against the catalogue"
                    in window.detail.toPlainText(), timeout=WAIT)
