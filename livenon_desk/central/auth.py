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

from livenon_desk.central import tables
from livenon_desk.central.context import CentralContext, central_context
from livenon_desk.central.passwords import user_role
from livenon_desk.central.problems import ProblemError
from livenon_desk.central.rate_limit import retry_after_header

log = logging.getLogger(__name__)

_bearer = HTTPBearer(auto_error=False)


@dataclass(frozen=True)
class Principal:
    username: str
    role: str


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
    with context.db.write() as c:
        role = user_role(c, username, password, context.settings.password_iterations)
        if role is None:
            log.info("sign-in refused for %r", username)
            raise ProblemError(401, "bad-credentials", "Wrong username or password",
                               headers={"WWW-Authenticate": "Bearer"})
        now = int(context.clock())
        c.execute(delete(tables.tokens).where(tables.tokens.c.expires_at < now))
        token = secrets.token_urlsafe(32)
        lifetime = context.settings.token_lifetime_seconds
        c.execute(insert(tables.tokens).values(
            token_sha256=_digest(token), username=username, expires_at=now + lifetime))
    log.info("signed in %r as %s", username, role)
    return IssuedToken(token, role, lifetime)


def _unauthorized(detail: str) -> ProblemError:
    return ProblemError(401, "unauthorized", "Not signed in", detail,
                        headers={"WWW-Authenticate": "Bearer"})


def current_principal(
    context: Annotated[CentralContext, Depends(central_context)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
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
    return Principal(str(row.username), str(row.role))


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def require_supervisor(principal: Principal) -> None:
    """Only a supervisor (or an admin) overrides a decision."""
    if principal.role not in ("supervisor", "admin"):
        raise ProblemError(403, "forbidden", "Not allowed",
                           "Only a supervisor may override an eligibility decision.")
