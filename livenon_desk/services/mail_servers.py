"""The mail servers of ``desk_settings.toml``'s ``[mail]`` and their passwords.

The SMTP server the answers go out by (P2) and the IMAP mailbox the applications come
from (P1); each password is kept in the system keyring under the server's address (as the
central server's token is, ``sync/credentials.py``), never in a settings file.
"""

from __future__ import annotations

import ssl
from pathlib import Path

from livenon_desk.domain.roles import Actor
from livenon_desk.errors import KnownError, MailboxUnreachableError, SignInError
from livenon_desk.inbox.imap import MailboxAddress, check_mailbox
from livenon_desk.inbox.smtp import SmtpServer, check_sign_in
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.services.mail_service import MailImportReport, MailService
from livenon_desk.sync.credentials import MAIL_SERVICE, TokenStore


def smtp_server(settings: DeskSettings) -> SmtpServer:
    """The SMTP server of ``[mail]``; none set is an error the user can act on."""
    if not settings.smtp_host:
        raise KnownError("error.smtp-not-set")
    return SmtpServer(settings.smtp_host, settings.smtp_port, settings.smtp_user,
                      settings.smtp_security)


def mailbox_address(settings: DeskSettings) -> MailboxAddress:
    """The IMAP mailbox of ``[mail]``; none set is an error the user can act on."""
    if not settings.imap_host or not settings.imap_user:
        raise KnownError("error.imap-not-set")
    return MailboxAddress(settings.imap_host, settings.imap_port, settings.imap_user,
                          settings.imap_folder or "INBOX",
                          starttls=settings.imap_security == "starttls")


def mail_passwords() -> TokenStore:
    """Where the SMTP and IMAP passwords are kept: the keyring, by server address."""
    return TokenStore(service=MAIL_SERVICE)


def poll_mailbox(mail: MailService, actor: Actor, settings: DeskSettings,
                 passwords: TokenStore | None = None) -> MailImportReport:
    """Take what is new in the mailbox of ``[mail]`` (P1), its password from the keyring;
    the desk's background poll, which reads only the messages that came since the last
    (a higher UID). A mailbox whose server renumbered its UIDs is read whole by
    ``livenon-desk mail import``."""
    address = mailbox_address(settings)
    password = (passwords or mail_passwords()).load(address.display())
    if password is None:
        raise KnownError("error.imap-no-password", mailbox=address.display())
    return mail.import_mailbox(actor, address, password, ca_file=mail_ca_file(settings),
                               only_new=True)


def check_connection(settings: DeskSettings, which: str, password: str | None,
                     passwords: TokenStore | None = None) -> str:
    """Settings' "Test connection" for the SMTP server (``which`` "smtp") or the mailbox
    ("imap") of ``settings``: connect and sign in with ``password`` (none typed: the kept
    one), and open the mailbox's folder, sending and reading nothing. The server's address;
    else why not, in words a person can act on."""
    where, user, _host = mail_server_address(settings, which)
    password = password or (passwords or mail_passwords()).load(where)
    if user and not password:
        raise KnownError("error.mail-test-no-password", server=where)
    try:
        if which == "smtp":
            check_sign_in(smtp_server(settings), password, ca_file=mail_ca_file(settings))
        else:
            check_mailbox(mailbox_address(settings), password or "",
                          ca_file=mail_ca_file(settings))
    except KnownError as exc:
        raise _test_refusal(exc, where) from exc
    return where


def mail_ca_file(settings: DeskSettings) -> Path | None:
    """The CA certificates to trust for the mail servers; None: the system's."""
    return Path(settings.mail_ca_file) if settings.mail_ca_file else None


def _test_refusal(exc: KnownError, where: str) -> KnownError:
    """A failed test said for what it is (the sending and reading messages speak of
    queued answers and imports): refused, not TLS, an untrusted certificate, a wrong
    password, no answer."""
    values = exc.reason.values
    if isinstance(exc, SignInError):
        return KnownError("error.mail-test-sign-in-refused", server=where,
                          user=values["user"])
    if exc.message_id in ("error.smtp-certificate", "error.imap-certificate"):
        return KnownError("error.mail-test-certificate", server=where, why=values["why"])
    if exc.message_id in ("error.smtp-no-tls", "error.imap-no-tls"):
        return KnownError("error.mail-test-no-tls", server=where)
    if isinstance(exc, MailboxUnreachableError):
        if isinstance(exc.__cause__, ConnectionRefusedError):
            return KnownError("error.mail-test-refused", server=where)
        if isinstance(exc.__cause__, ssl.SSLError):
            return KnownError("error.mail-test-tls", server=where, why=values["why"])
        return KnownError("error.mail-test-unreachable", server=where, why=values["why"])
    return exc


def mail_server_address(settings: DeskSettings, which: str) -> tuple[str, str, str]:
    """The SMTP server's (``which`` "smtp") or the mailbox's ("imap") address, user and
    host: the address names its password in the keyring."""
    if which == "smtp":
        server = smtp_server(settings)
        return server.display(), server.user, server.host
    mailbox = mailbox_address(settings)
    return mailbox.display(), mailbox.user, mailbox.host


def keep_mail_password(settings: DeskSettings, which: str, password: str) -> str:
    """The SMTP or IMAP password kept in the keyring for the server ``settings`` name;
    that server's address."""
    where = mail_server_address(settings, which)[0]
    mail_passwords().save(where, password)
    return where


def mail_password_kept(settings: DeskSettings, which: str) -> bool:
    """A password is kept for the SMTP server or the mailbox of ``settings``."""
    try:
        where = mail_server_address(settings, which)[0]
    except KnownError:  # no server set
        return False
    return mail_passwords().load(where) is not None
