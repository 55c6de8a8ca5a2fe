"""The desk's settings a user may change: the language of the interface, and a sound when
a scan matches nothing (off by default)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from livenon_desk.services.user_settings import change_user_settings, user_settings


def saved_language() -> str | None:
    return user_settings().language


def sound_on_unknown_scan() -> bool:
    return user_settings().sound_on_unknown_scan


class SettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem(self.tr("As the system"), None)
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh")
        self.language.setCurrentIndex(max(self.language.findData(saved_language()), 0))
        self.sound = QCheckBox(self.tr("&Beep when a scan matches no return"))
        self.sound.setObjectName("soundOnUnknownScan")
        self.sound.setChecked(sound_on_unknown_scan())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self.sound)
        form.addRow(buttons)

    def _save(self) -> None:
        change_user_settings(language=self.language.currentData(),
                             sound_on_unknown_scan=self.sound.isChecked())
        self.saved.emit()
        self.accept()
