"""The desk quits on SIGTERM and SIGINT as it does when its window is closed.

A session that ends, a shutdown or IT's `kill` sends SIGTERM. Python runs its own signal
handlers only between bytecodes, which Qt's event loop does not run while it waits; so the
signal's number is written to a socket (``signal.set_wakeup_fd``) that the loop watches,
and the desk quits from there: the sync worker stops, running tasks finish, the database is
closed, and the exit status is 0.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _noted(_number: int, _frame: FrameType | None) -> None:
    """The handler Python runs: the wake-up socket already carries the signal."""


class QuitOnStopSignals(QObject):
    """While it lives (until ``restore``), a stop signal calls ``quit`` on the main thread."""

    def __init__(self, quit_: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit = quit_
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {number: signal.signal(number, _noted) for number in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._woken)
        log.info("the desk quits cleanly on SIGTERM or SIGINT")

    def _woken(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except BlockingIOError:
            return
        stops = [n for n in numbers if n in STOP_SIGNALS]
        if stops:
            log.info("quitting on %s", signal.Signals(stops[0]).name)
            self._quit()

    def restore(self) -> None:
        """The handlers from before; the socket closed."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
