"""The signed-in session on a shared workstation: the idle lock, unlocking with the same
user's password (open work stays as it was), and switching user."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from livenon_desk.domain.roles import Actor
from livenon_desk.services.desk import Desk
from livenon_desk.views.sign_in_dialog import Mode, SignInDialog
from livenon_desk.views.task_runner import TaskRunner

log = logging.getLogger(__name__)

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


class SessionGuard(QObject):
    actor_changed = Signal(object)  # the Actor now signed in

    def __init__(self, desk: Desk, runner: TaskRunner, language: str, actor: Actor,
                 idle_minutes: int, main: QWidget) -> None:
        super().__init__(main)
        self._desk = desk
        self._runner = runner
        self._language = language
        self.actor = actor
        self._main = main
        self._hidden: list[QWidget] = []
        self.dialog: SignInDialog | None = None
        self._idle = QTimer(self, singleShot=True)
        self._idle.timeout.connect(self.lock)
        self.set_idle_minutes(idle_minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def set_idle_minutes(self, minutes: int) -> None:
        self._idle_ms = minutes * 60_000
        if self._idle_ms:
            self._idle.start(self._idle_ms)
        else:
            self._idle.stop()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if self._idle_ms and not self.locked and event.type() in _ACTIVITY:
            self._idle.start(self._idle_ms)
        return False

    def _hide_work(self) -> None:
        self._hidden = [w for w in QApplication.topLevelWidgets()
                        if w.isVisible() and not isinstance(w, SignInDialog)]
        for widget in self._hidden:
            widget.hide()

    def _show_work(self) -> None:
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self._idle_ms:
            self._idle.start(self._idle_ms)

    def lock(self) -> None:
        """Hide every window; only the same user's password brings them back."""
        if self.locked:
            return
        log.info("desk locked for %s", self.actor.username)
        self._hide_work()
        dialog = SignInDialog(self._desk, self._runner, self._language, Mode.UNLOCK,
                              locked_for=self.actor)
        dialog.signed_in.connect(self._unlocked)
        dialog.rejected.connect(self.switch_user)
        self.dialog = dialog
        dialog.show()

    def _unlocked(self, _actor: Actor) -> None:
        self.dialog = None
        self._show_work()

    def switch_user(self) -> None:
        """Sign the current user out; whoever signs in next gets the main window."""
        if self.dialog is not None and self.dialog.mode is Mode.UNLOCK:
            self.dialog.deleteLater()
            self.dialog = None
        if not self._hidden:
            self._hide_work()
        # Open forms are closed (and so save their drafts) before anyone else sees them.
        for widget in self._hidden:
            if widget is not self._main:
                widget.close()
        self._hidden = [self._main]
        previous = self.actor
        # The sign-out is on record before anyone can sign in.
        self._runner.run(
            lambda *args: self._desk.auth.sign_out(*args),
            previous,
            on_done=lambda _r: self._ask_next(previous),
            on_error=lambda _e: self._ask_next(previous))

    def _ask_next(self, previous: Actor) -> None:
        dialog = SignInDialog(self._desk, self._runner, self._language, Mode.SIGN_IN)
        dialog.signed_in.connect(self._switched)
        dialog.rejected.connect(lambda: self._relock(previous))
        self.dialog = dialog
        dialog.show()

    def _switched(self, actor: Actor) -> None:
        self.dialog = None
        changed = actor.username != self.actor.username or actor.role != self.actor.role
        self.actor = actor
        if changed:
            self.actor_changed.emit(actor)
        self._show_work()

    def _relock(self, previous: Actor) -> None:
        """Nobody signed in: the desk stays locked, for the one who left it."""
        self.dialog = None
        self.actor = previous
        hidden = self._hidden
        self._hidden = []
        self.lock()
        self._hidden = hidden
