"""Turning an exception into words for the user: known errors as they are, bugs logged."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from livenon_desk.errors import KnownError

log = logging.getLogger(__name__)


def user_message(error: BaseException, language: str) -> str:
    """The line to show: a KnownError's own message, or a pointer to the log for a bug."""
    if isinstance(error, KnownError):
        return error.text(language)
    log.error("unexpected error", exc_info=error)
    from livenon_desk.logging_setup import log_path

    return QCoreApplication.translate(
        "Errors", "Something went wrong; details are in the log: {path}"
    ).format(path=log_path())
