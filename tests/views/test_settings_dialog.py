"""File > Settings: the dialog opens on what is saved, Save keeps the choice (and says so),
"As the system" forgets a saved language, and Cancel changes nothing. Everything is set
through the dialog itself, whatever file keeps it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from livenon_desk.views.settings_dialog import (
    SettingsDialog,
    saved_language,
    sound_on_unknown_scan,
)


def _press(qtbot: QtBot, dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)


def _dialog(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _save(qtbot: QtBot, language: str | None, sound: bool) -> None:
    dialog = _dialog(qtbot)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.sound.setChecked(sound)
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)


@pytest.fixture(autouse=True)
def _as_on_a_first_start(qtbot: QtBot) -> Iterator[None]:
    _save(qtbot, None, False)
    yield
    _save(qtbot, None, False)


def test_a_first_start_follows_the_system_and_stays_silent(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.language.currentData() is None
    assert dialog.language.currentText() == "As the system"
    assert not dialog.sound.isChecked()
    assert saved_language() is None and not sound_on_unknown_scan()


def test_save_keeps_the_choice_and_says_so(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.mouseClick(dialog.sound, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved, timeout=1000):
        _press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert saved_language() == "en"
    assert sound_on_unknown_scan()


@pytest.mark.parametrize(("language", "sound"), [("zh", True), ("en", False)])
def test_the_dialog_opens_on_what_is_saved(
        qtbot: QtBot, language: str, sound: bool) -> None:
    _save(qtbot, language, sound)
    dialog = _dialog(qtbot)
    assert dialog.language.currentData() == language
    assert dialog.sound.isChecked() is sound


def test_as_the_system_forgets_a_saved_language(qtbot: QtBot) -> None:
    _save(qtbot, "zh", True)
    dialog = _dialog(qtbot)
    dialog.language.setCurrentIndex(0)
    qtbot.mouseClick(dialog.sound, Qt.MouseButton.LeftButton)
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert saved_language() is None
    assert not sound_on_unknown_scan()
    assert _dialog(qtbot).language.currentText() == "As the system"


def test_cancel_changes_nothing(qtbot: QtBot) -> None:
    _save(qtbot, "zh", False)
    dialog = _dialog(qtbot)
    saves: list[bool] = []
    dialog.saved.connect(lambda: saves.append(True))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.mouseClick(dialog.sound, Qt.MouseButton.LeftButton)
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert saves == []
    assert saved_language() == "zh"
    assert not sound_on_unknown_scan()
