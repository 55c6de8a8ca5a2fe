"""Starting the desk (views/app.py): the sign-in comes first and a cancelled one quits; a
right password opens the main window; a bug in a slot is logged with its traceback, shown
as "something went wrong" with the log's path, and the desk goes on."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from livenon_desk.logging_setup import log_path
from livenon_desk.services.desk import Desk
from livenon_desk.views import app as desk_app
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.sign_in_dialog import SignInDialog
from tests.views.test_session import users

__all__ = ["users"]  # mchen / inspector-pass, among others


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The hook's message boxes, as (title, text), instead of modal boxes on screen."""
    boxes: list[tuple[str, str]] = []

    def critical(_parent: QWidget | None, title: str, text: str) -> None:
        boxes.append((title, text))

    monkeypatch.setattr(QMessageBox, "critical", critical)
    # The hook installed by a test goes when the test ends.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return boxes


class _Emitter(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture
@pytest.mark.usefixtures("qapp")
def test_a_bug_in_a_slot_is_logged_shown_and_the_desk_goes_on(
        shown: list[tuple[str, str]], caplog: pytest.LogCaptureFixture) -> None:
    desk_app._install_excepthook()
    emitter = _Emitter()
    after: list[str] = []

    def broken() -> None:
        raise RuntimeError("a bug in a slot")

    emitter.fired.connect(broken)
    emitter.fired.connect(lambda: after.append("still running"))
    with caplog.at_level(logging.CRITICAL, logger="livenon_desk.views.app"):
        emitter.fired.emit()

    [record] = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError
    assert "a bug in a slot" in caplog.text  # the traceback is in the log
    assert shown == [("Livenon Desk",
                      f"Something went wrong; details are in the log: {log_path()}")]
    assert after == ["still running"]


def _visible(kind: type[QWidget]) -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, kind) and w.isVisible()), None)


def _when(ready: Callable[[], QWidget | None], then: Callable[[QWidget], None]) -> QTimer:
    """Calls ``then`` with the widget once ``ready`` finds it, from inside the event loop
    that run_desk runs."""
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        widget = ready()
        if widget is not None:
            timer.stop()
            then(widget)

    timer.timeout.connect(poll)
    timer.start()
    return timer


@pytest.fixture
def started(qapp: QApplication) -> Iterator[None]:
    """The main window run_desk opened is taken down after the test: its timers would go on
    asking for work. (Its idle task runner, sync controller and window keeper stay.)

    The last window closing would post a second quit that outlives run_desk's event loop
    and ends the next test's waits at once: the tests quit only as the desk itself does.
    """
    quit_on_last_window = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.close()
            window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.setQuitOnLastWindowClosed(quit_on_last_window)
    gc.unfreeze()  # what the desk froze at its start is the session's again


@pytest.mark.usefixtures("shown", "started", "users")
def test_the_desk_starts_on_the_sign_in_and_quits_when_it_is_cancelled(desk: Desk) -> None:
    titles: list[str] = []

    def cancel(dialog: QWidget) -> None:
        titles.append(dialog.windowTitle())
        assert isinstance(dialog, SignInDialog)
        dialog.reject()

    poll = _when(lambda: _visible(SignInDialog), cancel)
    code = desk_app.run_desk(desk, database_label="desk.sqlite3", language="en")
    poll.stop()

    assert code == 0
    assert titles and titles[0]
    assert _visible(MainWindow) is None
    assert sys.excepthook is not sys.__excepthook__  # bugs are the desk's to report


@pytest.mark.usefixtures("shown", "started", "users")
def test_the_right_password_opens_the_main_window_for_that_user(desk: Desk) -> None:
    opened: list[tuple[str, str]] = []
    frozen: list[int] = []
    switch: list[float] = []

    def sign_in(dialog: QWidget) -> None:
        assert isinstance(dialog, SignInDialog)
        dialog.username.setText("mchen")
        dialog.password.setText("inspector-pass")
        dialog.submit()

    def quit_from(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        opened.append((window.actor.username, window.windowTitle()))
        # Start-up's objects are out of the collector's full passes (a sync's stalls).
        frozen.append(gc.get_freeze_count())
        # A worker hands the interpreter's lock to the window's thread every 2 ms.
        switch.append(sys.getswitchinterval())
        window.close()
        QApplication.quit()

    polls = [_when(lambda: _visible(SignInDialog), sign_in),
             _when(lambda: _visible(MainWindow), quit_from)]
    code = desk_app.run_desk(desk, database_label="desk.sqlite3", language="en")
    for poll in polls:
        poll.stop()

    assert code == 0
    assert opened == [("mchen", "Livenon Desk")]
    assert frozen and frozen[0] > 1000
    assert switch == [desk_app.SWITCH_INTERVAL_S] and switch[0] < 0.005
