"""Signing in at the desk against the real reference server."""

from __future__ import annotations

from argon2 import PasswordHasher

from livenon_desk.domain.roles import Role
from livenon_desk.errors import SignInError
from livenon_desk.services.auth_service import AuthService, CentralUnreachableError
from livenon_desk.services.central_service import central_sign_in
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.store.database import Store
from livenon_desk.sync.client import CentralClient, ClientSettings
from livenon_desk.sync.retry import RetryPolicy
from tests.builders import NOW
from tests.central_server import PASSWORDS, Central

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def test_the_desk_signs_in_against_the_central_server_and_then_offline(
    central: Central, store: Store
) -> None:
    client = central.client(None)
    tokens: list[str] = []
    auth = AuthService(store, DeskSettings(), lambda: NOW,
                       central_sign_in(client, tokens.append), FAST)
    actor = auth.sign_in("supervisor", PASSWORDS["supervisor"])
    assert actor.role is Role.SUPERVISOR
    assert len(tokens) == 1 and tokens[0]  # kept for the background sync
    try:
        auth.sign_in("supervisor", "not the password")
    except SignInError:
        pass
    else:
        raise AssertionError("a wrong password was accepted")
    # The server goes away: the verifier cached a moment ago signs the user in.
    nowhere = CentralClient(ClientSettings("http://127.0.0.1:9", connect_timeout=0.2,
                                           retry=RetryPolicy(attempts=1)))
    check = central_sign_in(nowhere)
    try:
        check("supervisor", "x")
    except CentralUnreachableError:
        pass
    else:
        raise AssertionError("an unreachable server answered")
    offline = AuthService(store, DeskSettings(), lambda: NOW, check, FAST)
    assert offline.sign_in("supervisor", PASSWORDS["supervisor"]).role is Role.SUPERVISOR


def test_a_user_locked_on_the_server_is_told_so_at_the_desk(
    central: Central, store: Store
) -> None:
    import pytest

    auth = AuthService(store, DeskSettings(max_failed_sign_ins=100), lambda: NOW,
                       central_sign_in(central.client(None)), FAST)
    for _ in range(5):
        with pytest.raises(SignInError, match="wrong"):
            auth.sign_in("supervisor", "not the password")

    with pytest.raises(SignInError) as locked:
        auth.sign_in("supervisor", PASSWORDS["supervisor"])

    assert "locked" in locked.value.message and "锁定" in locked.value.message_zh
