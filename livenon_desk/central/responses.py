"""The status codes each route documents besides its success (checked against the file)."""

from __future__ import annotations

from typing import Any

from livenon_desk.central.problems import PROBLEM_JSON

_PROBLEM_SCHEMA: dict[str, Any] = {"$ref": "#/components/schemas/Problem"}

_WHY = {
    200: "Done before: the stored answer, or nothing new to do",
    201: "Created",
    400: "Malformed request (bad JSON, a missing or bad header, a bad cursor)",
    401: "Not signed in, or the token expired",
    403: "The user's role may not do this, or the body names another user as its author",
    404: "No such record",
    409: "A request with this Idempotency-Key is still in progress, or the record exists",
    412: "The record changed on the server; the body's `current` holds it",
    413: "Body too large",
    422: "The body failed validation, or the Idempotency-Key was used for another request",
    423: "The return is restricted: read-only",
    428: "The record exists: If-Match is required",
    429: "Too many requests; wait for Retry-After seconds",
}


def documented(*codes: int) -> dict[int | str, dict[str, Any]]:
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        if code < 300:
            out[code] = {"description": _WHY[code]}
        else:
            out[code] = {"description": _WHY[code],
                         "content": {PROBLEM_JSON: {"schema": _PROBLEM_SCHEMA}}}
    return out
