"""What can go wrong talking to the central API, as errors the user can act on.

Each carries the server's problem document (when there was one) and the HTTP status, so
that the outbox can decide what to do with a change: keep it for later (offline, busy),
ask the user (conflict, restricted), or mark it failed with the server's reason.
"""

from __future__ import annotations

from typing import Any

from livenon_desk.errors import KnownError


class SyncError(KnownError):
    def __init__(self, message: str, message_zh: str, *, status: int | None = None,
                 problem: dict[str, Any] | None = None) -> None:
        super().__init__(message, message_zh)
        self.status = status
        self.problem = problem or {}


class OfflineError(SyncError):
    """The server could not be reached, or the connection broke, after every retry."""

    def __init__(self, why: str) -> None:
        super().__init__(
            f"The central server cannot be reached ({why}); your work is kept on this "
            "workstation and will be sent when the server is back.",
            f"无法连接中央服务器（{why}）；工作已保存在本机，服务器恢复后会自动发送。",
        )


class MalformedAnswerError(SyncError):
    """The server answered 2xx with a body the contract does not allow."""

    def __init__(self, what: str, detail: str) -> None:
        super().__init__(
            f"The central server's answer to {what} is not as the API says ({detail}); "
            "nothing was changed on this workstation.",
            f"中央服务器对{what}的应答不符合接口约定（{detail}）；本机未做任何更改。",
        )


class InsecureConnectionError(SyncError):
    """TLS could not be verified, or plain HTTP was asked for a remote server."""


class AuthError(SyncError):
    """401: wrong username or password, or the token expired."""

    def __init__(self, status: int = 401, problem: dict[str, Any] | None = None) -> None:
        super().__init__(
            "Signing in to the central server failed or the session expired; sign in again.",
            "中央服务器登录失败或会话已过期；请重新登录。",
            status=status, problem=problem,
        )


class PermissionDeniedError(SyncError):
    """403: the user's role may not do this (e.g. an inspector overriding a decision)."""

    def __init__(self, problem: dict[str, Any] | None = None) -> None:
        super().__init__(
            "The central server does not allow your role to do this.",
            "中央服务器不允许您的角色执行此操作。",
            status=403, problem=problem,
        )


class ConflictError(SyncError):
    """412: the record changed on the server; ``current`` is the server's version of it."""

    def __init__(self, current: dict[str, Any] | None,
                 problem: dict[str, Any] | None = None) -> None:
        super().__init__(
            "This record was changed on the central server since you last saw it; "
            "compare the two versions and choose.",
            "此记录在您上次查看后已在中央服务器上被修改；请比较两个版本后选择。",
            status=412, problem=problem,
        )
        self.current = current


class InFlightError(SyncError):
    """409: the same change is still being processed; it is sent again later."""

    def __init__(self, problem: dict[str, Any] | None = None) -> None:
        super().__init__(
            "The central server is still processing this change; it will be checked again.",
            "中央服务器仍在处理此更改；稍后会再次确认。",
            status=409, problem=problem,
        )


class RestrictedError(SyncError):
    """423: the return's processing is restricted: read-only."""

    def __init__(self, problem: dict[str, Any] | None = None) -> None:
        super().__init__(
            "This return is restricted by Livenon: it can be viewed but not changed.",
            "此退货已被 Livenon 限制处理：只能查看，不能修改。",
            status=423, problem=problem,
        )


class BusyError(SyncError):
    """429 or 5xx after every retry: the server is there but cannot take the request now."""

    def __init__(self, status: int, problem: dict[str, Any] | None = None) -> None:
        super().__init__(
            f"The central server is busy or failing (HTTP {status}); your work is kept and "
            "will be sent later.",
            f"中央服务器繁忙或出错（HTTP {status}）；工作已保存，稍后会再发送。",
            status=status, problem=problem,
        )


class RejectedError(SyncError):
    """Another 4xx: the server refused the request as it is; resending will not help."""

    def __init__(self, status: int, problem: dict[str, Any] | None = None) -> None:
        problem = problem or {}
        reason = str(problem.get("detail") or problem.get("title") or f"HTTP {status}")
        super().__init__(
            f"The central server refused the change: {reason}",
            f"中央服务器拒绝了此更改：{reason}",
            status=status, problem=problem,
        )


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
