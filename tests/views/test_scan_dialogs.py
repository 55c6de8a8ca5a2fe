"""A scanner ends each code with Enter; in forms that take scans, Enter must not submit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.views.receive_dialog import ReceiveDialog
from livenon_desk.views.task_runner import TaskRunner
from livenon_desk.views.unexpected_parcel_dialog import UnexpectedParcelDialog
from tests.builders import NOW, LineSpec, add_return


def test_scanning_cartons_into_the_receive_form_counts_them_and_submits_nothing(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=2)])
    dialog = ReceiveDialog(desk.returns.detail(built.return_id), runner, NOW, False)
    qtbot.addWidget(dialog)
    submitted: list[object] = []
    dialog.submitted.connect(submitted.append)
    dialog.open()
    for n in (1, 2):
        qtbot.keyClicks(dialog.carton_scan, built.tag_codes[0].lower())
        qtbot.keyClick(dialog.carton_scan, Qt.Key.Key_Return)
        assert f"{n}" in dialog.carton_feedback.text()
    qtbot.keyClicks(dialog.carton_scan, "TAG-OTHER")
    qtbot.keyClick(dialog.carton_scan, Qt.Key.Key_Return)
    assert "TAG-OTHER" in dialog.carton_feedback.text()
    assert submitted == []
    assert dialog.isVisible()
    assert [s.value() for s in dialog.carton_spins.values()] == [2]


def test_scanning_a_tracking_number_into_the_unexpected_parcel_form_submits_nothing(
    qtbot: QtBot,
) -> None:
    dialog = UnexpectedParcelDialog("", NOW)
    qtbot.addWidget(dialog)
    submitted: list[object] = []
    dialog.submitted.connect(submitted.append)
    dialog.open()
    qtbot.keyClicks(dialog.tracking, "1Z999AA10123456784")
    qtbot.keyClick(dialog.tracking, Qt.Key.Key_Return)
    assert submitted == [] and dialog.isVisible()
