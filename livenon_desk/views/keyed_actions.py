"""Menu actions with their keys: made one way, and their tooltips always name the keys."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Keys = str | QKeySequence | QKeySequence.StandardKey


def keyed_action(parent: QWidget, text: str, keys: Keys | Sequence[Keys],
                 slot: Callable[[], object], status_tip: str = "") -> QAction:
    """An action that works anywhere in ``parent``'s window, shown with its keys."""
    act = QAction(text, parent)
    keys_list = [keys] if isinstance(keys, str | QKeySequence | QKeySequence.StandardKey) \
        else list(keys)
    act.setShortcuts([QKeySequence(k) for k in keys_list])
    if status_tip:
        act.setStatusTip(status_tip)
    act.triggered.connect(slot)
    parent.addAction(act)
    act.setToolTip(keyed_tip(act))
    return act


def keys_text(act: QAction) -> str:
    """The action's keys as the menus show them, for hints that name them."""
    return act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def keyed_tip(act: QAction, extra: str = "") -> str:
    """ "Receive parcel… (Ctrl+R)", and what else is worth knowing after a dash."""
    keys = keys_text(act)
    tip = f"{act.text().replace('&', '')} ({keys})"
    return f"{tip} — {extra}" if extra else tip
