"""Sign-in lockout, as at the desk: after N wrong passwords in a row a user is locked out
for a while, and during that time even the right password is refused.

Only users that exist are counted, so a stranger's guesses make no rows. The state is in
the ``sign_in_failures`` table, read and written inside the sign-in's write transaction,
so several server processes share one count.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, delete, insert, select, update

from livenon_desk.central import tables

log = logging.getLogger(__name__)

_t = tables.sign_in_failures


def locked_until(c: Connection, username: str, now: int) -> int | None:
    """The end of the user's lockout if it is still running, else None."""
    until = c.execute(select(_t.c.locked_until).where(_t.c.username == username)).scalar()
    return int(until) if until is not None and until > now else None


def count_failure(c: Connection, username: str, now: int, limit: int,
                  seconds: int) -> int | None:
    """One more wrong password; returns the lockout's end when this one starts it."""
    exists = c.execute(select(tables.users.c.username)
                       .where(tables.users.c.username == username)).first()
    if exists is None:
        return None
    row = c.execute(select(_t.c.failures, _t.c.locked_until)
                    .where(_t.c.username == username)).first()
    failures = 1
    if row is None:
        c.execute(insert(_t).values(username=username, failures=1, locked_until=None))
    else:
        # A lockout that has run out starts the count again.
        failures = 1 if row.locked_until is not None else int(row.failures) + 1
        c.execute(update(_t).where(_t.c.username == username)
                  .values(failures=failures, locked_until=None))
    if failures < limit:
        return None
    until = now + seconds
    c.execute(update(_t).where(_t.c.username == username)
              .values(failures=0, locked_until=until))
    log.warning("user %r locked out for %d s after %d wrong passwords", username, seconds,
                limit)
    return until


def clear(c: Connection, username: str) -> None:
    c.execute(delete(_t).where(_t.c.username == username))
