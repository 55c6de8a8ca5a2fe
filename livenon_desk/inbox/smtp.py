"""Handing a message to an SMTP server over TLS with the standard library (smtplib).

``tls`` speaks TLS from the first byte (port 465); ``starttls`` upgrades a plain
connection (port 587) and refuses a server that does not offer it: the password and the
customer's data never cross the network in clear. The server's certificate is checked.

The bytes are sent exactly as given (they are the ones kept as evidence, T4).
"""

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from livenon_desk.errors import KnownError, MailboxUnreachableError, SignInError

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 30
SECURITIES = ("tls", "starttls")


class MailRefusedError(KnownError):
    """The SMTP server answered, and refused this message for good (a bad address, a
    message it will not take): sending it again will not help."""


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    user: str
    security: str = "tls"

    def display(self) -> str:
        """Where mail goes, without a password, for logs and messages."""
        scheme = "smtps" if self.security == "tls" else "smtp"
        user = f"{self.user}@" if self.user else ""
        return f"{scheme}://{user}{self.host}:{self.port}"


def send_message(server: SmtpServer, password: str | None, sender: str,
                 recipients: list[str], raw: bytes, *, ca_file: Path | None = None) -> None:
    """Hand ``raw`` to the server for ``recipients``. Raises ``MailboxUnreachableError``
    when the server cannot be reached or drops the connection (the outcome of a message
    cut off after its last byte is unknown: the caller may send it again),
    ``SignInError`` when it refuses the user, ``MailRefusedError`` when it refuses the
    message, and a ``KnownError`` for a certificate it cannot trust or a missing STARTTLS."""
    with _signed_in(server, password, ca_file) as connection:
        try:
            refused = connection.sendmail(sender, recipients, raw)
        except smtplib.SMTPRecipientsRefused as exc:
            raise MailRefusedError("error.smtp-refused", server=server.display(),
                                   why=_answers(exc.recipients)) from exc
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
            if 400 <= exc.smtp_code < 500:  # "try again later"
                raise MailboxUnreachableError("error.smtp-unreachable",
                                              server=server.display(),
                                              why=_text(exc.smtp_error)) from exc
            raise MailRefusedError("error.smtp-refused", server=server.display(),
                                   why=f"{exc.smtp_code} {_text(exc.smtp_error)}") from exc
        if refused:
            log.warning("%s refused some recipients: %s", server.display(), _answers(refused))


def check_sign_in(server: SmtpServer, password: str | None, *,
                  ca_file: Path | None = None) -> None:
    """Connect and sign in as ``send_message`` does, and send nothing (Settings' "Test
    connection"); raises as it does."""
    with _signed_in(server, password, ca_file):
        pass


@contextmanager
def _signed_in(server: SmtpServer, password: str | None,
               ca_file: Path | None) -> Iterator[smtplib.SMTP]:
    context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    connection = _connect(server, context)
    try:
        if server.user:
            try:
                connection.login(server.user, password or "")
            except smtplib.SMTPAuthenticationError as exc:
                raise SignInError("error.smtp-sign-in-refused", user=server.user,
                                  server=server.display()) from exc
        yield connection
    except (OSError, smtplib.SMTPServerDisconnected, smtplib.SMTPResponseException) as exc:
        raise MailboxUnreachableError("error.smtp-unreachable", server=server.display(),
                                      why=_why(exc)) from exc
    finally:
        _close(connection)


def _connect(server: SmtpServer, context: ssl.SSLContext) -> smtplib.SMTP:
    try:
        if server.security == "tls":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                server.host, server.port, timeout=TIMEOUT_SECONDS, context=context)
        else:
            connection = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_SECONDS)
            connection.ehlo()
            if not connection.has_extn("starttls"):
                _close(connection)
                raise KnownError("error.smtp-no-tls", server=server.display())
            connection.starttls(context=context)
            connection.ehlo()
    except ssl.SSLCertVerificationError as exc:
        raise KnownError("error.smtp-certificate", server=server.display(),
                         why=exc.verify_message or exc) from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise MailboxUnreachableError("error.smtp-unreachable", server=server.display(),
                                      why=_why(exc)) from exc
    return connection


def _close(connection: smtplib.SMTP) -> None:
    try:
        connection.quit()
    except (OSError, smtplib.SMTPException):
        connection.close()


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _answers(refused: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{address}: {code} {_text(why)}"
                     for address, (code, why) in refused.items())


def _why(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return f"no answer in {TIMEOUT_SECONDS} s"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    return str(getattr(exc, "strerror", None) or exc) or type(exc).__name__
