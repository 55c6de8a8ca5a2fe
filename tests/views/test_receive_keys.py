"""The receive form's "Returned Goods" choice (T3) is reached from the keyboard, as every
other field of the form is: a cross-border parcel cannot be recorded without it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.views.receive_dialog import ReceiveDialog
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, add_return
from tests.views.keyboard import focused, press, wait_focus


def test_the_returned_goods_choice_has_its_own_key(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, cross_border=True)
    dialog = ReceiveDialog(desk.returns.detail(built.return_id), runner, NOW, False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    wait_focus(qtbot, dialog.carton_scan)
    press(qtbot, "Alt+B")
    combo = focused(qtbot)
    assert combo is dialog.returned_goods
    assert isinstance(combo, QComboBox)
    before = combo.currentIndex()
    press(qtbot, "Down")
    assert combo.currentIndex() != before
