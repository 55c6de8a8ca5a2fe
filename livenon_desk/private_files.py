"""Files that hold secrets or personal data: the user's only, written whole or not at all.

A file is written under a temporary name of its own in the same folder (so two processes
saving at once never share one), flushed to disk, then renamed over the target: a reader
sees the old content or the new, never half of it, and never a file others could read.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

USER_ONLY = 0o600


def write_private(path: Path, data: bytes) -> None:
    """``data`` into ``path`` atomically, with mode 0600 (mkstemp makes it so)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def create_private(path: Path) -> None:
    """Make ``path`` exist and be the user's only, before anything personal goes into it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, USER_ONLY)
    os.close(fd)
    os.chmod(path, USER_ONLY)


def keyring_usable() -> bool:
    """True when the system has a keyring backend that can really keep a secret."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and backend.priority > 0
