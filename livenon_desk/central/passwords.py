"""Password hashes (PBKDF2-SHA256 from the standard library) and the users table."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import Connection, delete, insert, select

from livenon_desk.central import tables

ROLES = ("inspector", "supervisor", "admin")
_SCHEME = "pbkdf2_sha256"


def hash_password(password: str, iterations: int) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"{_SCHEME}${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, expected = stored.split("$")
        rounds = int(iterations)
        salt_bytes = bytes.fromhex(salt)
    except ValueError:
        return False
    if scheme != _SCHEME:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt_bytes, rounds)
    return hmac.compare_digest(digest.hex(), expected)


def set_user(
    connection: Connection, username: str, password: str, role: str, iterations: int
) -> None:
    """Create the user, or give an existing one this password and role."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    connection.execute(delete(tables.users).where(tables.users.c.username == username))
    connection.execute(insert(tables.users).values(
        username=username, role=role, password_hash=hash_password(password, iterations)))


def user_role(
    connection: Connection, username: str, password: str, iterations: int
) -> str | None:
    """The user's role if the password is right, else None."""
    row = connection.execute(
        select(tables.users.c.role, tables.users.c.password_hash)
        .where(tables.users.c.username == username)
    ).first()
    if row is None:
        # Spend the same time as a real check, so that timing does not tell who exists.
        hashlib.pbkdf2_hmac("sha256", password.encode(), b"\0" * 16, iterations)
        return None
    return str(row.role) if verify_password(password, row.password_hash) else None
