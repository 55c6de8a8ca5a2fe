"""What a central server is started with; the defaults suit a real deployment."""

from __future__ import annotations

from dataclasses import dataclass, field

from argon2 import PasswordHasher


@dataclass(frozen=True)
class CentralSettings:
    database_url: str
    # Token bucket per bearer token (per client address for sign-in); None turns it off.
    rate_per_second: float | None = 50.0
    burst: int = 100
    token_lifetime_seconds: int = 12 * 3600
    # An idempotency claim older than this was left by a request that died mid-way
    # (its transaction never committed), so another request may take it over.
    in_flight_lease_seconds: int = 60
    # argon2 with its library's recommended cost, as at the desk.
    password_hasher: PasswordHasher = field(default_factory=PasswordHasher)
    # As at the desk: this many wrong passwords in a row lock the user for a while.
    max_failed_sign_ins: int = 5
    lockout_seconds: int = 15 * 60
    max_batch_items: int = 1000
    max_photo_bytes: int = 20 * 1024 * 1024
    max_page: int = 1000
