"""Pulling the server's changes: page by page, each page and its cursor in one commit.

The cursor is saved in the transaction that applies its page, so a pull stopped anywhere
(network, crash, the user quitting) resumes after the last page it applied and neither
loses nor applies twice. The cursor belongs to one server: pointed at another, the desk
starts that server's pull from the beginning.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import Connection, delete, select
from sqlalchemy.orm import Session

from livenon_desk.models import ParkedChange, SyncState
from livenon_desk.models.base import table_of
from livenon_desk.store.database import Store
from livenon_desk.sync.client import CentralClient
from livenon_desk.sync.entities import Applier
from livenon_desk.sync.results import RemoteEntity
from livenon_desk.wire.entity_data import problems

log = logging.getLogger(__name__)

PAGE_SIZE = 1000  # the contract's largest page


@dataclass(frozen=True)
class PullProgress:
    pages: int
    changes: int  # changes applied in this pull so far
    total_changes: int  # changes applied from this server, ever
    more: bool


@dataclass(frozen=True)
class PullResult:
    pages: int
    changes: int
    parked: int
    restricted: tuple[str, ...]


def sync_state(s: Session) -> SyncState:
    state = s.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1, pulled_changes=0, audit_sent_id=0)
        s.add(state)
        s.flush()
    return state


def _parked(c: Connection) -> list[RemoteEntity]:
    """The entities parked before; one parked by an older desk that the wire format now
    refuses is dropped with a log line (the server sends its next version anew)."""
    parked = []
    for kind, key, doc in c.execute(select(ParkedChange.kind, ParkedChange.entity_key,
                                           ParkedChange.document)):
        try:
            parked.append(RemoteEntity.from_json(doc))
        except ValidationError as error:
            log.warning("parked %s %s dropped: %s", kind, key, problems(error))
    return parked


def _park(c: Connection, entities: list[RemoteEntity]) -> None:
    c.execute(delete(ParkedChange))
    if entities:
        c.execute(table_of(ParkedChange).insert(), [
            {"kind": e.kind, "entity_key": e.id, "seq": e.seq, "document": e.to_json()}
            for e in entities])


class Puller:
    def __init__(self, store: Store, client: CentralClient, clock: Callable[[], datetime],
                 page_size: int = PAGE_SIZE) -> None:
        self.store = store
        self.client = client
        self.clock = clock
        self.page_size = page_size

    def _cursor(self) -> str | None:
        server = self.client.settings.server_url
        with self.store.session() as s:
            state = sync_state(s)
            if state.server_url != server:
                if state.server_url is not None:
                    log.info("another central server: the pull starts from the beginning")
                state.server_url = server
                state.pull_cursor = None
                state.pulled_changes = 0
            return state.pull_cursor

    def pull(self, progress: Callable[[PullProgress], None] | None = None,
             max_pages: int | None = None) -> PullResult:
        cursor = self._cursor()
        pages = changes = parked = 0
        restricted: list[str] = []
        while max_pages is None or pages < max_pages:
            page = self.client.pull(cursor, self.page_size)
            with self.store.session() as s:
                c = s.connection()
                applier = Applier(c, self.clock())
                waiting = applier.apply([*_parked(c), *page.changes])
                _park(c, waiting)
                state = sync_state(s)
                state.pull_cursor = page.next_cursor
                state.pulled_changes += len(page.changes)
                total = state.pulled_changes
            pages += 1
            changes += len(page.changes)
            parked = len(waiting)
            restricted += applier.restricted
            cursor = page.next_cursor
            if progress is not None:
                progress(PullProgress(pages, changes, total, page.has_more))
            if not page.has_more:
                break
        if parked:
            log.warning("%d pulled records wait for a parent the server has not sent", parked)
        return PullResult(pages, changes, parked, tuple(restricted))
