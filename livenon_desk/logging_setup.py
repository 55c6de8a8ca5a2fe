"""Logging to a rotating file in the user's log folder; never a secret or a full address."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import Any

from livenon_desk.paths import log_dir
from livenon_desk.private_files import USER_ONLY, create_private

LOG_FILE_NAME = "livenon-desk.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log names customers' records: each file it opens (after every rotation too)
    is the user's only."""

    def _open(self) -> Any:
        path = Path(self.baseFilename)
        if not path.exists():
            create_private(path)
        path.chmod(USER_ONLY)
        return super()._open()


def log_path() -> Path:
    return log_dir() / LOG_FILE_NAME


def configure_logging(level: str = "INFO", *, to_stderr: bool = False) -> Path:
    """Send the desk's log records to a rotating file; returns that file's path."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(level.upper())
    for handler in list(root.handlers):
        if getattr(handler, "_livenon_desk", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = _PrivateRotatingFileHandler(
        path, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._livenon_desk = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    if to_stderr:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream._livenon_desk = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return path
