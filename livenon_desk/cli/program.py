"""The command line: opening the desk, and the jobs IT scripts. Each command is thin; each
group of commands is a module of this package with ``add_commands`` and ``COMMANDS``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from livenon_desk import __version__
from livenon_desk.cli import (
    desk,
    documents,
    exit_codes,
    mail,
    privacy,
    records,
    server,
    station,
    sync,
)
from livenon_desk.cli.arguments import Parser, language
from livenon_desk.errors import KnownError
from livenon_desk.logging_setup import configure_logging, log_path

log = logging.getLogger(__name__)

_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    **desk.COMMANDS,
    **records.COMMANDS,
    **server.COMMANDS,
    **privacy.COMMANDS,
    **documents.COMMANDS,
    **sync.COMMANDS,
    **mail.COMMANDS,
    **station.COMMANDS,
}


def _common_options(default: object) -> Parser:
    common = Parser(add_help=False)
    common.add_argument("--db", type=Path, metavar="PATH", help="the database file",
                        default=default)
    common.add_argument("--log-level", help=argparse.SUPPRESS,
                        default="INFO" if default is None else default)
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="livenon-desk",
        description="Livenon Desk: look up, receive, inspect and print furniture returns.",
        parents=[_common_options(None)],
    )
    # Given before or after the command alike: a command's own copy of the options sets
    # them only when given, so ``--db X demo-data`` keeps X.
    common = _common_options(argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the desk on a fresh demo database"
    )
    parser.add_argument("--lang", type=language, help="user interface language: en or zh")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    desk.add_commands(sub, common)
    records.add_commands(sub, common)
    server.add_commands(sub)
    sync.add_commands(sub, common)
    privacy.add_commands(sub, common)
    documents.add_commands(sub, common)
    mail.add_commands(sub, common)
    station.add_commands(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader went away (`| head`): what it wanted it has; not a bug. Later writes
        # (Python's own flush at exit) go nowhere instead of failing again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return exit_codes.OK


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging(args.log_level)
    handler = _COMMANDS.get(args.command or "", desk.open_desk)
    try:
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, while it can still be told apart
    except KnownError as exc:
        log.info("refused: %s", exc.message)
        print(f"livenon-desk: {exc.message}", file=sys.stderr)
        return exit_codes.REFUSED
    except KeyboardInterrupt:
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        raise
    except Exception:
        log.exception("unexpected error in %s", args.command or "desk")
        print(f"livenon-desk: something went wrong; details are in {log_path()}", file=sys.stderr)
        return exit_codes.BUG
    return code
