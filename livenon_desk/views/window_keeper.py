"""The desk's main window for whoever signed in, and again in another language when the
Settings change it: the window is remade in the new language on the spot, with the same
user, size and record, instead of asking for a restart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from livenon_desk.domain.roles import Actor
from livenon_desk.services.clock import utc_now
from livenon_desk.services.desk import Desk
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.sync_controller import SyncController
from livenon_desk.views.task_runner import TaskRunner


class WindowKeeper(QObject):
    def __init__(self, desk: Desk, runner: TaskRunner, *, language: str,
                 translators: list[QTranslator], database_label: str,
                 idle_lock_minutes: int = 0, sync: SyncController | None = None,
                 clock: Callable[[], datetime] = utc_now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self.language = language
        self._translators = translators
        self._database_label = database_label
        self._idle_lock_minutes = idle_lock_minutes
        self._sync = sync
        self._clock = clock
        self.window: MainWindow | None = None

    def open(self, actor: Actor) -> MainWindow:
        window = MainWindow(self._desk, self._runner, actor=actor,
                            database_label=self._database_label, language=self.language,
                            idle_lock_minutes=self._idle_lock_minutes, sync=self._sync,
                            clock=self._clock)
        window.language_chosen.connect(self.switch_language)
        self.window = window
        window.show()
        return window

    def switch_language(self, language: str) -> None:
        """Every text in the new language now: Qt's and the desk's translations swapped,
        and the window remade (texts are set when widgets are built)."""
        from livenon_desk.views.app import install_translators

        old = self.window
        if old is None or language == self.language:
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators = install_translators(app, language)
        self.language = language
        if self._sync is not None:
            self._sync.set_language(language)
        shown = old.detail.detail
        geometry = old.saveGeometry()
        old.close()  # saves its layout, closes an open form (drafts are kept)
        window = self.open(old.actor)
        window.restoreGeometry(geometry)
        if shown is not None:
            window.open_return(shown.return_id)
        window.message.setText(QCoreApplication.translate(
            "WindowKeeper", "The desk now speaks the language you chose."))
        old.deleteLater()
