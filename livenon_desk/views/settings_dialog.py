"""The desk's settings a user may change: the language of the interface, and a sound when
a scan matches nothing (off by default)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

LANGUAGE_KEY = "ui/language"
SOUND_KEY = "ui/sound_on_unknown_scan"


def saved_language() -> str | None:
    value = QSettings("Livenon", "LivenonDesk").value(LANGUAGE_KEY)
    return value if value in ("en", "zh") else None


def sound_on_unknown_scan() -> bool:
    value = QSettings("Livenon", "LivenonDesk").value(SOUND_KEY, False)
    return value is True or str(value).lower() == "true"


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
        settings = QSettings("Livenon", "LivenonDesk")
        value = self.language.currentData()
        if value is None:
            settings.remove(LANGUAGE_KEY)
        else:
            settings.setValue(LANGUAGE_KEY, value)
        settings.setValue(SOUND_KEY, self.sound.isChecked())
        self.saved.emit()
        self.accept()
