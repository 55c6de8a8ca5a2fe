"""Password hashes (argon2, as the desk keeps its offline verifiers) and the users table.

A server set up before argon2 holds PBKDF2-SHA256 hashes
(``pbkdf2_sha256$iterations$salt_hex$hash_hex``). They still verify, and the first
right password replaces such a hash with an argon2 one, as it does an argon2 hash made
with weaker parameters than the server's.
"""

from __future__ import annotations

import hashlib
import hmac

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, insert, select, update

from livenon_desk.central import tables

ROLES = ("inspector", "supervisor", "admin")
_LEGACY_SCHEME = "pbkdf2_sha256"


def _verify_legacy(password: str, stored: str) -> bool:
    """The right password for a PBKDF2 hash of a server from before argon2."""
    try:
        scheme, iterations, salt, expected = stored.split("$")
        rounds = int(iterations)
        salt_bytes = bytes.fromhex(salt)
    except ValueError:
        return False
    if scheme != _LEGACY_SCHEME:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt_bytes, rounds)
    return hmac.compare_digest(digest.hex(), expected)


def _verify(hasher: PasswordHasher, password: str, stored: str) -> bool:
    if stored.startswith(_LEGACY_SCHEME + "$"):
        return _verify_legacy(password, stored)
    try:
        return hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def set_user(
    connection: Connection, username: str, password: str, role: str, hasher: PasswordHasher
) -> None:
    """Create the user, or give an existing one this password and role."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    connection.execute(delete(tables.users).where(tables.users.c.username == username))
    connection.execute(insert(tables.users).values(
        username=username, role=role, password_hash=hasher.hash(password)))


def user_role(
    connection: Connection, username: str, password: str, hasher: PasswordHasher
) -> str | None:
    """The user's role if the password is right, else None. A right password stored as
    PBKDF2, or as argon2 with other parameters than ``hasher``'s, is stored anew."""
    row = connection.execute(
        select(tables.users.c.role, tables.users.c.password_hash)
        .where(tables.users.c.username == username)
    ).first()
    if row is None:
        # Spend the same time as a real check, so that timing does not tell who exists.
        hasher.hash(password)
        return None
    stored = str(row.password_hash)
    if not _verify(hasher, password, stored):
        return None
    if stored.startswith(_LEGACY_SCHEME + "$") or hasher.check_needs_rehash(stored):
        connection.execute(update(tables.users).where(tables.users.c.username == username)
                           .values(password_hash=hasher.hash(password)))
    return str(row.role)
