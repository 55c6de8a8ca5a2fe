"""File > Settings: the dialog opens on what is saved, Save keeps the choice (and says so),
"As the system" forgets a saved language, and Cancel changes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from livenon_desk.views.settings_dialog import (
    LANGUAGE_KEY,
    SOUND_KEY,
    SettingsDialog,
    saved_language,
    sound_on_unknown_scan,
)


def _settings() -> QSettings:
    return QSettings("Livenon", "LivenonDesk")


@pytest.fixture(autouse=True)
def _no_saved_settings() -> Iterator[None]:
    for key in (LANGUAGE_KEY, SOUND_KEY):
        _settings().remove(key)
    yield
    for key in (LANGUAGE_KEY, SOUND_KEY):
        _settings().remove(key)


def _dialog(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _press(qtbot: QtBot, dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)


def test_a_first_start_follows_the_system_and_stays_silent(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.language.currentData() is None
    assert dialog.language.currentText() == "As the system"
    assert not dialog.sound.isChecked()
    assert saved_language() is None and not sound_on_unknown_scan()


def test_the_dialog_opens_on_what_is_saved(qtbot: QtBot) -> None:
    _settings().setValue(LANGUAGE_KEY, "zh")
    _settings().setValue(SOUND_KEY, True)
    dialog = _dialog(qtbot)
    assert dialog.language.currentData() == "zh"
    assert dialog.sound.isChecked()


def test_save_keeps_the_choice_and_says_so(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.mouseClick(dialog.sound, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved, timeout=1000):
        _press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert saved_language() == "en"
    assert sound_on_unknown_scan()
    reopened = _dialog(qtbot)
    assert reopened.language.currentData() == "en" and reopened.sound.isChecked()


def test_as_the_system_forgets_a_saved_language(qtbot: QtBot) -> None:
    _settings().setValue(LANGUAGE_KEY, "zh")
    _settings().setValue(SOUND_KEY, True)
    dialog = _dialog(qtbot)
    dialog.language.setCurrentIndex(0)
    qtbot.mouseClick(dialog.sound, Qt.MouseButton.LeftButton)
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert _settings().contains(LANGUAGE_KEY) is False
    assert saved_language() is None
    assert not sound_on_unknown_scan()


def test_cancel_changes_nothing(qtbot: QtBot) -> None:
    _settings().setValue(LANGUAGE_KEY, "zh")
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


@pytest.mark.parametrize(("stored", "language"), [("fr", None), ("", None), ("en", "en")])
def test_only_a_language_the_desk_has_is_taken_from_the_settings(
        qtbot: QtBot, stored: str, language: str | None) -> None:
    _settings().setValue(LANGUAGE_KEY, stored)
    assert saved_language() == language
    assert _dialog(qtbot).language.currentData() == language


@pytest.mark.parametrize(("stored", "on"), [("true", True), ("TRUE", True), ("false", False),
                                            ("1", False), (True, True), (False, False)])
def test_the_sound_setting_reads_as_the_settings_file_writes_it(
        stored: object, on: bool) -> None:
    # An INI file gives back the text "true", not a boolean, after a restart.
    _settings().setValue(SOUND_KEY, stored)
    assert sound_on_unknown_scan() is on
