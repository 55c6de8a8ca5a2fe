"""What can go wrong talking to the central API, as errors the user can act on.

Each carries the server's problem document (when there was one) and the HTTP status, so
that the outbox can decide what to do with a change: keep it for later (offline, busy),
ask the user (conflict, restricted), or mark it failed with the server's reason.
"""

from __future__ import annotations

from typing import Any

from livenon_desk.errors import KnownError


class SyncError(KnownError):
    def __init__(self, message_id: str, /, *, status: int | None = None,
                 problem: dict[str, Any] | None = None, **values: object) -> None:
        super().__init__(message_id, **values)
        self.status = status
        self.problem = problem or {}


class OfflineError(SyncError):
    """The server could not be reached, or the connection broke, after every retry."""

    def __init__(self, why: str) -> None:
        super().__init__("error.central-offline", why=why)


class MalformedAnswerError(SyncError):
    """The server answered 2xx with a body the contract does not allow."""

    def __init__(self, what: str, detail: str) -> None:
        super().__init__("error.central-malformed-answer", detail=f"{what}: {detail}")


class InsecureConnectionError(SyncError):
    """TLS could not be verified, or plain HTTP was asked for a remote server."""


class AuthError(SyncError):
    """401: wrong username or password, or the token expired."""

    def __init__(self, status: int = 401, problem: dict[str, Any] | None = None) -> None:
        super().__init__("error.central-sign-in-failed", status=status, problem=problem)


class PermissionDeniedError(SyncError):
    """403: the user's role may not do this (e.g. an inspector overriding a decision)."""

    def __init__(self, problem: dict[str, Any] | None = None) -> None:
        super().__init__("error.central-forbidden", status=403, problem=problem)


class ConflictError(SyncError):
    """412: the record changed on the server; ``current`` is the server's version of it."""

    def __init__(self, current: dict[str, Any] | None,
                 problem: dict[str, Any] | None = None) -> None:
        super().__init__("error.central-conflict", status=412, problem=problem)
        self.current = current


class InFlightError(SyncError):
    """409: the same change is still being processed; it is sent again later."""

    def __init__(self, problem: dict[str, Any] | None = None) -> None:
        super().__init__("error.central-in-flight", status=409, problem=problem)


class RestrictedError(SyncError):
    """423: the return's processing is restricted: read-only."""

    def __init__(self, problem: dict[str, Any] | None = None) -> None:
        super().__init__("error.central-restricted", status=423, problem=problem)


class BusyError(SyncError):
    """429 or 5xx after every retry: the server is there but cannot take the request now."""

    def __init__(self, status: int, problem: dict[str, Any] | None = None) -> None:
        super().__init__("error.central-busy", status=status, problem=problem, code=status)


class RejectedError(SyncError):
    """Another 4xx: the server refused the request as it is; resending will not help."""

    def __init__(self, status: int, problem: dict[str, Any] | None = None) -> None:
        problem = problem or {}
        reason = str(problem.get("detail") or problem.get("title") or f"HTTP {status}")
        super().__init__("error.central-refused", status=status, problem=problem, reason=reason)


def error_for(status: int, problem: dict[str, Any] | None) -> SyncError:
    """The error for a final answer with ``status`` (one that is not retried any more)."""
    problem = problem or {}
    if status == 401:
        return AuthError(status, problem)
    if status == 403:
        return PermissionDeniedError(problem)
    if status == 412:
        current = problem.get("current")
        return ConflictError(current if isinstance(current, dict) else None, problem)
    if status == 409 and problem.get("type", "").endswith("request-in-flight"):
        return InFlightError(problem)
    if status == 423:
        return RestrictedError(problem)
    if status == 429 or status >= 500:
        return BusyError(status, problem)
    return RejectedError(status, problem)
