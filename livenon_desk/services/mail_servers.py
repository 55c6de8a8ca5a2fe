"""The mail servers of ``desk_settings.toml``'s ``[mail]`` and their passwords.

The SMTP server the answers go out by (P2) and the IMAP mailbox the applications come
from (P1); each password is kept in the system keyring under the server's address (as the
central server's token is, ``sync/credentials.py``), never in a settings file.
"""

from __future__ import annotations

from pathlib import Path

from livenon_desk.domain.roles import Actor
from livenon_desk.errors import KnownError
from livenon_desk.inbox.imap import MailboxAddress
from livenon_desk.inbox.smtp import SmtpServer
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
    ca_file = Path(settings.mail_ca_file) if settings.mail_ca_file else None
    return mail.import_mailbox(actor, address, password, ca_file=ca_file, only_new=True)
