"""``livenon-desk central``: make (and for a demo, fill) the database, then serve."""

from __future__ import annotations

import logging
from datetime import date

from argon2 import PasswordHasher
from sqlalchemy.exc import SQLAlchemyError

from livenon_desk.central.app import create_app
from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.demo_load import load_demo
from livenon_desk.central.passwords import set_user
from livenon_desk.central.serve import serve_forever
from livenon_desk.central.settings import CentralSettings
from livenon_desk.errors import DatabaseError

log = logging.getLogger(__name__)


def _open(url: str) -> CentralDatabase:
    db = CentralDatabase(url)
    try:
        db.create_schema()
    except SQLAlchemyError as exc:
        db.dispose()
        log.warning("cannot open the central database: %s", exc)
        raise DatabaseError(
            "error.central-database-unopenable",
            url=db.engine.url,
            why=exc.__class__.__name__,
        ) from exc
    return db


def run_central(
    settings: CentralSettings,
    *,
    host: str,
    port: int,
    demo_returns: int | None = None,
    seed: int = 2025,
    today: date | None = None,
    tls: tuple[str, str] | None = None,
) -> None:
    db = _open(settings.database_url)
    if demo_returns is not None:
        counts = load_demo(db, returns=demo_returns, seed=seed, today=today,
                           hasher=settings.password_hasher)
        print(f"demo data: {counts.returns} returns, {counts.orders} orders, "
              f"{counts.customers} customers, {counts.inspections} inspections; "
              "users inspector, supervisor, admin (passwords in the README)")
    scheme = "https" if tls else "http"
    print(f"central API on {scheme}://{host}:{port}/api/v1 (database {db.engine.url!r})")
    serve_forever(create_app(settings, database=db), host, port, tls=tls)


def add_user(url: str, username: str, password: str, role: str) -> None:
    db = _open(url)
    try:
        with db.write() as c:
            set_user(c, username, password, role, PasswordHasher())
    finally:
        db.dispose()
