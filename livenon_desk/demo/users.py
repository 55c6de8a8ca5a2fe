"""The demo's users, the same at the desk and on the central server (README lists them)."""

from __future__ import annotations

DEMO_USERS = (
    ("inspector", "inspector-demo", "inspector"),
    ("supervisor", "supervisor-demo", "supervisor"),
    ("admin", "admin-demo", "admin"),
)
