"""`livenon-desk mail import`: email applications (P1) from files or an IMAP mailbox."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from livenon_desk.catalogue import text
from livenon_desk.cli import exit_codes
from livenon_desk.cli.arguments import Parser
from livenon_desk.cli.database import cli_actor, opened_desk
from livenon_desk.errors import KnownError, MailboxUnreachableError


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    mail = sub.add_parser("mail", help="email applications (P1)")
    actions = mail.add_subparsers(dest="mail_action", metavar="ACTION", required=True,
                                  parser_class=Parser)
    take = actions.add_parser(
        "import", parents=[common],
        help="take each message of .eml/.mbox files or an IMAP mailbox over TLS once "
             "(0 done, 1 refused, 3 mail server unreachable)")
    take.add_argument("files", nargs="*", type=Path, metavar="FILE",
                      help=".eml or .mbox files")
    take.add_argument("--imap", metavar="URL",
                      help="imaps://USER@HOST[:PORT]/FOLDER (imap://... for STARTTLS)")
    take.add_argument("--password-env", metavar="VAR", default="LIVENON_IMAP_PASSWORD",
                      help="the environment variable holding the mailbox's password "
                           "(else it is asked for)")
    take.add_argument("--ca-file", type=Path, metavar="PATH",
                      help="CA certificates to trust instead of the system's")
    send = actions.add_parser(
        "send", parents=[common],
        help="send the answers to email applications still queued, by the SMTP server of "
             "desk_settings.toml's [mail] (0 all sent, 1 one refused, 3 server unreachable)")
    send.add_argument("--password-env", metavar="VAR", default="LIVENON_SMTP_PASSWORD",
                      help="the environment variable holding the SMTP password, when the "
                           "keyring has none")
    send.add_argument("--ca-file", type=Path, metavar="PATH",
                      help="CA certificates to trust instead of the system's")
    keep = actions.add_parser(
        "password", help="keep the SMTP or IMAP password of [mail] in the system keyring")
    keep.add_argument("server", choices=("smtp", "imap"))
    keep.add_argument("--password-env", metavar="VAR", default="LIVENON_MAIL_PASSWORD",
                      help="the environment variable holding it (else it is asked for)")


def _mail(args: argparse.Namespace) -> int:
    if args.mail_action == "send":
        return _send(args)
    if args.mail_action == "password":
        return _keep_password(args)
    return _import(args)


def _send(args: argparse.Namespace) -> int:
    from livenon_desk.services.mail_sender import smtp_transport
    from livenon_desk.services.mail_servers import mail_ca_file, mail_passwords, smtp_server

    with opened_desk(args) as desk:
        settings = desk.settings
        server = smtp_server(settings)
        password = (mail_passwords().load(server.display())
                    or os.environ.get(args.password_env))
        ca_file = args.ca_file or mail_ca_file(settings)
        transport = smtp_transport(settings, password, ca_file=ca_file)
        report = desk.mail_sender.send_waiting(cli_actor().username, transport)
    print(text("cli.mail-sent", sent=report.sent, waiting=report.waiting))
    if report.error is None:
        return exit_codes.OK
    print(f"livenon-desk: {report.error.message}", file=sys.stderr)
    if isinstance(report.error, MailboxUnreachableError):
        return exit_codes.OFFLINE
    return exit_codes.REFUSED


def _keep_password(args: argparse.Namespace) -> int:
    from livenon_desk.services.desk_settings import desk_settings
    from livenon_desk.services.mail_servers import keep_mail_password, mail_server_address

    settings = desk_settings()
    _where, user, host = mail_server_address(settings, args.server)
    where = keep_mail_password(settings, args.server,
                               _password(args.password_env, user, host))
    print(text("cli.mail-password-kept", server=where))
    return exit_codes.OK


def _import(args: argparse.Namespace) -> int:
    from livenon_desk.inbox.imap import parse_imap_url

    if bool(args.imap) == bool(args.files):
        print(text("mailbox.files-or-imap"), file=sys.stderr)
        return exit_codes.USAGE
    with opened_desk(args) as desk:
        service = desk.mail
        if args.files:
            report = service.import_files(cli_actor(), args.files)
        else:
            address = parse_imap_url(args.imap)
            password = _password(args.password_env, address.user, address.host)
            try:
                report = service.import_mailbox(cli_actor(), address, password,
                                                ca_file=args.ca_file)
            except MailboxUnreachableError as exc:
                print(f"livenon-desk: {exc.message}", file=sys.stderr)
                return exit_codes.OFFLINE
    print(text("mailbox.imported", taken=report.taken, needs_person=report.needs_person,
               already=report.already_held))
    return exit_codes.OK


def _password(variable: str, user: str, host: str) -> str:
    """From the environment, else typed at the terminal; never from the command line."""
    password = os.environ.get(variable)
    if password:
        return password
    if sys.stdin.isatty():
        return getpass.getpass(text("mailbox.password-prompt", user=user, host=host))
    raise KnownError("error.password-env-unset", password_env=variable, user=user)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"mail": _mail}
