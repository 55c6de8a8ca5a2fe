"""Background sync for the desk: a round every minute (and on demand) on the task runner.

The round itself (network, database) runs on a pool thread and touches no widget and no
Qt type; its result comes back by the runner's signals to the main thread, where the
controller tells the status bar and the sync view. Where the server is and who signed in
are in the user's settings; signing in, the token and the round itself are the central
service's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from livenon_desk.services.desk import Desk
from livenon_desk.services.desk_settings import chosen_server
from livenon_desk.services.sync_dto import SyncSnapshot
from livenon_desk.services.user_settings import change_user_settings, user_settings
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    # The window shows before the network and database layers load (cold start).
    from livenon_desk.services.central_service import CentralService, RoundReport

log = logging.getLogger(__name__)

ROUND_INTERVAL_MS = 60_000

NOT_SET_UP = "not_set_up"
ONLINE = "online"
OFFLINE = "offline"
SYNCING = "syncing"
SIGNED_OUT = "signed_out"


@dataclass(frozen=True)
class SyncStatus:
    state: str  # one of the constants above
    snapshot: SyncSnapshot | None
    message: str | None = None  # the last round's problem, in the user's language


def _round(desk: Desk, central: CentralService, server_url: str) -> RoundReport:
    """On a pool thread: one round and the counts after it. No Qt in here."""
    return central.run_round(desk.sync, server_url)


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    round_finished = Signal(object)  # RoundReport

    def __init__(self, desk: Desk, runner: TaskRunner, *, language: str = "en",
                 central: CentralService | None = None,
                 interval_ms: int = ROUND_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._language = language
        self._given_central = central
        self._running = False
        self._state = NOT_SET_UP
        self.status = SyncStatus(NOT_SET_UP, None)
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.sync_now)

    def set_language(self, language: str) -> None:
        """The language of the next round's messages (the desk was switched live)."""
        self._language = language

    # --- settings -----------------------------------------------------------------------

    @property
    def server_url(self) -> str:
        return chosen_server()

    @property
    def user(self) -> str:
        return user_settings().sync_user

    @property
    def central(self) -> CentralService:
        """Made on first use: the window shows before the network layer loads."""
        if self._given_central is None:
            from livenon_desk.services.central_service import CentralService

            self._given_central = CentralService()
        return self._given_central

    def start(self) -> None:
        """Counts now, a round now if set up, then a round every interval."""
        self.refresh()
        self.sync_now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def sign_in(self, server_url: str, user: str, password: str,
                on_done: Callable[[Any], None] | None = None,
                on_error: Callable[[BaseException], None] | None = None) -> None:
        """Remember the address, sign in off the UI thread (the service keeps the token),
        then sync."""
        from livenon_desk.services.central_service import server_address

        change_user_settings(sync_server=server_address(server_url), sync_user=user.strip())

        def done(role: object) -> None:
            # The round starts first, so that whoever hears of the sign-in sees it running.
            self.sync_now()
            if on_done is not None:
                on_done(role)

        self._runner.run(self.central.sign_in, server_url, user, password,
                         on_done=done, on_error=on_error)

    # --- rounds -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the counts (waiting, failed, conflicts) off the UI thread."""
        self._runner.run(lambda: self._desk.sync.snapshot(), on_done=self._counted,
                         on_error=self._failed)

    def sync_now(self) -> None:
        if self._running:
            return
        url = self.server_url
        if not url or not self.central.is_signed_in(url):
            self._state = NOT_SET_UP if not url else SIGNED_OUT
            self.refresh()
            return
        self._running = True
        self._emit(SYNCING, self.status.snapshot)
        self._runner.run(_round, self._desk, self.central, url, on_done=self._round_done,
                         on_error=self._failed)

    @property
    def running(self) -> bool:
        return self._running

    def _round_done(self, report: RoundReport) -> None:
        from livenon_desk.services.central_service import Outcome

        self._running = False
        message = None
        if report.error:
            message = report.error_zh if self._language.startswith("zh") else report.error
        if report.outcome is Outcome.OFFLINE:
            self._state = OFFLINE
        elif report.outcome is Outcome.REFUSED:
            self._state = SIGNED_OUT
        else:
            self._state = ONLINE
        self._emit(self._state, report.snapshot, message)
        self.round_finished.emit(report)

    def _counted(self, snapshot: SyncSnapshot) -> None:
        self._emit(SYNCING if self._running else self._state, snapshot, self.status.message)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        log.error("sync round failed", exc_info=error)
        self._state = OFFLINE
        self._emit(OFFLINE, self.status.snapshot, str(error))

    def _emit(self, state: str, snapshot: SyncSnapshot | None,
              message: str | None = None) -> None:
        self.status = SyncStatus(state, snapshot, message)
        self.status_changed.emit(self.status)
