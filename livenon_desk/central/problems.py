"""Errors as ``application/problem+json`` (RFC 9457): type, title, status, detail.

Handlers turn every error the framework raises (malformed JSON, a missing header, a route
that does not exist) into a problem too, so a client never has to parse two shapes; a
request the server cannot understand is a 400 or a 422, never a 500.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:livenon:problem:"


class ProblemError(Exception):
    """A request refused with a problem document; ``extra`` adds members (e.g. ``current``)."""

    def __init__(
        self,
        status: int,
        slug: str,
        title: str,
        detail: str = "",
        *,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {title}: {detail}")
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.extra = extra or {}
        self.headers = headers or {}

    def document(self) -> dict[str, Any]:
        return problem_document(self.status, self.slug, self.title, self.detail, self.extra)


def problem_document(
    status: int, slug: str, title: str, detail: str = "", extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    doc: dict[str, Any] = {"type": TYPE_PREFIX + slug, "title": title, "status": status}
    if detail:
        doc["detail"] = detail
    doc.update(extra or {})
    return doc


def problem_response(
    document: dict[str, Any], headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        document, status_code=int(document["status"]), media_type=PROBLEM_JSON, headers=headers
    )


def _validation_problem(exc: RequestValidationError) -> dict[str, Any]:
    errors = [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")),
         "type": str(e.get("type", ""))}
        for e in exc.errors()
    ]
    malformed = any(e["type"] == "json_invalid" for e in errors)
    in_headers = any(e["loc"][:1] == ["header"] for e in errors)
    if malformed:
        return problem_document(400, "malformed-json", "Malformed JSON",
                                "The request body is not valid JSON.", {"errors": errors})
    if in_headers:
        return problem_document(400, "bad-header", "Missing or invalid header",
                                "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in errors
                                          if e["loc"][:1] == ["header"]),
                                {"errors": errors})
    return problem_document(422, "invalid-request", "Invalid request",
                            f"{len(errors)} field(s) failed validation.", {"errors": errors})


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request) -> str:
    """Every method some route of the app serves at this request's path."""
    routes = request.app.router.routes
    methods = [m for m in _METHODS
               if any(r.matches({**request.scope, "method": m})[0] == Match.FULL
                      for r in routes)]
    return ", ".join(methods)


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(_request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc.document(), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(_validation_problem(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        slug = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        headers = dict(exc.headers) if exc.headers else None
        if exc.status_code == 405:
            # The router names only the first route that matched the path; a path served
            # by several (HEAD and PUT /photos/{sha256}) must list every method it takes.
            headers = {**(headers or {}), "Allow": allowed_methods(request)}
        return problem_response(
            problem_document(exc.status_code, slug, str(exc.detail)), headers
        )

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        log.error("bug while serving %s %s", request.method, request.url.path, exc_info=exc)
        return problem_response(
            problem_document(500, "internal", "Internal server error",
                             "Something went wrong on the server; it has been logged.")
        )
