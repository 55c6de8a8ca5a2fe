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

_WRONG = ("The user name or password is wrong.", "用户名或密码错误。")


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
                raise ValidationError("This desk already has users; sign in instead.",
                                      "本机已有用户，请直接登录。")
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
            raise ValidationError("Enter a user name of 1 to 64 characters.",
                                  "请输入 1 到 64 个字符的用户名。")
        if len(password) < MIN_PASSWORD:
            raise ValidationError(
                f"The password needs at least {MIN_PASSWORD} characters.",
                f"密码至少需要 {MIN_PASSWORD} 个字符。")
        if s.scalar(select(DeskUser.id).where(DeskUser.username == name)):
            raise ValidationError(f"There is already a user {name}.", f"用户 {name} 已存在。")
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
            raise SignInError("Type your user name.", "请输入用户名。")
        if not password:
            raise SignInError("Type your password.", "请输入密码。")
        refusal: SignInError | None = None
        with self._store.session() as s:
            user = s.scalar(select(DeskUser).where(DeskUser.username == name))
            now = self._clock()
            if user is not None and user.locked_until is not None and user.locked_until > now:
                minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
                raise SignInError(
                    f"Too many wrong passwords: {name} is locked at this desk for "
                    f"{minutes} more minutes, or until an administrator unlocks it.",
                    f"密码错误次数过多：{name} 在本机被锁定，还需 {minutes} 分钟，"
                    "或请管理员解锁。")
            if user is not None and not user.active:
                raise SignInError(f"The account {name} is switched off.",
                                  f"账户 {name} 已停用。")
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
            return SignInError(*_WRONG)
        if not user.local_only:
            limit = timedelta(days=self._settings.offline_sign_in_days)
            confirmed = user.confirmed_online_at
            if confirmed is None or now - confirmed > limit:
                return SignInError(
                    f"The central server cannot be reached, and {name}'s last online "
                    f"sign-in is older than {self._settings.offline_sign_in_days} days. "
                    "Connect this desk to the network and sign in again.",
                    f"无法连接中央服务器，且 {name} 上次在线登录已超过 "
                    f"{self._settings.offline_sign_in_days} 天。请连接网络后重新登录。")
        try:
            self._hasher.verify(user.verifier, password)
        except (VerificationError, InvalidHashError):
            return SignInError(*_WRONG)
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
