"""The two kinds of error: known ones the user can act on, and bugs.

A ``KnownError`` carries a message id of the catalogue (``livenon_desk.catalogue``) and the
values of its fields; the UI shows it in the user's language and the command line prints
it as one line. Anything else is a bug: logged with its traceback, reported as "something
went wrong".
"""

from __future__ import annotations

from livenon_desk.catalogue import Message


class KnownError(Exception):
    """An error the user can act on, named by its message id in the catalogue."""

    def __init__(self, message_id: str, /, **values: object) -> None:
        self.reason = Message.of(message_id, **values)
        super().__init__(self.reason.text())

    @property
    def message_id(self) -> str:
        return self.reason.id

    @property
    def message(self) -> str:
        """The message in English, the catalogue's source language."""
        return self.reason.text()

    @property
    def message_zh(self) -> str:
        return self.reason.text("zh")

    def text(self, language: str = "en") -> str:
        return self.reason.text(language)


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


class MailboxUnreachableError(KnownError):
    """The mail server could not be reached or went away: what was taken is kept, and
    importing again takes the rest."""
