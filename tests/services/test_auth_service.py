from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from argon2 import PasswordHasher

from livenon_desk.domain.roles import Role
from livenon_desk.errors import PermissionDeniedError, SignInError, ValidationError
from livenon_desk.models import AuditEvent, DeskUser
from livenon_desk.services.auth_service import AuthService, CentralUnreachableError
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.store.database import Store
from tests.builders import NOW

# Fast hashing in tests; the desk uses argon2's defaults.
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
SETTINGS = DeskSettings(offline_sign_in_days=7, max_failed_sign_ins=3, lockout_minutes=15)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


class Central:
    """Stands in for the central API's answer to a sign-in, to switch it on and off at will;
    the real server is used in tests/sync/test_central_sign_in.py."""

    def __init__(self) -> None:
        self.online = True
        self.roles = {"mchen": Role.INSPECTOR}
        self.passwords = {"mchen": "correct horse"}

    def __call__(self, username: str, password: str) -> Role:
        if not self.online:
            raise CentralUnreachableError("error.no-central-server")
        if self.passwords.get(username) != password:
            raise SignInError("error.wrong-password")
        return self.roles[username]


def _auth(store: Store, clock: Clock, central: Central | None = None) -> AuthService:
    return AuthService(store, SETTINGS, clock, central, hasher=FAST)


def _actions(store: Store) -> list[str]:
    with store.read_session() as s:
        return [e.action for e in s.query(AuditEvent).order_by(AuditEvent.id)]


def test_online_sign_in_caches_a_verifier_that_works_offline_within_the_limit(
    store: Store,
) -> None:
    clock, central = Clock(), Central()
    auth = _auth(store, clock, central)
    actor = auth.sign_in(" MChen ", "correct horse")
    assert (actor.username, actor.role) == ("mchen", Role.INSPECTOR)
    with store.read_session() as s:
        user = s.query(DeskUser).one()
        assert "correct horse" not in user.verifier and user.verifier.startswith("$argon2")
    central.online = False
    clock.now = NOW + timedelta(days=6, hours=23)
    assert auth.sign_in("mchen", "correct horse").role is Role.INSPECTOR
    with pytest.raises(SignInError, match="wrong"):
        auth.sign_in("mchen", "wrong horse")
    clock.now = NOW + timedelta(days=7, minutes=1)
    with pytest.raises(SignInError, match="older than 7 days"):
        auth.sign_in("mchen", "correct horse")
    central.online = True
    assert auth.sign_in("mchen", "correct horse").role is Role.INSPECTOR
    assert _actions(store) == ["signed_in", "signed_in", "sign_in_failed", "sign_in_failed",
                               "signed_in"]


def test_the_server_decides_the_role_and_a_refusal_is_not_overruled_offline(
    store: Store,
) -> None:
    clock, central = Clock(), Central()
    auth = _auth(store, clock, central)
    auth.sign_in("mchen", "correct horse")
    central.roles["mchen"] = Role.SUPERVISOR
    assert auth.sign_in("mchen", "correct horse").role is Role.SUPERVISOR
    central.passwords["mchen"] = "changed on the server"
    with pytest.raises(SignInError):
        auth.sign_in("mchen", "correct horse")


def test_repeated_failures_lock_the_account_for_a_while(store: Store) -> None:
    clock = Clock()
    auth = _auth(store, clock)
    auth.create_first_admin("admin", "Ada Admin", "long enough")
    for _ in range(3):
        with pytest.raises(SignInError, match="wrong"):
            auth.sign_in("admin", "nope")
    with pytest.raises(SignInError, match="locked"):
        auth.sign_in("admin", "long enough")
    clock.now = NOW + timedelta(minutes=16)
    assert auth.sign_in("admin", "long enough").role is Role.ADMIN
    assert "locked_out" in _actions(store)


def test_the_first_admin_is_made_once_and_only_admins_add_users(store: Store) -> None:
    auth = _auth(store, Clock())
    assert not auth.has_users()
    with pytest.raises(ValidationError, match="8 characters"):
        auth.create_first_admin("admin", "Ada", "short")
    admin = auth.create_first_admin("Admin", "Ada Admin", "long enough")
    assert auth.has_users() and admin.role is Role.ADMIN
    with pytest.raises(ValidationError, match="already has users"):
        auth.create_first_admin("other", "Other", "long enough")
    inspector = auth.add_local_user(admin, "mchen", "Mei Chen", Role.INSPECTOR, "pass word 1")
    with pytest.raises(PermissionDeniedError):
        auth.add_local_user(inspector, "x", "X", Role.ADMIN, "pass word 2")
    assert auth.sign_in("mchen", "pass word 1").name == "Mei Chen"


def test_unknown_users_and_unlock_by_the_same_user(store: Store) -> None:
    auth = _auth(store, Clock())
    with pytest.raises(SignInError, match="wrong"):
        auth.sign_in("ghost", "whatever")
    admin = auth.create_first_admin("admin", "Ada", "long enough")
    assert auth.unlock(admin, "long enough") == admin
    with pytest.raises(SignInError):
        auth.unlock(admin, "not it")
    auth.sign_out(admin)
    assert _actions(store)[-1] == "signed_out"


def test_accounts_made_at_this_desk_are_checked_here_even_with_a_server(store: Store) -> None:
    central = Central()  # knows only mchen
    auth = _auth(store, Clock(), central)
    auth.create_first_admin("admin", "Ada", "long enough")
    assert auth.sign_in("admin", "long enough").role is Role.ADMIN
    with pytest.raises(SignInError):
        auth.sign_in("admin", "wrong")
