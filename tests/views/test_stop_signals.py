"""SIGTERM (a session ending, a shutdown) quits the desk as closing its window does."""

from __future__ import annotations

import os
import signal

import pytest
from pytestqt.qtbot import QtBot

from livenon_desk.views.stop_signals import QuitOnStopSignals
from tests.views.keyboard import WAIT


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_quits_through_the_event_loop(qtbot: QtBot,
                                                    number: signal.Signals) -> None:
    quits: list[bool] = []
    before = signal.getsignal(number)
    stopper = QuitOnStopSignals(lambda: quits.append(True))
    try:
        os.kill(os.getpid(), number)
        qtbot.waitUntil(lambda: quits == [True], timeout=WAIT)
    finally:
        stopper.restore()
    assert signal.getsignal(number) is before
