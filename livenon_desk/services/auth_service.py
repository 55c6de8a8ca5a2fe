"""Signing in: against the central API when it answers, else against the verifier kept
from the last online sign-in, for a limited time. Repeated failures lock the account at
this workstation for a while."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from livenon_desk.domain.roles import Action, Actor, Role
from livenon_desk.errors import KnownError, SignInError, ValidationError
from livenon_desk.models import DeskUser
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.store.database import Store

log = logging.getLogger(__name__)

MIN_PASSWORD = 8


class CentralUnreachableError(KnownError):
    """The central API could not be asked; the desk falls back to its cached verifier."""


# Asks the central API; returns the user's role, raises SignInError when refused and
# CentralUnreachableError when there is no answer.
OnlineSignIn = Callable[[str, str], Role]

class AuthService:
    def __init__(self, store: Store, settings: DeskSettings, clock: Clock = utc_now,
                 online: OnlineSignIn | None = None,
                 hasher: PasswordHasher | None = None) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock
        self._online = online
        self._hasher = hasher or PasswordHasher()

    def has_users(self) -> bool:
        with self._store.read_session() as s:
            return bool(s.scalar(select(func.count()).select_from(DeskUser)))

    def create_first_admin(self, username: str, display_name: str, password: str) -> Actor:
        """On a fresh install only: the first account, an administrator, local to this desk."""
        with self._store.session() as s:
            if s.scalar(select(func.count()).select_from(DeskUser)):
                raise ValidationError("error.desk-has-users")
            return self._add(s, username, display_name, Role.ADMIN, password, "setup")

    def add_local_user(self, admin: Actor, username: str, display_name: str, role: Role,
                       password: str) -> Actor:
        admin.require(Action.ADMINISTER)
        with self._store.session() as s:
            return self._add(s, username, display_name, role, password, admin.username)

    def _add(self, s: Session, username: str, display_name: str, role: Role, password: str,
             by: str) -> Actor:
        name = username.strip().lower()
        if not name or len(name) > 64:
            raise ValidationError("error.user-name-length")
        if len(password) < MIN_PASSWORD:
            raise ValidationError(
                "error.password-too-short",
                minimum=MIN_PASSWORD,
            )
        if s.scalar(select(DeskUser.id).where(DeskUser.username == name)):
            raise ValidationError("error.user-exists", name=name)
        now = self._clock()
        s.add(DeskUser(username=name, display_name=display_name.strip() or name, role=role,
                       verifier=self._hasher.hash(password), local_only=True,
                       failed_attempts=0, active=True, created_at=now))
        record_event(s, by, AuditAction.USER_CREATED, at=now, entity_kind="user",
                     entity_key=name, after={"role": role.value})
        return Actor(name, role, display_name.strip() or name)

    def sign_in(self, username: str, password: str) -> Actor:
        name = username.strip().lower()
        if not name:  # nothing to check, nor to count against anyone
            raise SignInError("error.user-name-missing")
        if not password:
            raise SignInError("error.password-missing")
        refusal: SignInError | None = None
        with self._store.session() as s:
            user = s.scalar(select(DeskUser).where(DeskUser.username == name))
            now = self._clock()
            if user is not None and user.locked_until is not None and user.locked_until > now:
                minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
                raise SignInError(
                    "error.locked-at-desk",
                    name=name,
                    minutes=minutes,
                )
            if user is not None and not user.active:
                raise SignInError("error.account-switched-off", name=name)
            # Accounts made at this desk (the first admin, the demo's) are checked here only.
            if self._online is not None and not (user is not None and user.local_only):
                try:
                    role = self._online(name, password)
                except CentralUnreachableError:
                    log.info("central API unreachable: offline sign-in for %s", name)
                except SignInError as exc:
                    refusal = exc
                else:
                    return self._confirmed_online(s, user, name, password, role, now)
            if refusal is None:
                refusal = self._offline_check(user, name, password, now)
                if refusal is None and user is not None:
                    user.failed_attempts = 0
                    if self._hasher.check_needs_rehash(user.verifier):
                        user.verifier = self._hasher.hash(password)
                    record_event(s, name, AuditAction.SIGNED_IN, at=now, entity_kind="user",
                                 entity_key=name, detail="offline")
                    return Actor(name, user.role, user.display_name)
            self._count_failure(s, user, name, now)
        assert refusal is not None
        raise refusal

    def _confirmed_online(self, s: Session, user: DeskUser | None, name: str, password: str,
                          role: Role, now: datetime) -> Actor:
        if user is None:
            user = DeskUser(username=name, display_name=name, role=role, local_only=False,
                            verifier="", failed_attempts=0, active=True, created_at=now)
            s.add(user)
        user.role = role
        user.verifier = self._hasher.hash(password)
        user.confirmed_online_at = now
        user.failed_attempts = 0
        user.locked_until = None
        record_event(s, name, AuditAction.SIGNED_IN, at=now, entity_kind="user",
                     entity_key=name, detail="online")
        return Actor(name, role, user.display_name)

    def _offline_check(self, user: DeskUser | None, name: str, password: str,
                       now: datetime) -> SignInError | None:
        if user is None:
            return SignInError("error.wrong-password")
        if not user.local_only:
            limit = timedelta(days=self._settings.offline_sign_in_days)
            confirmed = user.confirmed_online_at
            if confirmed is None or now - confirmed > limit:
                return SignInError("error.offline-sign-in-expired", name=name,
                                   days=self._settings.offline_sign_in_days)
        try:
            self._hasher.verify(user.verifier, password)
        except (VerificationError, InvalidHashError):
            return SignInError("error.wrong-password")
        return None

    def _count_failure(self, s: Session, user: DeskUser | None, name: str,
                       now: datetime) -> None:
        record_event(s, name, AuditAction.SIGN_IN_FAILED, at=now, entity_kind="user",
                     entity_key=name)
        if user is None:
            return
        user.failed_attempts += 1
        if user.failed_attempts >= self._settings.max_failed_sign_ins:
            user.locked_until = now + timedelta(minutes=self._settings.lockout_minutes)
            user.failed_attempts = 0
            record_event(s, name, AuditAction.LOCKED_OUT, at=now, entity_kind="user",
                         entity_key=name,
                         detail=f"{self._settings.max_failed_sign_ins} wrong passwords")
            log.warning("user %s locked out after repeated failures", name)

    def unlock(self, actor: Actor, password: str) -> Actor:
        """The idle lock lifts for the same user's password only."""
        return self.sign_in(actor.username, password)

    def sign_out(self, actor: Actor) -> None:
        with self._store.session() as s:
            record_event(s, actor.username, AuditAction.SIGNED_OUT, at=self._clock(),
                         entity_kind="user", entity_key=actor.username)
