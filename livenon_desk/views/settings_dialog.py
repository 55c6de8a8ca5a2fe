"""The desk's settings a user may change: the language of the interface, and a sound when
a scan matches nothing (off by default). Below them, the station's devices as IT set them
up in ``desk_settings.toml`` (shown, not changed here), and the label printer's test
label. An administrator has a second page, Mail (mail_settings_page.py)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.roles import Action, Actor
from livenon_desk.errors import KnownError
from livenon_desk.services.desk_settings import FILE_NAME, DeskSettings, desk_settings
from livenon_desk.services.document_kinds import LabelJob
from livenon_desk.services.label_printer import configured_printer
from livenon_desk.services.scale import station_scale
from livenon_desk.services.user_settings import change_user_settings, user_settings
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    from livenon_desk.views.mail_settings_page import MailSettingsPage


def saved_language() -> str | None:
    return user_settings().language


def sound_on_unknown_scan() -> bool:
    return user_settings().sound_on_unknown_scan


class SettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, parent: QWidget | None = None, *, station: DeskSettings | None = None,
                 runner: TaskRunner | None = None, actor: Actor | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._station = station or desk_settings()
        self._runner = runner or TaskRunner(parent=self)
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem(self.tr("As the system"), None)
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh")
        self.language.setCurrentIndex(max(self.language.findData(saved_language()), 0))
        self.sound = QCheckBox(self.tr("&Beep when a scan matches no return"))
        self.sound.setObjectName("soundOnUnknownScan")
        self.sound.setChecked(sound_on_unknown_scan())
        buttons = self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        general = QWidget()
        form = QFormLayout(general)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self.sound)
        form.addRow(self._station_devices())
        layout = QVBoxLayout(self)
        # The mail servers are an administrator's: others do not see them at all.
        self.mail: MailSettingsPage | None = None
        if actor is not None and actor.may(Action.ADMINISTER):
            from livenon_desk.views.mail_settings_page import MailSettingsPage

            # As saved last (the station's settings are those the desk started with).
            self.mail = MailSettingsPage(actor, desk_settings(), self._runner,
                                         QLocale().name())
            self.pages = QTabWidget()
            self.pages.addTab(general, self.tr("General"))
            self.pages.addTab(self.mail, self.tr("Mail"))
            layout.addWidget(self.pages)
        else:
            layout.addWidget(general)
        layout.addWidget(buttons)

    def _station_devices(self) -> QGroupBox:
        station = self._station
        box = QGroupBox(self.tr("This station's devices (set up by IT in {file})").format(
            file=FILE_NAME))
        rows = QFormLayout(box)
        none = self.tr("none set up")
        rows.addRow(self.tr("Label printer"),
                    _shown(station.label_printer_address or none, "labelPrinterAddress"))
        rows.addRow(self.tr("Resolution"), QLabel(self.tr("{dpi} dpi").format(
            dpi=station.label_printer_dpi)))
        rows.addRow(self.tr("Darkness"), QLabel(f"{station.label_printer_darkness:+d}"))
        rows.addRow(self.tr("Picture sent as"), QLabel(
            self.tr("Z64 (compressed)") if station.label_printer_encoding == "z64"
            else self.tr("ASCII hex (any ZPL printer)")))
        self.test_label = QPushButton(self.tr("Print &test label"))
        self.test_label.setObjectName("printTestLabel")
        self.test_label.setAutoDefault(False)
        self.test_label.setEnabled(bool(station.label_printer_address))
        self.test_label.setToolTip(self.tr("Print the label printer's test label (Ctrl+T)"))
        self.test_label.clicked.connect(self.print_test_label)
        QShortcut(QKeySequence("Ctrl+T"), self).activated.connect(self.print_test_label)
        self.test_result = QLabel()
        self.test_result.setObjectName("testLabelResult")
        self.test_result.setWordWrap(True)
        # Room for the longest answer (a printer's trouble), so the dialog need not grow.
        self.test_result.setMinimumHeight(3 * self.test_result.fontMetrics().lineSpacing())
        self.test_result.setAlignment(Qt.AlignmentFlag.AlignTop)
        rows.addRow(self.test_label)
        rows.addRow(self.test_result)
        scale = station_scale(station)
        rows.addRow(self.tr("Scale"), _shown(
            self.tr("{port}, {protocol}").format(port=scale.port, protocol=scale.protocol.name)
            if scale else self.tr("none set up: weights are typed"), "scalePort"))
        rows.addRow(self.tr("Scanner prefix / suffix"), _shown(
            self.tr("{prefix} / {suffix}").format(
                prefix=_escaped(station.scanner_prefix) or none,
                suffix=_escaped(station.scanner_suffix) or self.tr("Enter")),
            "scannerAffixes"))
        return box

    def print_test_label(self) -> None:
        """The test label to the station's label printer, sent by a worker."""
        from livenon_desk.services.document_service import send_test_label

        printer = configured_printer(self._station)
        if printer is None or not self.test_label.isEnabled():
            return
        self.test_label.setEnabled(False)
        self.test_result.setText(self.tr("Sending the test label…"))
        lang: Literal["en", "zh"] = "zh" if QLocale().name().startswith("zh") else "en"
        self._runner.run(partial(send_test_label, printer, lang=lang),
                         on_done=self._test_label_sent, on_error=self._test_label_failed)

    def _test_label_sent(self, job: LabelJob) -> None:
        self.test_label.setEnabled(True)
        self.test_result.setText(self.tr(
            "The label printer took the test label. Scan its codes: they read {code}.").format(
                code=job.reference))

    def _test_label_failed(self, error: BaseException) -> None:
        self.test_label.setEnabled(True)
        self.test_result.setText(user_message(error, QLocale().name()))

    def _save(self) -> None:
        typed: list[tuple[DeskSettings, str, str]] = []
        if self.mail is not None:
            try:
                typed = self.mail.save()
            except KnownError:  # the page says why; nothing was kept
                self.pages.setCurrentWidget(self.mail)
                return
        change_user_settings(language=self.language.currentData(),
                             sound_on_unknown_scan=self.sound.isChecked())
        if not typed:
            self._saved()
            return
        from livenon_desk.views.mail_settings_page import keep_passwords

        # The passwords go to the keyring on a worker; the dialog closes once they are in.
        self.buttons.setEnabled(False)
        self._runner.run(keep_passwords, typed, on_done=lambda _r: self._saved(),
                         on_error=self._password_not_kept)

    def _saved(self) -> None:
        self.saved.emit()
        self.accept()

    def _password_not_kept(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        assert self.mail is not None
        self.pages.setCurrentWidget(self.mail)
        self.mail.failed_to_keep(error)


def _escaped(text: str) -> str:
    """A prefix or suffix as the settings file writes it: control characters escaped."""
    return text.encode("unicode_escape").decode("ascii")


def _shown(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label
