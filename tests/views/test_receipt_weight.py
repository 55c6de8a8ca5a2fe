"""A parcel's weight at receipt: F6 reads the station's scale (a pseudo-terminal speaking
MT-SICS, see tests/scale_pty.py) into the form's Weight field; without a scale the weight is
typed; a wrong one is refused with the reason; the weight is kept with the receipt and
shown in the return's detail."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from livenon_desk.models import ReturnRequest
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.store.database import Store
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.receive_dialog import ReceiveDialog
from tests.builders import Built, LineSpec, add_return
from tests.conftest import INSPECTOR
from tests.scale_pty import pty_scale
from tests.views.conftest import MakeWindow
from tests.views.keyboard import WAIT, focused, press, scan, type_text, wait_focus
from tests.views.workbench import open_receive


def _station(monkeypatch: pytest.MonkeyPatch, port: str = "", wait: int = 5) -> None:
    settings = DeskSettings(scale_port=port, scale_wait_seconds=wait)
    monkeypatch.setattr("livenon_desk.services.desk_settings.desk_settings", lambda: settings)


def _weight(store: Store, built: Built) -> int | None:
    with store.read_session() as s:
        return s.get_one(ReturnRequest, built.return_id).receipt_weight_grams


def _receive(qtbot: QtBot, window: MainWindow, dialog: ReceiveDialog, built: Built) -> None:
    """The carton's tag scanned into the scan field, then Ctrl+Enter."""
    dialog.carton_scan.setFocus()
    wait_focus(qtbot, dialog.carton_scan)
    scan(qtbot, built.tag_codes[0])
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)


def test_f6_reads_the_settled_weight_into_the_receipt(
    qtbot: QtBot, store: Store, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=1)])
    answers = [b"S D     23.52 kg\r\n", b"S S     23.50 kg\r\n"]
    with pty_scale(answers) as scale:
        _station(monkeypatch, scale.port)
        window = make_window(INSPECTOR)
        dialog = open_receive(qtbot, window, built.rma_number)
        assert dialog.read_scale.isEnabled()
        press(qtbot, "F6")  # from the scan field, where the form opens
        qtbot.waitUntil(lambda: dialog.weight.text() != "", timeout=WAIT)
    assert dialog.weight.text() == "23.5"
    assert dialog.weight_state.text() == {"en": "Read from the scale.",
                                          "zh": "已从秤读取。"}[language]
    assert scale.requests == [b"S\r\n", b"S\r\n"]  # asked again while it moved
    _receive(qtbot, window, dialog, built)
    assert _weight(store, built) == 23500
    shown = {"en": "weighed 23.5 kg", "zh": "称重 23.5 公斤"}[language]
    qtbot.waitUntil(lambda: shown in window.detail.toPlainText(), timeout=WAIT)


def test_a_scale_that_is_not_there_is_said_so_and_the_weight_is_typed(
    qtbot: QtBot, store: Store, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=1)])
    _station(monkeypatch, "/dev/ttyUSB-unplugged")
    window = make_window(INSPECTOR)
    dialog = open_receive(qtbot, window, built.rma_number)
    press(qtbot, "F6")
    qtbot.waitUntil(lambda: dialog.read_scale.isEnabled()
                    and "cannot be opened" in dialog.weight_state.text(), timeout=WAIT)
    assert "/dev/ttyUSB-unplugged" in dialog.weight_state.text()
    press(qtbot, "Alt+W")  # the Weight field
    assert focused(qtbot) is dialog.weight
    type_text(qtbot, "12,8")
    _receive(qtbot, window, dialog, built)
    assert _weight(store, built) == 12800


def test_without_a_scale_f6_says_to_type_and_a_wrong_weight_is_refused(
    qtbot: QtBot, store: Store, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=1)])
    _station(monkeypatch)
    window = make_window(INSPECTOR)
    dialog = open_receive(qtbot, window, built.rma_number)
    assert not dialog.read_scale.isEnabled()
    press(qtbot, "F6")
    assert dialog.weight_state.text() == "This station has no scale: type the weight."
    press(qtbot, "Alt+W")
    type_text(qtbot, "heavy")
    dialog.carton_scan.setFocus()
    wait_focus(qtbot, dialog.carton_scan)
    scan(qtbot, built.tag_codes[0])
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: "not a number of kilograms" in dialog.error.text(), timeout=WAIT)
    assert focused(qtbot) is dialog.weight and dialog.isVisible()
    assert _weight(store, built) is None
    dialog.weight.clear()  # not weighed: the receipt goes without a weight
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    assert _weight(store, built) is None
