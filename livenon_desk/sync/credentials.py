"""Secrets of the desk: the central server's token, and the mail servers' passwords (P1,
P2): in the system keyring, never in a settings file or a log.

Where no keyring backend works (a bare Linux workstation without a secret service), the
token goes to a file in the user's config folder that only the user may read (mode 0600),
and the log says so once, plainly, so that IT can install a keyring.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from livenon_desk.paths import config_dir
from livenon_desk.private_files import keyring_usable, write_private

log = logging.getLogger(__name__)

SERVICE = "livenon-desk-central"
# The SMTP and IMAP passwords, by server ("smtp://user@host:port", "imap://...").
MAIL_SERVICE = "livenon-desk-mail"
_warned = False


def _fallback_file(server_url: str) -> Path:
    safe = "".join(ch if ch.isalnum() else "_" for ch in server_url)[:120]
    return config_dir() / "tokens" / f"{safe}.token"


def _warn_fallback(path: Path) -> None:
    global _warned
    if not _warned:
        log.warning("no system keyring is available: the central server's token and the "
                    "mail passwords are kept in %s, readable only by this user; install a "
                    "keyring (Secret Service) to keep them there instead", path.parent)
        _warned = True


class TokenStore:
    """Secrets by server address (one per server the desk signs in to), under one
    keyring service: the central server's tokens (``SERVICE``) or the mail passwords
    (``MAIL_SERVICE``)."""

    def __init__(self, *, use_keyring: bool | None = None, folder: Path | None = None,
                 service: str = SERVICE) -> None:
        self._use_keyring = keyring_usable() if use_keyring is None else use_keyring
        self._folder = folder
        self._service = service

    def _file(self, server_url: str) -> Path:
        path = _fallback_file(server_url)
        if self._service != SERVICE:
            path = path.with_name(f"{self._service}-{path.name}")
        return path if self._folder is None else self._folder / path.name

    def save(self, server_url: str, token: str) -> None:
        if self._use_keyring:
            import keyring

            keyring.set_password(self._service, server_url, token)
            return
        path = self._file(server_url)
        _warn_fallback(path)
        # A temporary name of its own per save: several desks or sync jobs of one user
        # may save at once, and each must leave a whole token, never a torn one.
        write_private(path, token.encode())

    def load(self, server_url: str) -> str | None:
        if self._use_keyring:
            import keyring

            return keyring.get_password(self._service, server_url)
        path = self._file(server_url)
        try:
            return path.read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None

    def forget(self, server_url: str) -> None:
        if self._use_keyring:
            import keyring
            from keyring.errors import PasswordDeleteError

            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(self._service, server_url)
            return
        self._file(server_url).unlink(missing_ok=True)
