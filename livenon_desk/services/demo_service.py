"""Making a demo database: a fresh file filled by the seeded generator."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from pathlib import Path

from argon2 import PasswordHasher

from livenon_desk.demo.applications import demo_applications
from livenon_desk.demo.generator import DemoSummary, generate_demo_data
from livenon_desk.demo.users import DEMO_USERS
from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.services.application_check import ApplicationCheckService
from livenon_desk.services.application_queue import ApplicationQueueService
from livenon_desk.services.auth_service import AuthService
from livenon_desk.services.clock import Clock
from livenon_desk.services.demo_floor import add_demo_floor
from livenon_desk.services.demo_units import add_demo_units
from livenon_desk.services.desk_settings import desk_settings
from livenon_desk.services.mail_service import MailService
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for

log = logging.getLogger(__name__)

_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def create_demo_database(
    path: Path, *, returns: int, seed: int, today: date | None = None, replace: bool = False
) -> DemoSummary:
    """Fill ``path`` with demo returns; with ``replace``, start from an empty file."""
    if replace:
        for suffix in ("", *_SQLITE_SIDE_FILES):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = open_store(path)
    try:
        summary = generate_demo_data(store, returns=returns, seed=seed, today=today)
        add_demo_users(store)
        add_demo_applications(store, today or date.today())
        add_demo_units(store, default_policies())
        add_demo_floor(store, default_policies(), PhotoFiles(photo_dir_for(store.path)),
                       datetime.now(UTC))
    finally:
        store.dispose()
    log.info("demo database %s: %d returns in %.1f s", path, summary.returns, summary.seconds)
    return summary


def add_demo_applications(store: Store, today: date) -> None:
    """A few email applications in the queue (P1), checked as the desk checks them."""
    policies = default_policies()
    policy = policies.latest
    photos = PhotoFiles(photo_dir_for(store.path))
    importer = Actor("demo", Role.ADMIN, "Demo data")
    checks = ApplicationCheckService(store, policies)
    for mail in demo_applications(store, today, policy.calendar, policy.time_zone):
        MailService(store, photos, clock=_fixed(mail.received_at)).take(
            importer, mail.raw, "demo")
    ApplicationQueueService(store, policies, MailService(store, photos), checks).check_new(
        importer)


def _fixed(at: datetime) -> Clock:
    return lambda: at


def add_demo_users(store: Store) -> None:
    """The demo's inspector, supervisor and admin, local to this desk."""
    auth = AuthService(store, desk_settings(), hasher=PasswordHasher(time_cost=1))
    admin = None
    for username, password, role in DEMO_USERS:
        if role == "admin":
            admin = auth.create_first_admin(username, "Demo Admin", password)
    assert admin is not None
    for username, password, role in DEMO_USERS:
        if role != "admin":
            auth.add_local_user(admin, username, f"Demo {role.title()}", Role(role), password)
