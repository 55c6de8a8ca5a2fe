"""Opening the services the desk and the command line need on one database file."""

from __future__ import annotations

from pathlib import Path

from livenon_desk.domain.policy import default_policies
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.store.opening import open_store


def open_returns_service(path: Path) -> ReturnsService:
    """The read side of the desk on ``path`` (created and migrated if needed)."""
    return ReturnsService(open_store(path), default_policies())
