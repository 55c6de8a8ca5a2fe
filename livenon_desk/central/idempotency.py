"""The idempotency record of each write: a retry gets the stored answer, never a second write.

A single write is done in two transactions: ``claim`` records the key as in flight (and
commits), then the write's own transaction stores the answer with ``complete`` in the
same commit as the change. A retry with the same key and the same fingerprint gets the
stored answer (or 409 while the first is still running); the same key with another
fingerprint is a client bug: 422. A write that is refused (412, 404, ...) changes nothing
and ``release`` forgets its claim, so only answers of writes that happened are replayed.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from livenon_desk.central import tables
from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.problems import ProblemError

IN_FLIGHT = "in_flight"
DONE = "done"
_KEY = re.compile(r"[\x21-\x7e]{1,200}")
_T = tables.idempotency
_MINE = (_T.c.username == bindparam("b_user"), _T.c.key == bindparam("b_key"))
# Built once: a batch runs them for every item.
_LOOKUP = select(_T.c.fingerprint, _T.c.state, _T.c.claimed_at, _T.c.status, _T.c.response,
                 _T.c.etag).where(*_MINE)
_FORGET = delete(_T).where(*_MINE)
_INSERT = insert(_T)
_FINISH = update(_T).where(*_MINE)


@dataclass(frozen=True)
class StoredResponse:
    status: int
    body: dict[str, Any] | None
    etag: str | None = None


def well_formed_key(key: str) -> bool:
    return _KEY.fullmatch(key) is not None


def check_key(key: str) -> str:
    if not well_formed_key(key):
        raise ProblemError(400, "bad-idempotency-key", "Bad Idempotency-Key",
                           "Idempotency-Key must be 1-200 visible ASCII characters.")
    return key


def fingerprint(kind: str, entity_id: str, if_match: int | None, body: Any) -> str:
    """The request's identity: the same change sent alone or inside a batch is the same."""
    canonical = json.dumps([kind, entity_id, if_match, body], sort_keys=True,
                           separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _reused() -> ProblemError:
    return ProblemError(422, "idempotency-key-reused", "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different request.")


def _in_flight() -> ProblemError:
    return ProblemError(409, "request-in-flight", "Request still in progress",
                        "A request with this Idempotency-Key is still being processed.")


KNOWN = "livenon_idempotency"
# A batch stores its answers together, in one statement, before it commits.
PENDING = "livenon_pending_answers"


def flush_answers(connection: Connection) -> None:
    pending: list[dict[str, Any]] | None = connection.info.get(PENDING)
    if pending:
        connection.execute(_INSERT, pending)
        pending.clear()


@dataclass(frozen=True)
class _Row:
    fingerprint: str
    state: str
    claimed_at: int
    status: int | None
    response: dict[str, Any] | None
    etag: str | None


def prefetch(connection: Connection, username: str, keys: list[str]) -> None:
    """A batch reads the records of all its keys at once (absent ones as None)."""
    known: dict[str, _Row | None] = connection.info.setdefault(KNOWN, {})
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        for key in chunk:
            known.setdefault(key, None)
        rows = connection.execute(
            select(_T.c.key, _T.c.fingerprint, _T.c.state, _T.c.claimed_at, _T.c.status,
                   _T.c.response, _T.c.etag)
            .where(_T.c.username == username, _T.c.key.in_(chunk)))
        for row in rows:
            known[str(row.key)] = _Row(row.fingerprint, row.state, row.claimed_at,
                                       row.status, row.response, row.etag)


def lookup(connection: Connection, username: str, key: str, fp: str,
           now: int, lease: int) -> StoredResponse | None:
    """The stored answer for a retry; None if the key is new (or its claim has lapsed)."""
    known: dict[str, _Row | None] | None = connection.info.get(KNOWN)
    if known is not None and key in known:
        row: Any = known[key]
    else:
        row = connection.execute(_LOOKUP, {"b_user": username, "b_key": key}).first()
    if row is None:
        return None
    if row.fingerprint != fp:
        raise _reused()
    if row.state == DONE:
        return StoredResponse(int(row.status), row.response, row.etag)
    if now - row.claimed_at < lease:
        raise _in_flight()
    return None


def claim(db: CentralDatabase, username: str, key: str, fp: str,
          now: int, lease: int) -> StoredResponse | None:
    """Record the key as in flight; or the stored answer if it was already done."""
    with db.write() as c:
        stored = lookup(c, username, key, fp, now, lease)
        if stored is not None:
            return stored
        c.execute(_FORGET, {"b_user": username, "b_key": key})
        c.execute(_INSERT, {"username": username, "key": key, "fingerprint": fp,
                            "state": IN_FLIGHT, "claimed_at": now})
    return None


def complete(connection: Connection, username: str, key: str, fp: str, now: int,
             response: StoredResponse, *, claimed: bool) -> None:
    """Store the answer, in the transaction that made the change."""
    values = {"state": DONE, "status": response.status, "response": response.body,
              "etag": response.etag}
    known: dict[str, _Row | None] | None = connection.info.get(KNOWN)
    if claimed:
        connection.execute(_FINISH, {"b_user": username, "b_key": key, **values})
    else:
        if known is None or known.get(key) is not None:
            # A lapsed claim of a request that died may still be there.
            connection.execute(_FORGET, {"b_user": username, "b_key": key})
        row = {"username": username, "key": key, "fingerprint": fp, "claimed_at": now,
               **values}
        pending: list[dict[str, Any]] | None = connection.info.get(PENDING)
        if pending is not None:
            pending.append(row)
        else:
            connection.execute(_INSERT, row)
    if known is not None:
        known[key] = _Row(fp, DONE, now, response.status, response.body, response.etag)


def release(db: CentralDatabase, username: str, key: str) -> None:
    t = tables.idempotency
    with db.write() as c:
        c.execute(delete(t).where(t.c.username == username, t.c.key == key,
                                  t.c.state == IN_FLIGHT))
