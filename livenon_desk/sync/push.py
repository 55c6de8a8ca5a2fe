"""Sending the outbox: photos first, then the writes in batches, in order per record.

A row is counted as attempted (and committed so) before its request leaves, and marked
sent only after the server answered it. A desk killed in between finds the row pending
and sends it again with the same Idempotency-Key: the server recognises the key and
answers as before, so nothing is written twice.

Order per record: a batch carries at most one row of a record, and none while an earlier
row of that record is unsent (pending in this round, in conflict, or failed): the second
change of a record is made on top of the first, so it can only be sent with the version
the first one produced. When a row is answered, the rows queued behind it on the same
base version are moved onto the server's new version ("rebased").
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Text, and_, bindparam, func, select, type_coerce, update

from livenon_desk.domain.enums import OutboxState
from livenon_desk.models import (
    Inspection,
    Lot,
    OutboxRow,
    ReturnRequest,
    RtvShipment,
    SyncConflict,
    Unit,
    WorkOrder,
)
from livenon_desk.models.base import table_of
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from livenon_desk.sync.client import CentralClient
from livenon_desk.sync.errors import SyncError
from livenon_desk.sync.results import BatchResult, BatchWrite, StoredJson, answered_entity
from livenon_desk.wire.bodies import WriteKind

log = logging.getLogger(__name__)

BATCH_SIZE = 1000  # the contract's most items per batch
# Answers that may be different next time: the row stays pending.
_TRY_AGAIN = frozenset({408, 409, 429, 500, 502, 503, 504})
_ON_INSPECTION = frozenset({"inspection", "override"})
# Writes whose answer is the return's new version (a mail answer creates the return).
_ON_RETURN = frozenset({"receipt", "mail_answer"})
_T = table_of(OutboxRow)
# The record whose server version an answer of each kind gives (receipt: the return's),
# and the column its outbox key is in.
_VERSIONED: dict[str, tuple[Any, Any]] = {
    "receipt": (ReturnRequest, ReturnRequest.rma_number),
    "inspection": (Inspection, Inspection.uuid),
    "unit": (Unit, Unit.code),
    "work_order": (WorkOrder, WorkOrder.uuid),
    "rtv_shipment": (RtvShipment, RtvShipment.uuid),
    "lot": (Lot, Lot.uuid),
}


@dataclass
class PushResult:
    sent: int = 0
    conflicts: int = 0
    failed: int = 0
    retry_later: int = 0
    photos_sent: int = 0
    photos_skipped: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Row:
    id: int
    kind: str
    entity_key: str
    idempotency_key: str
    if_match: int | None
    body_text: str  # as the outbox keeps it: sent as it is

    @property
    def body(self) -> dict[str, Any]:
        body = json.loads(self.body_text)
        return body if isinstance(body, dict) else {}


def _problem_text(body: dict[str, Any] | None, status: int) -> str:
    body = body or {}
    return str(body.get("detail") or body.get("title") or f"HTTP {status}")[:2000]


class Pusher:
    def __init__(self, store: Store, client: CentralClient, photos: PhotoFiles | None,
                 clock: Callable[[], datetime], batch_size: int = BATCH_SIZE) -> None:
        self.store = store
        self.client = client
        self.photos = photos
        self.clock = clock
        self.batch_size = batch_size

    def push(self, progress: Callable[[int], None] | None = None) -> PushResult:
        """Send what waits until nothing more can go this round; a transport error
        (offline, busy, signed out) ends the round and is raised.

        While one batch is with the server the next is chosen, leaving out the records
        the first one carries, so that each record's changes still go one after another.
        """
        result = PushResult()
        self._photos(result)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push") as sender:
            flying: tuple[list[_Row], Future[list[BatchResult]]] | None = None
            while True:
                rows = self._take_batch(flying[0] if flying else ())
                if flying is not None:
                    sent_rows, answer = flying
                    flying = None
                    try:
                        answers = answer.result()
                    except BaseException:
                        self._untake(rows)
                        raise
                    self._record(sent_rows, answers, result)
                    if progress is not None:
                        progress(result.sent)
                    if result.retry_later:
                        self._untake(rows)
                        return result  # the server asked for time: the next round
                    if not rows:
                        continue  # changes held back behind the batch may go now
                if not rows:
                    return result
                sender_name = self._sender(rows)
                flying = (rows, sender.submit(self.client.push_batch, [
                    BatchWrite(r.idempotency_key, _write_kind(r.kind), r.entity_key,
                               _sent_body(r, sender_name), r.if_match)
                    for r in rows]))

    def _sender(self, rows: Sequence[_Row]) -> str | None:
        """The signed-in user's name, asked of the server only when a row needs it."""
        if any(r.kind in _AUTHORED for r in rows):
            return self.client.signed_in_user()
        return None

    # -- choosing ------------------------------------------------------------------------

    def _take_batch(self, flying: Sequence[_Row] = ()) -> list[_Row]:
        with self.store.session() as s:
            c = s.connection()
            blocked = set(c.execute(select(_T.c.entity_key).where(
                _T.c.state.in_((OutboxState.CONFLICT, OutboxState.FAILED)))).scalars())
            blocked.update(r.entity_key for r in flying)
            flying_ids = {r.id for r in flying}
            taken: list[_Row] = []
            seen: set[str] = set()
            last_id = 0
            while len(taken) < self.batch_size:
                found = c.execute(
                    select(_T.c.id, _T.c.kind, _T.c.entity_key, _T.c.idempotency_key,
                           _T.c.if_match, type_coerce(_T.c.body, Text).label("body"))
                    .where(_T.c.state == OutboxState.PENDING, _T.c.kind != "photo",
                           _T.c.id > last_id)
                    .order_by(_T.c.id).limit(self.batch_size * 2)).all()
                if not found:
                    break
                for row in found:
                    last_id = row.id
                    if row.id in flying_ids:
                        continue
                    key = row.entity_key
                    if key in blocked or key in seen:
                        seen.add(key)
                        continue
                    seen.add(key)
                    taken.append(_Row(row.id, row.kind, key, row.idempotency_key,
                                      row.if_match, row.body))
                    if len(taken) >= self.batch_size:
                        break
            if taken:
                # Committed before the request leaves: a row attempted once may have
                # reached the server, so it is never rewritten in place (services/outbox).
                c.execute(update(OutboxRow).where(OutboxRow.id.in_([r.id for r in taken]))
                          .values(attempts=OutboxRow.attempts + 1))
            return taken

    def _untake(self, rows: list[_Row]) -> None:
        """Rows chosen but not sent: their attempt did not happen."""
        if not rows:
            return
        with self.store.session() as s:
            s.execute(update(OutboxRow).where(OutboxRow.id.in_([r.id for r in rows]))
                      .values(attempts=OutboxRow.attempts - 1))

    # -- answers -------------------------------------------------------------------------

    def _record(self, rows: list[_Row], answers: list[BatchResult],
                result: PushResult) -> None:
        now = self.clock()
        by_key = {a.key: a for a in answers}
        sent: list[dict[str, Any]] = []
        versions: dict[str, list[dict[str, Any]]] = {k: [] for k in _VERSIONED}
        with self.store.session() as s:
            c = s.connection()
            # Records with more changes queued behind this batch's (most have none).
            followed: set[str] = set()
            keys = [r.entity_key for r in rows]
            for start in range(0, len(keys), 500):
                # The batch's own rows are still pending: a follower makes two.
                followed.update(c.execute(
                    select(_T.c.entity_key).where(
                        _T.c.entity_key.in_(keys[start:start + 500]),
                        _T.c.state == OutboxState.PENDING)
                    .group_by(_T.c.entity_key).having(func.count() > 1)).scalars())
            for row in rows:
                answer = by_key.get(row.idempotency_key)
                if answer is None:
                    result.retry_later += 1
                    continue
                if answer.ok:
                    sent.append({"b_id": row.id, "status": answer.status, "sent_at": now})
                    self._after_sent(c, row, answer.body, versions,
                                     row.entity_key in followed)
                    result.sent += 1
                elif answer.status == 412:
                    self._conflict(c, row, answer, now)
                    result.conflicts += 1
                elif answer.status in _TRY_AGAIN and not _recorded_already(answer.body):
                    self._mark(c, row.id, OutboxState.PENDING, answer.status,
                               _problem_text(answer.body, answer.status))
                    result.retry_later += 1
                else:
                    if answer.status == 423:
                        self._restricted(c, row)
                    self._mark(c, row.id, OutboxState.FAILED, answer.status,
                               _problem_text(answer.body, answer.status))
                    result.failed += 1
            for kind, params in versions.items():
                if params:
                    model, key = _VERSIONED[kind]
                    c.execute(update(model).where(key == bindparam("b_key"))
                              .values(server_version=bindparam("b_version")), params)
            if sent:
                c.execute(
                    update(_T).where(_T.c.id == bindparam("b_id"))
                    .values(state=OutboxState.SENT, last_status=bindparam("status"),
                            last_error=None, sent_at=bindparam("sent_at")), sent)

    def _after_sent(self, c: Connection, row: _Row, body: dict[str, Any] | None,
                    versions: dict[str, list[dict[str, Any]]], followed: bool) -> None:
        version = _version(body)
        if version is None:
            return
        if row.kind in _ON_RETURN:
            versions["receipt"].append({"b_key": row.entity_key, "b_version": version})
        elif row.kind in _ON_INSPECTION:
            versions["inspection"].append({"b_key": row.entity_key, "b_version": version})
        elif row.kind in _VERSIONED:
            versions[row.kind].append({"b_key": row.entity_key, "b_version": version})
        else:
            return
        if not followed:
            return
        base = (_T.c.if_match.is_(None) if row.if_match is None
                else _T.c.if_match == row.if_match)
        c.execute(update(_T).where(and_(_T.c.entity_key == row.entity_key,
                                        _T.c.state == OutboxState.PENDING, _T.c.id > row.id, base))
                  .values(if_match=version))

    def _conflict(self, c: Connection, row: _Row, answer: BatchResult,
                  now: datetime) -> None:
        current = answered_entity((answer.body or {}).get("current"))
        self._mark(c, row.id, OutboxState.CONFLICT, 412, _problem_text(answer.body, 412))
        c.execute(table_of(SyncConflict).insert().values(
            outbox_id=row.id, kind=row.kind, entity_key=row.entity_key,
            server_entity=current.to_json() if current else None,
            server_version=current.version if current else None,
            detected_at=now))
        log.info("conflict: %s %s changed on the server", row.kind, row.entity_key)

    def _restricted(self, c: Connection, row: _Row) -> None:
        rma = row.entity_key if row.kind == "receipt" else row.body.get("rma_number")
        if isinstance(rma, str):
            c.execute(update(ReturnRequest).where(ReturnRequest.rma_number == rma)
                      .values(restricted=True, restricted_reason=func.coalesce(
                              ReturnRequest.restricted_reason, "Restricted by Livenon")))

    @staticmethod
    def _mark(c: Connection, row_id: int, state: OutboxState, status: int,
              error: str) -> None:
        c.execute(update(_T).where(_T.c.id == row_id).values(
            state=state, last_status=status, last_error=error))

    # -- photos --------------------------------------------------------------------------

    def _photos(self, result: PushResult) -> None:
        with self.store.read_session() as s:
            rows = s.execute(select(_T.c.id, _T.c.entity_key, _T.c.idempotency_key,
                                    _T.c.body)
                             .where(_T.c.state == OutboxState.PENDING, _T.c.kind == "photo")
                             .order_by(_T.c.id)).all()
        for row in rows:
            content = self._photo_bytes(row.body)
            if content is None:
                with self.store.session() as s:
                    self._mark(s.connection(), row.id, OutboxState.FAILED, 0,
                               "The photo file is missing from this workstation.")
                result.failed += 1
                continue
            with self.store.session() as s:
                s.connection().execute(update(_T).where(_T.c.id == row.id).values(
                    attempts=_T.c.attempts + 1))
            try:
                uploaded = self.client.upload_photo(
                    content, str(row.body.get("media_type") or "image/jpeg"),
                    key=row.idempotency_key)
            except SyncError as exc:
                if exc.status is None or exc.status in _TRY_AGAIN or exc.status == 401:
                    raise
                with self.store.session() as s:
                    self._mark(s.connection(), row.id, OutboxState.FAILED, exc.status,
                               exc.message)
                result.failed += 1
                continue
            with self.store.session() as s:
                s.connection().execute(update(_T).where(_T.c.id == row.id).values(
                    state=OutboxState.SENT, sent_at=self.clock(),
                    last_status=201 if uploaded.uploaded else 200, last_error=None))
            if uploaded.uploaded:
                result.photos_sent += 1
            else:
                result.photos_skipped += 1

    def _photo_bytes(self, body: dict[str, Any]) -> bytes | None:
        if self.photos is None:
            return None
        try:
            return self.photos.path(str(body.get("file_name"))).read_bytes()
        except OSError:
            return None


def _recorded_already(body: dict[str, Any] | None) -> bool:
    """A 409 that no retry changes: the server holds another record under this one's
    identity (an email application answered by another desk), not a request in flight."""
    return str((body or {}).get("type", "")).endswith(":already-answered")


def _version(body: dict[str, Any] | None) -> int | None:
    entity = answered_entity(body)
    return entity.version if entity is not None else None


_AUTHORED = {"override": "by", "audit_event": "actor", "mail_answer": "answered_by"}


def _sent_body(row: _Row, sender: str | None) -> dict[str, Any] | StoredJson:
    """The body as the outbox keeps it, or, for a change that names its author, as the
    signed-in user sends it."""
    if row.kind in _AUTHORED:
        return signed_as(row.kind, row.body, sender)
    return StoredJson(row.body_text)


def signed_as(kind: str, body: dict[str, Any], sender: str | None) -> dict[str, Any]:
    """The body as the signed-in user sends it. The server records who sends a change
    and refuses a body that names someone else, so an override's ``by`` and an audit
    event's ``actor`` are the sender's; the name the desk recorded, if another, goes along
    in the event's details (``desk_actor``)."""
    field_name = _AUTHORED.get(kind)
    if field_name is None or sender is None or body.get(field_name) == sender:
        return body
    signed = {**body, field_name: sender}
    if kind == "audit_event":
        signed["details"] = {**(body.get("details") or {}), "desk_actor": body.get("actor")}
    return signed


def _write_kind(kind: str) -> WriteKind:
    if kind == "receipt":
        return "receipt"
    if kind == "inspection":
        return "inspection"
    if kind == "override":
        return "override"
    if kind == "audit_event":
        return "audit_event"
    if kind == "refund_decision":
        return "refund_decision"
    if kind == "unit":
        return "unit"
    if kind == "unit_move":
        return "unit_move"
    if kind == "mail_answer":
        return "mail_answer"
    if kind == "work_order":
        return "work_order"
    if kind == "rtv_shipment":
        return "rtv_shipment"
    if kind == "lot":
        return "lot"
    raise ValueError(f"not a batch write: {kind}")
