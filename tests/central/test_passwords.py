"""The central server's passwords are argon2 hashes, as the desk's verifiers are. A server
set up before argon2 keeps PBKDF2 hashes: they still verify, and the next right password
stores an argon2 hash in their place."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Connection, select, update

from livenon_desk.central import tables
from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.passwords import set_user, user_role
from livenon_desk.sync.errors import AuthError
from tests.central_server import FAST_HASHER, PASSWORDS, Central


def _pbkdf2(password: str, iterations: int = 1000) -> str:
    """A hash as servers before argon2 stored it."""
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def _stored(c: Connection, username: str) -> str:
    return str(c.execute(select(tables.users.c.password_hash)
                         .where(tables.users.c.username == username)).scalar_one())


def _store(c: Connection, username: str, password_hash: str) -> None:
    c.execute(update(tables.users).where(tables.users.c.username == username)
              .values(password_hash=password_hash))


@pytest.fixture
def db(tmp_path: Path) -> CentralDatabase:
    database = CentralDatabase(str(tmp_path / "central.sqlite3"))
    database.create_schema()
    with database.write() as c:
        set_user(c, "maria", "s3cret-pass", "supervisor", FAST_HASHER)
    return database


def test_a_new_password_is_an_argon2_hash_that_only_the_right_password_opens(
        db: CentralDatabase) -> None:
    with db.write() as c:
        stored = _stored(c, "maria")
        assert stored.startswith("$argon2id$")
        assert "s3cret-pass" not in stored
        assert user_role(c, "maria", "s3cret-pass", FAST_HASHER) == "supervisor"
        assert user_role(c, "maria", "wrong", FAST_HASHER) is None
        assert user_role(c, "nobody", "s3cret-pass", FAST_HASHER) is None
        # Checking the right password with the same parameters leaves the hash alone.
        assert _stored(c, "maria") == stored
    db.dispose()


def test_a_pbkdf2_hash_still_verifies_and_becomes_argon2_at_the_next_right_password(
        db: CentralDatabase) -> None:
    old = _pbkdf2("s3cret-pass")
    with db.write() as c:
        _store(c, "maria", old)
        assert user_role(c, "maria", "wrong", FAST_HASHER) is None
        assert _stored(c, "maria") == old  # a wrong password changes nothing
        assert user_role(c, "maria", "s3cret-pass", FAST_HASHER) == "supervisor"
        upgraded = _stored(c, "maria")
    assert upgraded.startswith("$argon2id$")
    assert FAST_HASHER.verify(upgraded, "s3cret-pass")
    with db.write() as c:
        assert user_role(c, "maria", "s3cret-pass", FAST_HASHER) == "supervisor"
        assert user_role(c, "maria", "wrong", FAST_HASHER) is None
    db.dispose()


def test_a_damaged_hash_opens_for_no_password(db: CentralDatabase) -> None:
    with db.write() as c:
        for damaged in ("pbkdf2_sha256$many$zz$00", "pbkdf2_sha256$1000", "$argon2id$x",
                        "plain-text"):
            _store(c, "maria", damaged)
            assert user_role(c, "maria", "s3cret-pass", FAST_HASHER) is None
            assert user_role(c, "maria", damaged, FAST_HASHER) is None
    db.dispose()


def test_an_argon2_hash_of_weaker_parameters_is_made_anew_at_the_next_right_password(
        db: CentralDatabase) -> None:
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    with db.write() as c:
        assert user_role(c, "maria", "s3cret-pass", stronger) == "supervisor"
        stored = _stored(c, "maria")
    assert not stronger.check_needs_rehash(stored)
    assert FAST_HASHER.check_needs_rehash(stored)
    db.dispose()


def test_signing_in_to_the_server_upgrades_a_pbkdf2_hash(central: Central) -> None:
    with central.context.db.write() as c:
        _store(c, "inspector", _pbkdf2(PASSWORDS["inspector"]))
    with pytest.raises(AuthError):
        central.client(None).sign_in("inspector", "wrong")
    with central.context.db.read() as c:
        assert _stored(c, "inspector").startswith("pbkdf2_sha256$")

    client = central.client("inspector")

    assert client.token is not None
    with central.context.db.read() as c:
        upgraded = _stored(c, "inspector")
    assert upgraded.startswith("$argon2id$")
    assert central.client("inspector").token is not None  # and it opens with argon2 too
