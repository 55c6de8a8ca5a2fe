"""One sync round: send the outbox, then pull the server's news. No Qt: the desk runs it
on its task runner, the command line runs it directly.

The outcome says what the user (or a script) needs to know: everything went, something
needs a person (a conflict or a refusal), or the server could not be reached (the work is
kept and goes next time).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from livenon_desk.sync.audit_push import AuditPusher
from livenon_desk.sync.client import CentralClient
from livenon_desk.sync.errors import BusyError, InFlightError, OfflineError, SyncError
from livenon_desk.sync.pull import Puller, PullProgress, PullResult, sync_state
from livenon_desk.sync.push import BATCH_SIZE, Pusher, PushResult

log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    OK = "ok"  # everything waiting went, the pull is up to date
    ATTENTION = "attention"  # done, but some changes conflict or were refused
    OFFLINE = "offline"  # the server could not be reached or was busy: try later
    REFUSED = "refused"  # the server refused the round (signed out, TLS, role)


@dataclass(frozen=True)
class Progress:
    stage: str  # "push" or "pull"
    done: int
    more: bool


@dataclass
class RoundResult:
    outcome: Outcome
    push: PushResult = field(default_factory=PushResult)
    pull: PullResult | None = None
    audit_sent: int = 0
    error: str | None = None
    error_zh: str | None = None


class SyncWorker:
    def __init__(self, store: Store, client: CentralClient, photos: PhotoFiles | None,
                 clock: Callable[[], datetime], *, batch_size: int = BATCH_SIZE,
                 page_size: int = 1000) -> None:
        self.store = store
        self.client = client
        self.pusher = Pusher(store, client, photos, clock, batch_size)
        self.puller = Puller(store, client, clock, page_size)
        self.audit = AuditPusher(store, client)
        self.clock = clock

    def push(self) -> PushResult:
        return self.pusher.push()

    def pull(self, progress: Callable[[PullProgress], None] | None = None,
             max_pages: int | None = None) -> PullResult:
        return self.puller.pull(progress, max_pages)

    def run_round(self, progress: Callable[[Progress], None] | None = None) -> RoundResult:
        """Push, then pull; every error the network can make ends in an outcome."""
        result = RoundResult(Outcome.OK)
        started = self.clock()
        try:
            result.push = self.pusher.push(
                None if progress is None else lambda n: progress(Progress("push", n, True)))
            result.pull = self.puller.pull(
                None if progress is None else
                lambda p: progress(Progress("pull", p.changes, p.more)))
            result.audit_sent = self.audit.push()
        except (OfflineError, BusyError, InFlightError) as exc:
            result.outcome = Outcome.OFFLINE
            result.error, result.error_zh = exc.message, exc.message_zh
        except SyncError as exc:
            result.outcome = Outcome.REFUSED
            result.error, result.error_zh = exc.message, exc.message_zh
        if result.outcome is Outcome.OK and (result.push.conflicts or result.push.failed):
            result.outcome = Outcome.ATTENTION
        self._record(result, started)
        log.info("sync round: %s (sent %d, conflicts %d, failed %d, pulled %d)",
                 result.outcome.value, result.push.sent, result.push.conflicts,
                 result.push.failed, result.pull.changes if result.pull else 0)
        return result

    def _record(self, result: RoundResult, started: datetime) -> None:
        with self.store.session() as s:
            state = sync_state(s)
            state.last_attempt_at = started
            if result.outcome in (Outcome.OK, Outcome.ATTENTION):
                state.last_success_at = self.clock()
                state.last_error = None
            else:
                state.last_error = result.error
