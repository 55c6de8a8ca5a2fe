"""Typing as a scanner and a person do: into whatever widget has the focus.

Tests that call a widget's methods, or send keys to a widget they pick, miss what the
floor meets: a dialog that never took the focus, a line edit that swallows a shortcut, a
list that eats the digit meant for the window. These helpers send real key events to
``QApplication.focusWidget()``, looked up again before every key, so the focus moves as it
would under a person's hands.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

# Background work (a lookup, a save) answers well within this even on a loaded machine;
# the wait ends as soon as it does.
WAIT = 20_000

_NAMED = {"\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}


def focused(qtbot: QtBot) -> QWidget:
    """The widget a keystroke would reach now (waiting for a window to take the focus)."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def wait_focus(qtbot: QtBot, widget: QWidget) -> None:
    """Until ``widget`` (in its window, made active) has the keyboard focus."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=WAIT)


def back_to(qtbot: QtBot, window: QWidget) -> None:
    """A dialog closed: the window manager gives the window under it the focus again (the
    offscreen platform leaves no window active; a desk's window manager does not)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)


def type_text(qtbot: QtBot, text: str) -> None:
    """Each character as its own key press to the focused widget."""
    for char in text:
        if char in _NAMED:
            qtbot.keyClick(focused(qtbot), _NAMED[char])
        else:
            qtbot.keyClicks(focused(qtbot), char)


def press(qtbot: QtBot, keys: str) -> None:
    """A key or a chord as written in menus and the README: "Ctrl+R", "Return", "Esc", "3"."""
    sequence = QKeySequence(keys)
    assert sequence.count() == 1 and not sequence.isEmpty(), keys
    combination = sequence[0]  # type: ignore[index]  # the stubs lack __getitem__
    qtbot.keyClick(focused(qtbot), combination.key(), combination.keyboardModifiers())


def scan(qtbot: QtBot, code: str) -> None:
    """A keyboard-wedge scanner: the code's keystrokes, then Enter, wherever the focus is."""
    type_text(qtbot, code)
    press(qtbot, "Return")
