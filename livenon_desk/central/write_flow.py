"""How a write is carried out: once per Idempotency-Key, alone or in a batch.

A batch is one transaction: every item that is new runs inside a savepoint (a refused
item rolls back only itself) and stores its answer under its own key, and one commit
makes them all durable; a retry of the batch after a lost answer replays each item.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Connection
from sqlalchemy.exc import DataError, IntegrityError

from livenon_desk.central import idempotency, records
from livenon_desk.central.auth import Principal
from livenon_desk.central.context import CentralContext
from livenon_desk.central.database import SEQ_BLOCK, reserve_seqs, return_unused_seqs
from livenon_desk.central.idempotency import StoredResponse
from livenon_desk.central.problems import ProblemError, problem_document
from livenon_desk.central.writes import APPLY, WriteRequest
from livenon_desk.wire.bodies import BatchItem, BatchItemResult, Code

log = logging.getLogger(__name__)

_ENTITY_ID: TypeAdapter[str] = TypeAdapter(Code)


@dataclass(frozen=True)
class WriteOutcome:
    response: StoredResponse
    replayed: bool


def perform_write(
    context: CentralContext, who: Principal, key: str, req: WriteRequest
) -> WriteOutcome:
    idempotency.check_key(key)
    fp = idempotency.fingerprint(req.kind, req.entity_id, req.if_match, req.dump())
    now = int(context.clock())
    lease = context.settings.in_flight_lease_seconds
    db = context.db
    stored = idempotency.claim(db, who.username, key, fp, now, lease)
    if stored is not None:
        log.info("replayed %s %s for %s", req.kind, req.entity_id, who.username)
        return WriteOutcome(stored, replayed=True)
    try:
        if context.faults is not None:
            context.faults.maybe_pause(key)
        _, apply = APPLY[req.kind]
        with db.write() as c:
            response = apply(c, who, req)
            idempotency.complete(c, who.username, key, fp, now, response, claimed=True)
    except BaseException:
        idempotency.release(db, who.username, key)
        raise
    return WriteOutcome(response, replayed=False)


def validation_errors(exc: ValidationError) -> list[dict[str, Any]]:
    return [{"loc": [str(p) for p in e["loc"]], "msg": e["msg"], "type": e["type"]}
            for e in exc.errors()]


def perform_batch(
    context: CentralContext, who: Principal, items: list[BatchItem]
) -> list[BatchItemResult]:
    limit = context.settings.max_batch_items
    if len(items) > limit:
        raise ProblemError(422, "batch-too-large", "Batch too large",
                           f"{len(items)} items; at most {limit} per batch.")
    now = int(context.clock())
    with context.db.write() as c:
        try:
            _prefetch(c, who, items)
            results = [_batch_item(c, context, who, item, now) for item in items]
            records.flush_inserts(c)
            idempotency.flush_answers(c)
            return_unused_seqs(c)
        finally:
            for name in (records.CACHE, records.PENDING, records.PENDING_KEYS,
                         idempotency.KNOWN, idempotency.PENDING, SEQ_BLOCK):
                c.info.pop(name, None)
    log.info("batch of %d from %s", len(items), who.username)
    return results


def _prefetch(c: Connection, who: Principal, items: list[BatchItem]) -> None:
    """What the items will read, read at once: their keys' records, their entities."""
    # Only well-formed keys and ids: a bad one is refused with its item, not read here.
    idempotency.prefetch(c, who.username, [i.key for i in items
                                           if idempotency.well_formed_key(i.key)])
    inspections = {i.entity_id for i in items if i.kind in ("inspection", "override")}
    returns = {i.entity_id for i in items if i.kind == "receipt"}
    returns |= {str(i.body.get("rma_number")) for i in items
                if i.kind == "inspection" and isinstance(i.body, dict)}
    records.prefetch(c, "inspection", {k for k in inspections if _is_code(k)})
    records.prefetch(c, "return", {k for k in returns if _is_code(k)})
    reserve_seqs(c, len(items))
    # On SQLite nothing can race the batch (see _batch_item): its new rows are written
    # together at the end. Elsewhere each item writes at once, under its savepoint.
    if c.dialect.name == "sqlite":
        records.gather_inserts(c)
        c.info[idempotency.PENDING] = []


def _result(*, key: str, status: int, body: dict[str, Any] | None) -> BatchItemResult:
    """An item's answer, made from values the server itself made: not validated again
    (a thousand answers' bodies would each be copied key by key)."""
    return BatchItemResult.model_construct(key=key, status=status, body=body)


def _is_code(value: str) -> bool:
    try:
        _ENTITY_ID.validate_python(value)
    except ValidationError:
        return False
    return True


def _batch_item(
    c: Connection, context: CentralContext, who: Principal, item: BatchItem, now: int
) -> BatchItemResult:
    model, apply = APPLY[item.kind]
    try:
        idempotency.check_key(item.key)
        try:
            _ENTITY_ID.validate_python(item.entity_id)
        except ValidationError as exc:
            raise ProblemError(422, "invalid-request", "Invalid request",
                               "The entity_id failed validation.",
                               extra={"errors": validation_errors(exc)}) from None
        try:
            body = model.model_validate(item.body)
        except ValidationError as exc:
            raise ProblemError(422, "invalid-request", "Invalid request",
                               f"The {item.kind} body failed validation.",
                               extra={"errors": validation_errors(exc)}) from None
        req = WriteRequest(item.kind, item.entity_id, item.if_match, body)
        fp = idempotency.fingerprint(req.kind, req.entity_id, req.if_match, req.dump())
        stored = idempotency.lookup(c, who.username, item.key, fp, now,
                                    context.settings.in_flight_lease_seconds)
        if stored is not None:
            return _result(key=item.key, status=stored.status, body=stored.body)
        # An item that is refused has changed nothing (see writes.py); a savepoint guards
        # against another transaction writing the same key at the same moment, which
        # SQLite's write lock, held for the whole batch, already rules out.
        savepoint = c.begin_nested() if c.dialect.name != "sqlite" else None
        try:
            response = apply(c, who, req)
            idempotency.complete(c, who.username, item.key, fp, now, response, claimed=False)
        except BaseException:
            if savepoint is not None:
                savepoint.rollback()
            _forget(c, item)
            raise
        if savepoint is not None:
            savepoint.commit()
        return _result(key=item.key, status=response.status, body=response.body)
    except ProblemError as exc:
        return _result(key=item.key, status=exc.status, body=exc.document())
    except DataError as exc:
        # A value the database cannot hold that validation let through: this item's fault.
        log.warning("batch item %s refused by the database: %s", item.kind, exc.orig)
        return _result(key=item.key, status=422, body=problem_document(
            422, "invalid-request", "Invalid request",
            "A value in this change cannot be stored."))
    except IntegrityError:
        # Another transaction wrote the same key (or record) at the same moment.
        return _result(key=item.key, status=409, body=problem_document(
            409, "request-in-flight", "Request still in progress",
            "The same change is being written by another request; try again."))


_WRITES = {"receipt": "return", "inspection": "inspection", "override": "inspection",
           "unit": "unit", "work_order": "work_order", "rtv_shipment": "rtv_shipment",
           "lot": "lot"}


def _forget(c: Connection, item: BatchItem) -> None:
    """What a refused item may have read or written is read again if needed."""
    kind = _WRITES.get(item.kind)
    cache = c.info.get(records.CACHE)
    if kind is not None and cache is not None:
        cache.pop((kind, item.entity_id), None)
    c.info.get(idempotency.KNOWN, {}).pop(item.key, None)
