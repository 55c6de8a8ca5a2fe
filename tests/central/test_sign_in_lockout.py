"""Sign-in lockout on the server, as at the desk: N wrong passwords lock the user for a
while, the right one is refused meanwhile, and it is logged (issue 14, 6)."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from livenon_desk.central import tables
from livenon_desk.sync.errors import AuthError
from tests.central_server import PASSWORDS, Central


@pytest.fixture
def clocked(central: Central) -> tuple[Central, list[float]]:
    now = [1_800_000_000.0]
    central.context.clock = lambda: now[0]
    central.context.settings = replace(central.context.settings, max_failed_sign_ins=5,
                                       lockout_seconds=900)
    return central, now


def _wrong(central: Central, user: str, times: int) -> list[str]:
    client = central.client(None)
    kinds = []
    for _ in range(times):
        with pytest.raises(AuthError) as refused:
            client.sign_in(user, "wrong-password")
        kinds.append(str(refused.value.problem.get("type", "")).rsplit(":", 1)[-1])
    return kinds


def test_five_wrong_passwords_lock_the_user_even_against_the_right_one(
    clocked: tuple[Central, list[float]], caplog: pytest.LogCaptureFixture,
) -> None:
    central, now = clocked
    with caplog.at_level(logging.WARNING, logger="livenon_desk.central"):
        kinds = _wrong(central, "inspector", 5)
    client = central.client(None)

    with pytest.raises(AuthError) as locked:
        client.sign_in("inspector", PASSWORDS["inspector"])
    now[0] += 899
    with pytest.raises(AuthError):
        client.sign_in("inspector", PASSWORDS["inspector"])
    now[0] += 2
    token = client.sign_in("inspector", PASSWORDS["inspector"])

    assert kinds == ["bad-credentials"] * 4 + ["account-locked"]
    assert locked.value.problem["type"].endswith("account-locked")
    assert "locked" in locked.value.problem["detail"]
    assert token.access_token
    assert any("locked out" in r.getMessage() for r in caplog.records)
    # Another user is not affected.
    assert central.client("supervisor").token


def test_the_right_password_before_the_limit_starts_the_count_again(
    clocked: tuple[Central, list[float]],
) -> None:
    central, _ = clocked
    _wrong(central, "inspector", 4)
    central.client("inspector")
    kinds = _wrong(central, "inspector", 4)

    assert kinds == ["bad-credentials"] * 4
    assert central.client("inspector").token


def test_unknown_users_leave_no_rows(clocked: tuple[Central, list[float]]) -> None:
    central, _ = clocked
    kinds = _wrong(central, "nobody", 7)

    assert kinds == ["bad-credentials"] * 7
    assert central.count(tables.sign_in_failures) == 0


def test_the_count_is_kept_in_the_database(clocked: tuple[Central, list[float]]) -> None:
    central, _ = clocked
    _wrong(central, "supervisor", 5)

    with central.context.db.read() as c:
        row = c.execute(tables.sign_in_failures.select()).one()
    assert row.username == "supervisor" and row.locked_until == 1_800_000_000 + 900
