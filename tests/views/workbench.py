"""Driving the workbench as an inspector does: scans, keys, dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from livenon_desk.views.application_dialog import ApplicationDialog
from livenon_desk.views.inspection_dialog import InspectionDialog
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.receive_dialog import ReceiveDialog
from tests.views import keyboard
from tests.views.keyboard import WAIT


def scan(qtbot: QtBot, window: MainWindow, code: str) -> None:
    """What a USB scanner does: the code's characters, then Enter."""
    window.search.setFocus()
    window.search.clear()
    qtbot.keyClicks(window.search, code)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)


def open_record(qtbot: QtBot, window: MainWindow, code: str) -> None:
    scan(qtbot, window, code)
    qtbot.waitUntil(lambda: window.detail.detail is not None
                    and code in (window.detail.detail.rma_number,
                                 *[ln.tag_code for ln in window.detail.detail.lines]), timeout=WAIT)


def open_application(qtbot: QtBot, window: MainWindow, count: int = 1) -> ApplicationDialog:
    """Alt+8 to the email applications (``count`` of them listed), Enter on the first, and
    its detail loaded."""
    keyboard.press(qtbot, "Alt+8")
    qtbot.waitUntil(lambda: window.applications.model.rowCount() == count,
                    timeout=keyboard.WAIT)
    keyboard.press(qtbot, "Return")
    qtbot.waitUntil(lambda: window.applications.dialog is not None
                    and window.applications.dialog.detail is not None, timeout=keyboard.WAIT)
    dialog = window.applications.dialog
    assert dialog is not None
    return dialog


def wait_dialog(qtbot: QtBot, window: MainWindow, kind: type[QDialog]) -> QDialog:
    qtbot.waitUntil(lambda: isinstance(window.return_actions.dialog, kind), timeout=20_000)
    dialog = window.return_actions.dialog
    assert isinstance(dialog, kind)
    return dialog


def open_receive(qtbot: QtBot, window: MainWindow, rma: str) -> ReceiveDialog:
    """The return scanned into the focused search box, Ctrl+R, and the receive form waiting
    for the first carton's tag."""
    keyboard.scan(qtbot, rma)
    qtbot.waitUntil(window.return_actions.receive.isEnabled, timeout=keyboard.WAIT)
    keyboard.press(qtbot, "Ctrl+R")
    dialog = wait_dialog(qtbot, window, ReceiveDialog)
    assert isinstance(dialog, ReceiveDialog)
    keyboard.wait_focus(qtbot, dialog.carton_scan)
    return dialog


def confirm_grade(dialog: InspectionDialog) -> None:
    """Choose the grade the answers propose, as an inspector confirms it (issue 17)."""
    proposal = dialog.preview().proposal
    assert proposal is not None
    dialog.grade.setCurrentIndex(dialog.grade.findData(proposal.grade))


def inspection_dialog(qtbot: QtBot, window: MainWindow) -> InspectionDialog:
    dialog = wait_dialog(qtbot, window, InspectionDialog)
    assert isinstance(dialog, InspectionDialog)
    return dialog


def drop_files(widget_viewport: object, files: list[Path]) -> None:
    """A drag from the file manager, released over the photo strip."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    assert QApplication.sendEvent(widget_viewport, enter)  # type: ignore[arg-type]
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    assert QApplication.sendEvent(widget_viewport, drop)  # type: ignore[arg-type]
