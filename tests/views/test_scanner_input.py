"""A keyboard-wedge scanner's codes as bursts of key presses a few milliseconds apart
(each event carries its own time, as the window system stamps it), sent to whatever
widget has the focus: the search box, the receive form's scan field. Each burst is read as
one scan, with the scanner's prefix and suffix taken off; a person's slow keys are typed
as they are."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from livenon_desk.paths import RESOURCES_DIR
from livenon_desk.services.desk_settings import FILE_NAME, load_settings
from livenon_desk.store.database import Store
from livenon_desk.views.scanner_input import ScannerInput, install_scanner_input
from tests.builders import LineSpec, add_return
from tests.conftest import INSPECTOR
from tests.views.conftest import MakeWindow
from tests.views.keyboard import WAIT, focused, wait_focus
from tests.views.workbench import open_receive

STX = "\x02"  # a scanner's prefix, typed by a keyboard wedge as Ctrl+B
_KEYS = {"\r": (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
         "\t": (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
         STX: (Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)}


class Clock:
    """The window system's time stamps, in milliseconds."""

    def __init__(self) -> None:
        self.ms = 1_000_000


def keys(qtbot: QtBot, clock: Clock, text: str, gap_ms: int) -> None:
    """Each character of ``text`` pressed and released ``gap_ms`` after the one before,
    into the widget that has the focus at that moment."""
    for char in text:
        key, modifiers = _KEYS.get(char, (Qt.Key(ord(char.upper())),
                                          Qt.KeyboardModifier.NoModifier))
        clock.ms += gap_ms
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, modifiers, char)
            event.setTimestamp(clock.ms)
            QApplication.sendEvent(focused(qtbot), event)


@pytest.fixture
def scanner(qapp: QApplication) -> Iterator[ScannerInput]:
    scanner = ScannerInput()
    qapp.installEventFilter(scanner)
    yield scanner
    qapp.removeEventFilter(scanner)
    scanner.deleteLater()


def test_a_burst_with_an_aim_prefix_opens_the_record_from_the_search_box(
    qtbot: QtBot, store: Store, make_window: MakeWindow, scanner: ScannerInput,
) -> None:
    scanner.prefix = "]C1"  # the AIM identifier of Code 128, sent before each code
    built = add_return(store)
    window = make_window(INSPECTOR)
    window.search.setFocus()
    wait_focus(qtbot, window.search)
    keys(qtbot, Clock(), f"]C1{built.rma_number}\r", gap_ms=4)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=WAIT)
    assert window.detail.detail is not None
    assert window.detail.detail.rma_number == built.rma_number
    assert window.search.text() == built.rma_number


def test_a_burst_ending_in_tab_is_one_scan_in_the_receive_forms_scan_field(
    qtbot: QtBot, store: Store, make_window: MakeWindow, scanner: ScannerInput,
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=2)])
    window = make_window(INSPECTOR)
    dialog = open_receive(qtbot, window, built.rma_number)
    scanner.prefix, scanner.suffix = STX, "\t"
    scans: list[bool] = []
    dialog.carton_scan.returnPressed.connect(lambda: scans.append(True))
    tag = built.tag_codes[0]
    clock = Clock()
    keys(qtbot, clock, f"{STX}{tag}\t", gap_ms=6)
    assert len(scans) == 1  # one scan, and the code alone: the form knows the tag
    assert dialog.carton_feedback.text() == f"{tag}: carton 1 of 2"
    assert focused(qtbot) is dialog.carton_scan  # the Tab did not move on
    [spin] = dialog.carton_spins.values()
    assert spin.value() == 1
    # A scanner that sends Enter after its suffix: still one scan.
    clock.ms += 800
    keys(qtbot, clock, f"{STX}{tag}\t\r", gap_ms=6)
    assert len(scans) == 2
    assert dialog.carton_feedback.text() == f"{tag}: carton 2 of 2"
    assert spin.value() == 2


def test_a_persons_slow_keys_are_typed_as_they_are(
    qtbot: QtBot, store: Store, make_window: MakeWindow, scanner: ScannerInput,
) -> None:
    scanner.prefix, scanner.suffix = "]C1", "\t"
    add_return(store)
    window = make_window(INSPECTOR)
    window.search.setFocus()
    wait_focus(qtbot, window.search)
    clock = Clock()
    keys(qtbot, clock, "]c", gap_ms=150)  # the prefix's first key, then a pause
    assert window.search.text() == "]c"
    keys(qtbot, clock, "]", gap_ms=150)
    keys(qtbot, clock, "x", gap_ms=3)  # a burst that is not the prefix: typed as it came
    assert window.search.text() == "]c]x"
    keys(qtbot, clock, "\t", gap_ms=3)  # a Tab after a few keys, not a scan's end
    assert focused(qtbot) is not window.search


def test_nothing_is_installed_for_a_scanner_that_sends_its_code_and_enter(
    qapp: QApplication,
) -> None:
    assert install_scanner_input(qapp, "", "") is None
    scanner = install_scanner_input(qapp, STX, "")
    assert scanner is not None and scanner.prefix == STX
    qapp.removeEventFilter(scanner)
    scanner.deleteLater()


def test_a_scanners_suffix_is_kept_as_it_is_written(tmp_path: Path) -> None:
    default = RESOURCES_DIR / FILE_NAME
    user = tmp_path / FILE_NAME
    user.write_text('[scanner]\nprefix = "\\u0002"\nsuffix = "\\t"\n', encoding="utf-8")
    settings = load_settings((default, user))
    assert (settings.scanner_prefix, settings.scanner_suffix) == ("\x02", "\t")
