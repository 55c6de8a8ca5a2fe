"""Background sync for the desk: a round every minute (and on demand) on the task runner.

The round itself (network, database) runs on a pool thread and touches no widget and no
Qt type; its result comes back by the runner's signals to the main thread, where the
controller tells the status bar and the sync view. Where the server is and who signed in
are in QSettings; the token is in the keyring (``TokenStore``), never in the settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from livenon_desk.services.desk import Desk
from livenon_desk.services.sync_dto import SyncSnapshot
from livenon_desk.sync.credentials import TokenStore
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    # The window shows before the network and database layers load (cold start).
    from livenon_desk.sync.worker import RoundResult

log = logging.getLogger(__name__)

SERVER_KEY = "sync/server_url"
USER_KEY = "sync/user"
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


def _round(desk: Desk, server_url: str, token: str) -> tuple[RoundResult, SyncSnapshot]:
    """On a pool thread: one round and the counts after it. No Qt in here."""
    from livenon_desk.sync.client import CentralClient, ClientSettings

    client = CentralClient(ClientSettings(server_url), token=token)
    try:
        result = desk.sync.run_round(client)
    finally:
        client.close()
    return result, desk.sync.snapshot()


def _sign_in(server_url: str, user: str, password: str, tokens: TokenStore) -> str:
    from livenon_desk.sync.client import CentralClient, ClientSettings

    client = CentralClient(ClientSettings(server_url))
    try:
        token = client.sign_in(user, password)
    finally:
        client.close()
    tokens.save(server_url, token.access_token)
    return token.role


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    round_finished = Signal(object)  # RoundResult

    def __init__(self, desk: Desk, runner: TaskRunner, *, language: str = "en",
                 tokens: TokenStore | None = None, interval_ms: int = ROUND_INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._language = language
        self._tokens = tokens or TokenStore()
        self._running = False
        self._state = NOT_SET_UP
        self.status = SyncStatus(NOT_SET_UP, None)
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.sync_now)

    def set_language(self, language: str) -> None:
        """The language of the next round's messages (the desk was switched live)."""
        self._language = language

    # --- settings -----------------------------------------------------------------------

    @staticmethod
    def _settings() -> QSettings:
        return QSettings("Livenon", "LivenonDesk")

    @property
    def server_url(self) -> str:
        return str(self._settings().value(SERVER_KEY, "") or "")

    @property
    def user(self) -> str:
        return str(self._settings().value(USER_KEY, "") or "")

    def _token(self) -> str | None:
        url = self.server_url
        return self._tokens.load(url) if url else None

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
        """Check the address, sign in off the UI thread, keep the token, then sync."""
        server_url = server_url.strip().rstrip("/")
        settings = self._settings()
        settings.setValue(SERVER_KEY, server_url)
        settings.setValue(USER_KEY, user.strip())

        def done(role: object) -> None:
            # The round starts first, so that whoever hears of the sign-in sees it running.
            self.sync_now()
            if on_done is not None:
                on_done(role)

        self._runner.run(_sign_in, server_url, user.strip(), password, self._tokens,
                         on_done=done, on_error=on_error)

    # --- rounds -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the counts (waiting, failed, conflicts) off the UI thread."""
        self._runner.run(lambda: self._desk.sync.snapshot(), on_done=self._counted,
                         on_error=self._failed)

    def sync_now(self) -> None:
        if self._running:
            return
        url, token = self.server_url, self._token()
        if not url or not token:
            self._state = NOT_SET_UP if not url else SIGNED_OUT
            self.refresh()
            return
        self._running = True
        self._emit(SYNCING, self.status.snapshot)
        self._runner.run(_round, self._desk, url, token, on_done=self._round_done,
                         on_error=self._failed)

    @property
    def running(self) -> bool:
        return self._running

    def _round_done(self, done: tuple[RoundResult, SyncSnapshot]) -> None:
        from livenon_desk.sync.worker import Outcome

        self._running = False
        result, snapshot = done
        message = None
        if result.error:
            message = result.error_zh if self._language.startswith("zh") else result.error
        if result.outcome is Outcome.OFFLINE:
            self._state = OFFLINE
        elif result.outcome is Outcome.REFUSED:
            self._state = SIGNED_OUT
        else:
            self._state = ONLINE
        self._emit(self._state, snapshot, message)
        self.round_finished.emit(result)

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
