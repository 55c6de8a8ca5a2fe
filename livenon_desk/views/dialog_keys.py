"""Scanners end every code with Enter: in a form that takes scans, Enter must not submit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


class _NoDefaultOnShow(QObject):
    """A button box makes its OK button the default when shown; undo that then."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            _clear_defaults(watched)
        return False


def _clear_defaults(dialog: QDialog) -> None:
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def no_default_buttons(dialog: QDialog) -> None:
    """In a dialog every push button may answer Enter; here none does, ever."""
    _clear_defaults(dialog)
    keeper = _NoDefaultOnShow(dialog)
    dialog.installEventFilter(keeper)


def submit_with_ctrl_enter(dialog: QDialog, buttons: QDialogButtonBox,
                           submit: Callable[[], None]) -> None:
    """No button answers a bare Enter; Ctrl+Enter submits the form. Call it once every
    button of the dialog exists."""
    no_default_buttons(dialog)
    for keys in SUBMIT_KEYS:
        shortcut = QShortcut(QKeySequence(keys), dialog)
        shortcut.activated.connect(submit)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok is not None:
        ok.setToolTip("Ctrl+Enter")
