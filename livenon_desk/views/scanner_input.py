"""A keyboard-wedge scanner's prefix and suffix, taken off its codes wherever the focus is.

A scanner types a code as keystrokes a few milliseconds apart, then Enter. Some are set up
(or come) with a prefix before each code (a control character, an AIM identifier such as
``]C1``) or a suffix other than Enter (Tab, a character): the desk's scan fields would take
those as part of the code, and a Tab would move the focus instead of submitting. Watching
the whole application's key presses, this filter:

- holds back the keys of the prefix as they come, and drops them once the whole prefix
  came within one burst (keys at most ``BURST_GAP_MS`` apart, by the events' own times);
  keys that turn out not to be the prefix are typed as they were, in order;
- holds back the keys of the suffix when they come as part of a burst, and turns the
  whole suffix into one Enter (an Enter the scanner sends after it is then dropped);
  a suffix typed slowly, by a person, is typed as it is.

Nothing waits on a clock: what is held is decided by the next key, so a person's keys
reach their widget as before, and the checks of it are deterministic. Keys are told
apart by the text they type, so a prefix a scanner sends as a control character (STX is
Ctrl+B on a keyboard wedge) is matched too, and a shortcut matches nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

# Scanners send a code's keys a few milliseconds apart; a person types 60 ms apart or more.
BURST_GAP_MS = 30
# A suffix counts only after this many keys of a burst: a person's Tab after one key is not
# a scan's end.
MIN_CODE_KEYS = 3
_ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


@dataclass(frozen=True)
class _Key:
    """A key press as it came, to type again if it was held for nothing."""

    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScannerInput(QObject):
    """Install on the QApplication: ``app.installEventFilter(ScannerInput(...))``."""

    def __init__(self, prefix: str = "", suffix: str = "",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.suffix = suffix
        self._held: list[_Key] = []
        self._holding = ""  # "prefix" or "suffix": what the held keys may be
        self._last_ms: int | None = None
        self._run = 0  # keys in the burst so far
        self._drop_enter = False
        self._typing = False  # sending keys of its own: not to be looked at again

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._typing or event.type() != QEvent.Type.KeyPress
                or not isinstance(event, QKeyEvent) or event.isAutoRepeat()
                or watched is not QApplication.focusWidget()):
            return False
        return self._key(watched, event)

    def _key(self, widget: QWidget, event: QKeyEvent) -> bool:
        """True: the key is held or dropped (the widget never sees it)."""
        at = event.timestamp()
        burst = self._last_ms is not None and 0 <= at - self._last_ms <= BURST_GAP_MS
        self._last_ms = at
        self._run = self._run + 1 if burst else 1
        key = _Key(event.key(), event.modifiers(), event.text())
        if self._drop_enter:
            self._drop_enter = False
            if burst and key.key in _ENTER:
                return True  # the scanner's own Enter after its suffix: one is enough
        if self._held and not burst:
            self._release(widget)  # a pause: what was held was typed by a person
        if self._held:
            return self._continue(widget, key)
        return self._start(key)

    def _start(self, key: _Key) -> bool:
        if self.prefix and key.text == self.prefix[0]:
            self._hold(key, "prefix")
            return self._settle_prefix()
        if self.suffix and key.text == self.suffix[0] and self._run > MIN_CODE_KEYS:
            self._hold(key, "suffix")
            return self._settle_suffix()
        return False

    def _continue(self, widget: QWidget, key: _Key) -> bool:
        expected = self.prefix if self._holding == "prefix" else self.suffix
        if len(self._held) < len(expected) and key.text == expected[len(self._held)]:
            self._held.append(key)
            return (self._settle_prefix() if self._holding == "prefix"
                    else self._settle_suffix())
        self._release(widget)
        return self._start(key)

    def _hold(self, key: _Key, what: str) -> None:
        self._held = [key]
        self._holding = what

    def _settle_prefix(self) -> bool:
        if len(self._held) == len(self.prefix):
            self._held = []  # the whole prefix: dropped
        return True

    def _settle_suffix(self) -> bool:
        if len(self._held) == len(self.suffix):
            self._held = []
            self._drop_enter = True
            widget = QApplication.focusWidget()
            if widget is not None:
                self._type(widget, [_Key(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier,
                                         "\r")])
        return True

    def _release(self, widget: QWidget) -> None:
        held, self._held = self._held, []
        self._type(widget, held)

    def _type(self, widget: QWidget, keys: list[_Key]) -> None:
        self._typing = True
        try:
            for key in keys:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(widget, QKeyEvent(kind, key.key, key.modifiers,
                                                             key.text))
        finally:
            self._typing = False


def install_scanner_input(app: QApplication, prefix: str, suffix: str) -> ScannerInput | None:
    """The filter for the station's scanner ([scanner] in the settings); None when its codes
    need nothing taken off."""
    if not prefix and not suffix:
        return None
    scanner = ScannerInput(prefix, suffix, parent=app)
    app.installEventFilter(scanner)
    log.info("scanner prefix %r and suffix %r are taken off its codes", prefix, suffix)
    return scanner
