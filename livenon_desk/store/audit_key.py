"""The secret that keys this desk's audit chain, kept like the central server's token.

Each desk (each database) has its own: a random 32-byte key in the system keyring, or,
where no keyring works, in a file in the user's config folder that only the user can read.
Beside the key is kept the id of the first event it keys: events before it were written
before the chain was keyed and are checked with the plain hash. Keeping that number with
the secret, not in the database, means editing the database cannot turn keyed events
into plain ones.
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from livenon_desk.catalogue import Message
from livenon_desk.errors import KnownError
from livenon_desk.models import AuditEvent, DeskIdentity
from livenon_desk.paths import config_dir
from livenon_desk.private_files import keyring_usable, write_private
from livenon_desk.store.database import STORE_INFO

log = logging.getLogger(__name__)

SERVICE = "livenon-desk-audit"


@dataclass(frozen=True)
class AuditKey:
    secret: bytes
    keyed_from: int  # the first event id this key signs

    def to_text(self) -> str:
        return json.dumps({"version": 1, "key": self.secret.hex(),
                           "keyed_from": self.keyed_from})

    @classmethod
    def from_text(cls, text: str) -> AuditKey:
        doc = json.loads(text)
        return cls(bytes.fromhex(doc["key"]), int(doc["keyed_from"]))

    @classmethod
    def new(cls, keyed_from: int) -> AuditKey:
        return cls(secrets.token_bytes(32), keyed_from)


class AuditKeyStore:
    """Audit keys by desk id."""

    def __init__(self, *, use_keyring: bool | None = None, folder: Path | None = None) -> None:
        self._use_keyring = keyring_usable() if use_keyring is None else use_keyring
        self._folder = folder

    def _file(self, desk_id: str) -> Path:
        safe = "".join(ch for ch in desk_id if ch.isalnum() or ch == "-")[:64]
        return (self._folder or config_dir() / "audit-keys") / f"{safe}.key"

    def load(self, desk_id: str) -> AuditKey | None:
        text: str | None
        if self._use_keyring:
            import keyring

            text = keyring.get_password(SERVICE, desk_id)
        else:
            try:
                text = self._file(desk_id).read_text(encoding="utf-8")
            except FileNotFoundError:
                text = None
        if not text:
            return None
        # Not log.exception: the parser's message may quote the key itself.
        with contextlib.suppress(ValueError, KeyError, TypeError):
            return AuditKey.from_text(text)
        log.error("the audit key of desk %s is unreadable", desk_id)
        return None

    def save(self, desk_id: str, key: AuditKey) -> None:
        if self._use_keyring:
            import keyring

            keyring.set_password(SERVICE, desk_id, key.to_text())
            return
        path = self._file(desk_id)
        log.warning("no system keyring is available: the audit key of desk %s is kept in %s, "
                    "readable only by this user", desk_id, path.parent)
        write_private(path, key.to_text().encode())

    def where(self, desk_id: str) -> Message | str:
        """Where the key is kept, for a message: the keyring, or the file's path."""
        return Message.of("audit-key.keyring") if self._use_keyring else str(self._file(desk_id))

    def forget(self, desk_id: str) -> None:
        if self._use_keyring:
            import keyring
            from keyring.errors import PasswordDeleteError

            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(SERVICE, desk_id)
            return
        self._file(desk_id).unlink(missing_ok=True)


def desk_identity(s: Session) -> DeskIdentity:
    """The desk's identity row (made here for a database that has none yet)."""
    identity = s.get(DeskIdentity, 1)
    if identity is None:
        identity = DeskIdentity(id=1, desk_id=str(uuid.uuid4()), audit_keyed_from=None)
        s.add(identity)
        s.flush()
    return identity


def _store_of(s: Session) -> Any:
    store = s.info.get(STORE_INFO)
    if store is None:
        raise RuntimeError("this session was not made by a Store")
    if store.audit_keys is None:
        store.audit_keys = AuditKeyStore()
    return store


def key_for_writing(s: Session) -> bytes:
    """The key the next event is signed with, made on the first keyed event. Called inside
    the event's write transaction, which holds SQLite's write lock: the next event's id is
    the largest one plus one."""
    store = _store_of(s)
    cached: AuditKey | None = store.audit_key
    if cached is not None:
        return cached.secret
    identity = desk_identity(s)
    keys: AuditKeyStore = store.audit_keys
    key = keys.load(identity.desk_id)
    if key is None:
        if identity.audit_keyed_from is not None:
            raise AuditKeyMissingError(identity.desk_id, keys.where(identity.desk_id))
        next_id = int(s.scalar(select(func.max(AuditEvent.id))) or 0) + 1
        key = AuditKey.new(next_id)
        keys.save(identity.desk_id, key)
        log.info("the audit chain of desk %s is keyed from event %d on", identity.desk_id,
                 next_id)
    if identity.audit_keyed_from is None:
        identity.audit_keyed_from = key.keyed_from
    store.audit_key = key
    return key.secret


def key_for_checking(s: Session) -> tuple[str, AuditKey | None, int | None]:
    """The desk id, its key if this machine has it, and the first keyed event (from the
    key when there is one: the database's own note could have been edited)."""
    store = _store_of(s)
    identity = s.get(DeskIdentity, 1)
    if identity is None:  # a database that never wrote an event since it was keyed
        return "", None, None
    key: AuditKey | None = store.audit_keys.load(identity.desk_id)
    return identity.desk_id, key, key.keyed_from if key else identity.audit_keyed_from


class AuditKeyMissingError(KnownError):
    def __init__(self, desk_id: str, where: Message | str) -> None:
        super().__init__("error.audit-key-missing", desk_id=desk_id, where=where)
