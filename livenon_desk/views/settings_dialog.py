"""The desk's settings a user may change: for now, the language of the interface."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

LANGUAGE_KEY = "ui/language"


def saved_language() -> str | None:
    value = QSettings("Livenon", "LivenonDesk").value(LANGUAGE_KEY)
    return value if value in ("en", "zh") else None


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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(buttons)

    def _save(self) -> None:
        settings = QSettings("Livenon", "LivenonDesk")
        value = self.language.currentData()
        if value is None:
            settings.remove(LANGUAGE_KEY)
        else:
            settings.setValue(LANGUAGE_KEY, value)
        self.saved.emit()
        self.accept()
