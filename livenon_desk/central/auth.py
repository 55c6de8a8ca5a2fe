"""Sign-in and bearer tokens; the rate limit is charged to the token (or the address)."""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import delete, insert, select

from livenon_desk.central import lockout, tables
from livenon_desk.central.context import CentralContext, central_context
from livenon_desk.central.passwords import user_role
from livenon_desk.central.problems import ProblemError
from livenon_desk.central.rate_limit import retry_after_header
from livenon_desk.domain.station import is_warehouse_id
from livenon_desk.wire.bodies import WAREHOUSE_HEADER

log = logging.getLogger(__name__)

_bearer = HTTPBearer(auto_error=False)


@dataclass(frozen=True)
class Principal:
    username: str
    role: str
    # The warehouse the request says it comes from (the Warehouse-Id header): "" from a
    # station that names none, None from a desk of a release that did not send it.
    warehouse_id: str | None = None


@dataclass(frozen=True)
class IssuedToken:
    token: str
    role: str
    expires_in: int


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def charge(context: CentralContext, key: str) -> None:
    """Raise 429 with Retry-After when ``key`` has used up its bucket."""
    if context.buckets is None:
        return
    wait = context.buckets.take(key)
    if wait > 0:
        raise ProblemError(
            429, "too-many-requests", "Too many requests",
            "Slow down; try again after the time in Retry-After.",
            headers={"Retry-After": retry_after_header(wait)},
        )


def issue_token(context: CentralContext, username: str, password: str) -> IssuedToken:
    """A token for the right password; repeated wrong ones lock the user for a while (the
    count lives in the database, so every server process sees it)."""
    settings = context.settings
    now = int(context.clock())
    with context.db.write() as c:
        locked_until = lockout.locked_until(c, username, now)
        role, token = None, ""
        if locked_until is None:
            role = user_role(c, username, password, settings.password_hasher)
            if role is None:
                locked_until = lockout.count_failure(c, username, now,
                                                     settings.max_failed_sign_ins,
                                                     settings.lockout_seconds)
            else:
                lockout.clear(c, username)
                token = secrets.token_urlsafe(32)
                c.execute(delete(tables.tokens).where(tables.tokens.c.expires_at < now))
                c.execute(insert(tables.tokens).values(
                    token_sha256=_digest(token), username=username,
                    expires_at=now + settings.token_lifetime_seconds))
    if locked_until is not None:
        minutes = max(1, -(-(locked_until - now) // 60))
        log.warning("sign-in refused for %r: locked out for %d more minutes", username,
                    minutes)
        raise ProblemError(401, "account-locked", "Account locked",
                           f"Too many wrong passwords: this user is locked for {minutes} "
                           "more minutes.", headers={"WWW-Authenticate": "Bearer"})
    if role is None:
        log.info("sign-in refused for %r", username)
        raise ProblemError(401, "bad-credentials", "Wrong username or password",
                           headers={"WWW-Authenticate": "Bearer"})
    log.info("signed in %r as %s", username, role)
    return IssuedToken(token, role, settings.token_lifetime_seconds)


def _unauthorized(detail: str) -> ProblemError:
    return ProblemError(401, "unauthorized", "Not signed in", detail,
                        headers={"WWW-Authenticate": "Bearer"})


def current_principal(
    context: Annotated[CentralContext, Depends(central_context)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    request: Request,
) -> Principal:
    warehouse_id = _warehouse(request.headers.get(WAREHOUSE_HEADER))
    if credentials is None:
        raise _unauthorized("Send Authorization: Bearer TOKEN (from POST /auth/token).")
    digest = _digest(credentials.credentials)
    charge(context, digest)
    with context.db.read() as c:
        row = c.execute(
            select(tables.users.c.username, tables.users.c.role, tables.tokens.c.expires_at)
            .join(tables.users, tables.users.c.username == tables.tokens.c.username)
            .where(tables.tokens.c.token_sha256 == digest)
        ).first()
    if row is None or row.expires_at < context.clock():
        raise _unauthorized("The token is unknown or has expired; sign in again.")
    return Principal(str(row.username), str(row.role), warehouse_id)


def _warehouse(value: str | None) -> str | None:
    """The request's warehouse id as sent (empty: the station names none); a malformed one
    is refused rather than recorded, since the record is what says where a change came
    from."""
    if value is None:
        return None
    value = value.strip()
    if value and not is_warehouse_id(value):
        raise ProblemError(400, "bad-warehouse-id", "Malformed warehouse id",
                           f"{WAREHOUSE_HEADER} must be empty or a letter or digit followed "
                           "by up to 39 letters, digits, dots, dashes or underscores.")
    return value


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def require_supervisor(principal: Principal, what: str) -> None:
    """Only a supervisor (or an admin) overrides a decision or decides a refund."""
    if principal.role not in ("supervisor", "admin"):
        log.warning("%s (%s) was refused: only a supervisor may %s", principal.username,
                    principal.role, what)
        raise ProblemError(403, "forbidden", "Not allowed",
                           f"Only a supervisor may {what}.")


def signed_in_as(principal: Principal, claimed: str, field: str) -> str:
    """The name a write records as its author: always the signed-in user's. A body that
    names someone else is refused, not corrected: a desk that sends it has a bug or is
    trying to pass one user's work off as another's."""
    if claimed != principal.username:
        log.warning("%s sent a body whose %s names %r: refused", principal.username, field,
                    claimed)
        raise ProblemError(403, "identity-mismatch", "Not the signed-in user",
                           f"{field} is {claimed!r}, but this request is signed in as "
                           f"{principal.username!r}; the server records who sends a change.")
    return principal.username
