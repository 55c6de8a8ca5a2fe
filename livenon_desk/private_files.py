"""Files that hold secrets or personal data: the user's only, written whole or not at all.

A file is written under a temporary name of its own in the same folder (so two processes
saving at once never share one), flushed to disk, then renamed over the target: a reader
sees the old content or the new, never half of it, and never a file others could read.
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from pathlib import Path

from livenon_desk.errors import KnownError

log = logging.getLogger(__name__)

USER_ONLY = 0o600


def write_private(path: Path, data: bytes, *, make_folder: bool = True) -> None:
    """``data`` into ``path`` atomically, with mode 0600 (mkstemp makes it so)."""
    if make_folder:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def create_private(path: Path) -> None:
    """Make ``path`` exist and be the user's only, before anything personal goes into it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, USER_ONLY)
    os.close(fd)
    path.chmod(USER_ONLY)


def keyring_usable() -> bool:
    """True when the system has a keyring backend that can really keep a secret."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and backend.priority > 0


def check_output(path: Path) -> None:
    """Refuse, before any work is done, an output path that is a folder, a special file
    (a device, a pipe, a socket: never replaced), or in a folder that does not exist."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise KnownError("error.cannot-write", path=path, why=exc.strerror) from exc
    if mode is not None and stat.S_ISDIR(mode):
        raise KnownError("error.output-is-folder", path=path, example=path / "out.pdf")
    if mode is not None and not stat.S_ISREG(mode):
        raise KnownError("error.output-not-regular", path=path)
    if not path.parent.is_dir():
        raise KnownError("error.output-folder-missing", parent=path.parent)


def write_output(path: Path, data: bytes) -> None:
    """A document or export the user asked for: checked as ``check_output`` does, then
    written whole and user-only (it holds customers' personal data)."""
    check_output(path)
    try:
        write_private(path, data, make_folder=False)
    except OSError as exc:
        log.warning("cannot write %s: %s", path, exc)
        raise KnownError("error.cannot-write", path=path, why=exc.strerror or exc) from exc
