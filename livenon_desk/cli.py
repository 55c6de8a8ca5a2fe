"""The command line: opening the desk, and the jobs IT scripts. Each command is thin."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from livenon_desk import __version__
from livenon_desk.cli_output import dumps, explanation_text, lookup_text
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.errors import KnownError
from livenon_desk.logging_setup import configure_logging, log_path
from livenon_desk.paths import default_database_path, demo_database_path

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_KNOWN_ERROR = 1
EXIT_USAGE = 2
EXIT_BUG = 70
DEMO_RETURNS = 5000
DEMO_SEED = 2025


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def _language(value: str) -> str:
    if value not in ("en", "zh"):
        raise argparse.ArgumentTypeError(f"language must be en or zh, not {value!r}")
    return value


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", type=Path, metavar="PATH", help="the database file")
    common.add_argument("--log-level", default="INFO", help=argparse.SUPPRESS)

    parser = _Parser(
        prog="livenon-desk",
        description="Livenon Desk: look up, receive, inspect and print furniture returns.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the desk on a fresh demo database"
    )
    parser.add_argument("--lang", type=_language, help="user interface language: en or zh")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = sub.add_parser("demo-data", parents=[common], help="fill a new database with demo data")
    demo.add_argument("--returns", type=_positive, default=DEMO_RETURNS, metavar="N")
    demo.add_argument("--seed", type=int, default=DEMO_SEED, metavar="S")
    demo.add_argument("--today", type=_day, help="the day the demo data is relative to")

    lookup = sub.add_parser(
        "lookup", parents=[common], help="print the returns matching a code or text"
    )
    lookup.add_argument("query", help="RMA, order, tracking or tag code, or a name, email, phone")
    lookup.add_argument("--json", action="store_true", help="print JSON")

    explain = sub.add_parser("explain", parents=[common], help="explain a return's eligibility")
    explain.add_argument("rma", help="the RMA number")
    explain.add_argument("--json", action="store_true", help="print JSON")
    explain.add_argument("--lang", type=_language, default="en", help="en or zh")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging(args.log_level)
    handler = _COMMANDS.get(args.command or "", _open_desk)
    try:
        return handler(args)
    except KnownError as exc:
        log.info("refused: %s", exc.message)
        print(f"livenon-desk: {exc.message}", file=sys.stderr)
        return EXIT_KNOWN_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("unexpected error in %s", args.command or "desk")
        print(f"livenon-desk: something went wrong; details are in {log_path()}", file=sys.stderr)
        return EXIT_BUG


def _database(args: argparse.Namespace, *, must_exist: bool) -> Path:
    path: Path = args.db or default_database_path()
    if must_exist and not path.exists():
        raise KnownError(f"No database at {path}.", f"{path} 处没有数据库。")
    return path


def _cmd_demo_data(args: argparse.Namespace) -> int:
    from livenon_desk.services.demo_service import create_demo_database

    path = _database(args, must_exist=False)
    summary = create_demo_database(path, returns=args.returns, seed=args.seed, today=args.today)
    print(
        f"{path}: {summary.returns} returns, {summary.orders} orders, "
        f"{summary.customers} customers in {summary.seconds:.1f} s"
    )
    return EXIT_OK


def _cmd_lookup(args: argparse.Namespace) -> int:
    from livenon_desk.services.desk_services import open_returns_service

    service = open_returns_service(_database(args, must_exist=True))
    matches = service.lookup(args.query)
    if args.json:
        print(dumps(matches))
        return EXIT_OK
    if not matches:
        raise KnownError(
            f"No return matches {args.query!r}.", f"没有与 {args.query!r} 匹配的退货。"
        )
    print(lookup_text(matches))
    return EXIT_OK


def _cmd_explain(args: argparse.Namespace) -> int:
    from livenon_desk.services.desk_services import open_returns_service

    service = open_returns_service(_database(args, must_exist=True))
    detail = service.detail_by_rma(args.rma)
    print(dumps(detail) if args.json else explanation_text(detail, args.lang))
    return EXIT_OK


def desk_actor(demo: bool) -> Actor:
    """Who works at the desk until sign-in exists: the demo's supervisor, or the
    workstation's user as an inspector."""
    if demo:
        return Actor("demo.supervisor", Role.SUPERVISOR, "Demo Supervisor")
    return Actor(getpass.getuser(), Role.INSPECTOR)


def _open_desk(args: argparse.Namespace) -> int:
    from livenon_desk.services.desk import Desk
    from livenon_desk.views.app import run_desk

    if args.demo:
        from livenon_desk.services.demo_service import create_demo_database

        path = args.db or demo_database_path()
        create_demo_database(path, returns=DEMO_RETURNS, seed=DEMO_SEED, replace=True)
    else:
        path = _database(args, must_exist=False)
    # The window shows at once; the first query opens (and if need be migrates) the file.
    exit_code: int = run_desk(Desk(path), desk_actor(args.demo), database_label=str(path),
                              language=args.lang)
    return exit_code


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo-data": _cmd_demo_data,
    "lookup": _cmd_lookup,
    "explain": _cmd_explain,
}


if __name__ == "__main__":
    sys.exit(main())
