"""A red message is about what the form held when it was shown: in the inspection and the
sign-in dialogs, as in the receive and reason dialogs, it goes once the person changes what it
names, typed at the keyboard as on the floor."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import Answer, ReturnStatus
from livenon_desk.models import ReturnLine
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.views.checklist_row import ChecklistRow
from livenon_desk.views.inspection_dialog import InspectionDialog
from livenon_desk.views.sign_in_dialog import Mode, SignInDialog
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, add_return
from tests.images import write_png
from tests.views.conftest import INSPECTOR
from tests.views.keyboard import WAIT, focused, press, type_text
from tests.views.workbench import drop_files


def _inspection(qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
                ) -> InspectionDialog:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    with store.read_session() as s:
        line = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
    dialog = InspectionDialog(desk.inspections.open_sheet(INSPECTOR, line), desk.inspections,
                              runner, INSPECTOR, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused(qtbot).window() is dialog, timeout=WAIT)
    return dialog


def test_finishing_without_a_grade_says_so_until_one_is_chosen(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    dialog = _inspection(qtbot, store, desk, runner)
    for _ in dialog.rows:
        assert isinstance(focused(qtbot), ChecklistRow)
        press(qtbot, "Y")
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    assert dialog.grade.currentData() is None
    while focused(qtbot) is not dialog.grade:
        press(qtbot, "Tab")
    press(qtbot, "Down")
    assert dialog.grade.currentData() is not None
    assert dialog.error.text() == ""
    dialog.close()


def test_finishing_without_a_needed_photo_says_so_until_one_is_added(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, tmp_path: Path
) -> None:
    dialog = _inspection(qtbot, store, desk, runner)
    for row in dialog.rows:
        assert focused(qtbot) is row
        type_text(qtbot, "N" if row.question.item_id == "undamaged" else "Y")
    while focused(qtbot) is not dialog.grade:
        press(qtbot, "Tab")
    press(qtbot, "Down")
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    assert "photo" in dialog.error.text()
    drop_files(dialog.photos.viewport(), [write_png(tmp_path / "scratch.png", 800, 600)])
    qtbot.waitUntil(lambda: dialog.photos.count() == 1, timeout=WAIT)
    assert dialog.error.text() == ""
    dialog.close()


def test_a_refused_na_key_s_reason_goes_once_the_item_is_answered(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    dialog = _inspection(qtbot, store, desk, runner)
    unused = next(r for r in dialog.rows if r.question.item_id == "unused")
    unused.setFocus()
    qtbot.waitUntil(lambda: focused(qtbot) is unused, timeout=WAIT)
    press(qtbot, "A")
    assert "N/A is not an answer here" in unused.notice.text()
    assert not unused.notice.isHidden()
    type_text(qtbot, "N")
    assert unused.answer() is Answer.NO
    assert unused.notice.isHidden()
    dialog.close()


def test_a_finished_inspection_s_message_goes_when_a_checklist_answer_changes(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    dialog = _inspection(qtbot, store, desk, runner)
    first = focused(qtbot)
    assert isinstance(first, ChecklistRow)
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    first.setFocus()
    qtbot.waitUntil(lambda: focused(qtbot) is first, timeout=WAIT)
    type_text(qtbot, "Y")
    assert dialog.error.text() == ""
    dialog.close()


def test_a_wrong_password_s_message_goes_when_the_password_is_typed_again(
    qtbot: QtBot, desk: Desk, runner: TaskRunner
) -> None:
    dialog = SignInDialog(desk, runner, "en", Mode.SIGN_IN)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused(qtbot) is dialog.username, timeout=WAIT)
    type_text(qtbot, "nobody\tnot-the-password\n")
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    assert "wrong" in dialog.error.text()
    assert focused(qtbot) is dialog.password
    type_text(qtbot, "s")
    assert dialog.error.text() == ""


def test_an_empty_user_name_s_message_goes_when_a_name_is_typed(
    qtbot: QtBot, desk: Desk, runner: TaskRunner
) -> None:
    dialog = SignInDialog(desk, runner, "en", Mode.SIGN_IN)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused(qtbot) is dialog.username, timeout=WAIT)
    type_text(qtbot, "\tsome-password\n")
    qtbot.waitUntil(lambda: dialog.error.text() == "Type your user name.", timeout=WAIT)
    while focused(qtbot) is not dialog.username:
        press(qtbot, "Shift+Tab")
    type_text(qtbot, "i")
    assert dialog.error.text() == ""
