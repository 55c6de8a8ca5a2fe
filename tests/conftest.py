"""Test-wide settings: Qt offscreen, and the user's folders moved into a temporary home."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# platformdirs honours the XDG variables: no test writes into the real user folders.
_HOME = tempfile.mkdtemp(prefix="livenon-desk-tests-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(Path(_HOME) / _var.lower())


# Imported after the environment above is set: the fixtures below open real stores.
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from livenon_desk.domain.roles import Actor, Role  # noqa: E402
from livenon_desk.services import user_settings  # noqa: E402
from livenon_desk.store.database import Store  # noqa: E402
from livenon_desk.store.opening import open_store  # noqa: E402
from tests.imap_server import imap_mailbox, imap_server  # noqa: E402
from tests.postgres import postgres, postgres_url  # noqa: E402
from tests.smtp_server import (  # noqa: E402
    mail_settings,
    smtp_certificate_folder,
    smtp_server,
)

INSPECTOR = Actor("mchen", Role.INSPECTOR, "Mei Chen")
SUPERVISOR = Actor("jrivera", Role.SUPERVISOR, "Jordan Rivera")

__all__ = [
    "imap_mailbox",
    "imap_server",
    "mail_settings",
    "postgres",
    "postgres_url",
    "smtp_certificate_folder",
    "smtp_server",
    "store",
]


@pytest.fixture(autouse=True)
def own_user_settings(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test starts with no preferences file of its own: what one test sets (a zoom, a
    server) is never what the next one finds."""
    path = tmp_path_factory.mktemp("config") / user_settings.FILE_NAME
    monkeypatch.setattr(user_settings, "settings_path", lambda: path)
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite file, migrated to the newest schema."""
    s = open_store(tmp_path / "desk.sqlite3")
    yield s
    s.dispose()
