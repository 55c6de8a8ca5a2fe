"""The FastAPI application of the reference central server."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from livenon_desk.central import photo_routes, routes
from livenon_desk.central.context import CentralContext
from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.faults import FaultInjector, FaultMiddleware
from livenon_desk.central.problems import install_problem_handlers
from livenon_desk.central.rate_limit import Buckets, DatabaseBuckets, TokenBuckets
from livenon_desk.central.settings import CentralSettings

log = logging.getLogger(__name__)

TITLE = "Livenon central API"
API_VERSION = "1.0.0"

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
    },
    "additionalProperties": True,
}


def create_app(
    settings: CentralSettings,
    *,
    faults: FaultInjector | None = None,
    database: CentralDatabase | None = None,
) -> FastAPI:
    """The server on ``settings.database_url`` (tables made if missing). ``faults`` is for
    tests only: it lets them break connections on purpose."""
    db = database or CentralDatabase(settings.database_url)
    db.create_schema()
    buckets: Buckets | None = None
    if settings.rate_per_second is not None:
        # Several server processes share one PostgreSQL, and so its buckets.
        buckets = (TokenBuckets(settings.rate_per_second, settings.burst) if db.is_sqlite
                   else DatabaseBuckets(db, settings.rate_per_second, settings.burst))
    app = FastAPI(title=TITLE, version=API_VERSION, openapi_url="/api/v1/openapi.json",
                  docs_url="/api/v1/docs", redoc_url=None)
    app.state.central = CentralContext(db, settings, buckets, faults)
    install_problem_handlers(app)
    app.include_router(routes.router)
    app.include_router(photo_routes.router)
    if faults is not None:
        log.warning("fault injection is on: for tests only")
        app.add_middleware(FaultMiddleware, faults=faults)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=TITLE, version=API_VERSION, routes=app.routes)
            schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = (
                PROBLEM_SCHEMA)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def context_of(app: FastAPI) -> CentralContext:
    context: CentralContext = app.state.central
    return context
