"""Reading an IMAP mailbox over TLS with the standard library (imaplib).

The mailbox is named by a URL, ``imaps://USER@HOST[:PORT]/FOLDER`` (TLS from the first
byte, port 993) or ``imap://USER@HOST[:PORT]/FOLDER`` (STARTTLS on port 143; a server that
does not offer it is refused). The password never travels in the URL. The folder is only
read (EXAMINE, BODY.PEEK): no message is marked seen, moved or deleted.
"""

from __future__ import annotations

import base64
import imaplib
import logging
import re
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from livenon_desk.errors import KnownError, MailboxUnreachableError, SignInError, ValidationError

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 30
# Messages fetched per round trip: few enough that one answer stays small.
FETCH_BATCH = 25
_UID = re.compile(rb"UID (\d+)")


@dataclass(frozen=True)
class MailboxAddress:
    host: str
    port: int
    user: str
    folder: str
    starttls: bool

    def display(self) -> str:
        """The URL without a password, for logs and the record of where a message came
        from."""
        scheme = "imap" if self.starttls else "imaps"
        return f"{scheme}://{self.user}@{self.host}:{self.port}/{self.folder}"


def parse_imap_url(url: str) -> MailboxAddress:
    """The mailbox a URL names; a URL with another scheme, no user or no host, or with a
    password in it, is refused with the form it should take."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise ValidationError("error.imap-url", url=url) from None
    if parts.scheme not in ("imap", "imaps") or not parts.hostname or not parts.username:
        raise ValidationError("error.imap-url", url=url)
    if parts.password is not None:
        raise ValidationError("error.imap-password-in-url")
    starttls = parts.scheme == "imap"
    folder = unquote(parts.path.lstrip("/")) or "INBOX"
    return MailboxAddress(parts.hostname, port or (143 if starttls else 993),
                          unquote(parts.username), folder, starttls)


def uid_of(source: str, address: MailboxAddress) -> int | None:
    """The UID in a ``source`` that ``fetch_messages`` wrote for this mailbox, else None."""
    prefix = f"{address.display()};UID="
    if not source.startswith(prefix):
        return None
    number = source[len(prefix):]
    return int(number) if number.isdigit() else None


def imap_folder_name(folder: str) -> str:
    """A folder's name as IMAP writes it (RFC 3501's modified UTF-7: 收件箱 is
    ``&ZTZO9nux-``), quoted."""
    out: list[str] = []
    wide: list[str] = []

    def flush() -> None:
        if wide:
            data = "".join(wide).encode("utf-16-be")
            out.append("&" + base64.b64encode(data).decode().rstrip("=").replace("/", ",")
                       + "-")
            wide.clear()

    for ch in folder:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            wide.append(ch)
    flush()
    name = "".join(out).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{name}"'


def fetch_messages(address: MailboxAddress, password: str, *,
                   ca_file: Path | None = None,
                   after_uid: int = 0) -> Iterator[tuple[str, bytes]]:
    """Every message of the folder, oldest first, as (where it came from, its bytes exactly
    as the server holds them); with ``after_uid``, only those with a higher UID (the
    background poll's: what came since it last read). The server's certificate is checked
    (against ``ca_file`` where given, else the system's)."""
    with _opened(address, password, ca_file) as connection:
        status, found = connection.uid(
            "SEARCH", f"UID {after_uid + 1}:*" if after_uid else "ALL")
        uids = found[0].split() if status == "OK" and found and found[0] else []
        # "n:*" names the newest message even when its UID is below n.
        uids = [uid for uid in uids if int(uid) > after_uid]
        log.info("%s: %d messages", address.display(), len(uids))
        for start in range(0, len(uids), FETCH_BATCH):
            batch = b",".join(uids[start:start + FETCH_BATCH]).decode()
            status, data = connection.uid("FETCH", batch, "(UID BODY.PEEK[])")
            if status != "OK":
                raise KnownError("error.imap-fetch", mailbox=address.display())
            for item in data:
                if isinstance(item, tuple) and len(item) == 2:
                    uid = _UID.search(item[0])
                    where = f"{address.display()};UID={uid.group(1).decode() if uid else '?'}"
                    yield where, bytes(item[1])


def check_mailbox(address: MailboxAddress, password: str, *,
                  ca_file: Path | None = None) -> None:
    """Connect, sign in and open the folder as ``fetch_messages`` does, and read nothing
    (Settings' "Test connection"); raises as it does."""
    with _opened(address, password, ca_file):
        pass


@contextmanager
def _opened(address: MailboxAddress, password: str,
            ca_file: Path | None) -> Iterator[imaplib.IMAP4]:
    """The folder of ``address`` selected, read-only, over TLS; the server's certificate
    checked (against ``ca_file`` where given, else the system's)."""
    context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    connection = _connect(address, context)
    try:
        _sign_in(connection, address, password)
        status, _ = connection.select(imap_folder_name(address.folder), readonly=True)
        if status != "OK":
            raise KnownError("error.imap-no-folder", folder=address.folder,
                             mailbox=address.display())
        yield connection
    except (OSError, imaplib.IMAP4.abort) as exc:
        raise MailboxUnreachableError("error.imap-unreachable", mailbox=address.display(),
                                      why=_why(exc)) from exc
    finally:
        _close(connection)


def _connect(address: MailboxAddress, context: ssl.SSLContext) -> imaplib.IMAP4:
    try:
        if not address.starttls:
            return imaplib.IMAP4_SSL(address.host, address.port, ssl_context=context,
                                     timeout=TIMEOUT_SECONDS)
        connection = imaplib.IMAP4(address.host, address.port, timeout=TIMEOUT_SECONDS)
    except ssl.SSLCertVerificationError as exc:
        raise KnownError("error.imap-certificate", mailbox=address.display(),
                         why=exc.verify_message or exc) from exc
    except (OSError, imaplib.IMAP4.error) as exc:
        raise MailboxUnreachableError("error.imap-unreachable", mailbox=address.display(),
                                      why=_why(exc)) from exc
    if "STARTTLS" not in connection.capabilities:
        _close(connection)
        raise KnownError("error.imap-no-tls", mailbox=address.display())
    try:
        connection.starttls(ssl_context=context)
    except ssl.SSLCertVerificationError as exc:
        _close(connection)
        raise KnownError("error.imap-certificate", mailbox=address.display(),
                         why=exc.verify_message or exc) from exc
    except (OSError, imaplib.IMAP4.error) as exc:
        _close(connection)
        raise MailboxUnreachableError("error.imap-unreachable", mailbox=address.display(),
                                      why=_why(exc)) from exc
    return connection


def _sign_in(connection: imaplib.IMAP4, address: MailboxAddress, password: str) -> None:
    try:
        connection.login(address.user, password)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error as exc:
        raise SignInError("error.imap-sign-in-refused", user=address.user,
                          mailbox=address.display()) from exc


def _close(connection: imaplib.IMAP4) -> None:
    try:
        if connection.state == "SELECTED":
            connection.close()
        connection.logout()
    except (OSError, imaplib.IMAP4.error):
        pass


def _why(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return f"no answer in {TIMEOUT_SECONDS} s"
    return str(getattr(exc, "strerror", None) or exc) or type(exc).__name__
