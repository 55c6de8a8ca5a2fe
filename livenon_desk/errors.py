"""The two kinds of error: known ones the user can act on, and bugs.

A ``KnownError`` carries a message in plain words (English and Chinese) that the UI shows
and the command line prints as one line. Anything else is a bug: logged with its
traceback, reported as "something went wrong".
"""

from __future__ import annotations


class KnownError(Exception):
    """An error the user can act on; ``message_zh`` is its Simplified Chinese form."""

    def __init__(self, message: str, message_zh: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh or message

    def text(self, language: str = "en") -> str:
        return self.message_zh if language.startswith("zh") else self.message


class NotFoundError(KnownError):
    """A record the user asked for is not in the database."""


class DatabaseError(KnownError):
    """The database file is missing, unreadable or not a Livenon Desk database."""


class PolicyError(KnownError):
    """The policy file is missing, malformed or has no version in effect."""


class IllegalTransitionError(KnownError):
    """A return was asked to move to a status its current status does not lead to."""


class PermissionDeniedError(KnownError):
    """The signed-in user's role does not allow what was asked."""


class ValidationError(KnownError):
    """What the user entered cannot be saved as it is; the message says what to change."""


class RestrictedError(KnownError):
    """The record is restricted (privacy policy IV(3)): it may be viewed, not processed."""


class SignInError(KnownError):
    """A sign-in was refused: wrong password, locked account, or no way to check it."""


class CalendarError(KnownError):
    """A day outside the years the business-day calendar knows: P2/P5 cannot be counted."""
