"""The keys of an action that does not apply say why, instead of doing nothing: Ctrl+P on
a restricted return names the restriction."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QWidget


class WhyNot(QObject):
    """For each watched action, shortcuts on its keys that are live only while the action
    is disabled and ``reason`` has something to say; they hand the reason to ``say``."""

    def __init__(self, window: QWidget, say: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window = window
        self._say = say
        self._watched: list[tuple[QAction, list[QShortcut], Callable[[], str | None]]] = []

    def watch(self, act: QAction, reason: Callable[[], str | None]) -> None:
        shortcuts = []
        for keys in act.shortcuts():
            shortcut = QShortcut(keys, self._window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setEnabled(False)
            shortcut.activated.connect(lambda r=reason: self._explain(r))
            shortcuts.append(shortcut)
        self._watched.append((act, shortcuts, reason))
        act.changed.connect(self.update)

    def update(self) -> None:
        for act, shortcuts, reason in self._watched:
            live = not act.isEnabled() and reason() is not None
            for shortcut in shortcuts:
                shortcut.setEnabled(live)

    def _explain(self, reason: Callable[[], str | None]) -> None:
        text = reason()
        if text:
            self._say(text)
