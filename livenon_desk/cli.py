"""The command line: opening the desk, and the jobs IT scripts. Each command is thin."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from livenon_desk import __version__, cli_print, cli_privacy
from livenon_desk.cli_output import dumps, explanation_text, lookup_text
from livenon_desk.errors import KnownError
from livenon_desk.logging_setup import configure_logging, log_path
from livenon_desk.paths import data_dir, default_database_path, demo_database_path

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_KNOWN_ERROR = 1
EXIT_USAGE = 2
EXIT_OFFLINE = 3
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

    central = sub.add_parser("central", help="run the reference central API server")
    central.add_argument("--db", metavar="URL", default=None,
                         help="SQLAlchemy URL or SQLite file (default: in the user's data folder)")
    central.add_argument("--host", default="127.0.0.1", help="address to listen on")
    central.add_argument("--port", type=_port, default=8080, metavar="N")
    central.add_argument("--demo", action="store_true",
                         help="fill a new, empty database with demo data and demo users")
    central.add_argument("--returns", type=_positive, default=DEMO_RETURNS, metavar="N",
                         help="demo returns (with --demo)")
    central.add_argument("--seed", type=int, default=DEMO_SEED, metavar="S")
    central.add_argument("--today", type=_day, help="the day the demo data is relative to")
    central.add_argument("--rate", type=float, default=50.0, metavar="R",
                         help="requests a second per client, on average (0: no limit)")
    central.add_argument("--burst", type=_positive, default=100, metavar="N")
    central.add_argument("--tls-cert", type=Path, metavar="PATH",
                         help="certificate (PEM) for HTTPS")
    central.add_argument("--tls-key", type=Path, metavar="PATH", help="its private key (PEM)")
    central.add_argument("--log-level", default="INFO", help=argparse.SUPPRESS)

    sync = sub.add_parser("sync", parents=[common], help="send the changes waiting and pull "
                          "the central server's news, once (0 done, 1 needs a person, "
                          "3 offline)")
    sync.add_argument("--server", required=True, metavar="URL",
                      help="the central server, e.g. https://central.example.com")
    sync.add_argument("--user", metavar="U", help="sign in as U (else the saved token)")
    sync.add_argument("--password-env", metavar="VAR", default="LIVENON_CENTRAL_PASSWORD",
                      help="the environment variable holding U's password")
    sync.add_argument("--ca-bundle", type=Path, metavar="PATH",
                      help="CA certificates to trust instead of the system's")

    user = sub.add_parser("central-user", help="add a user to a central server's database "
                          "(password from LIVENON_CENTRAL_PASSWORD or asked)")
    user.add_argument("username")
    user.add_argument("--role", choices=("inspector", "supervisor", "admin"), required=True)
    user.add_argument("--db", metavar="URL", default=None, help="as for central")
    user.add_argument("--log-level", default="INFO", help=argparse.SUPPRESS)
    cli_privacy.add_commands(sub, common)
    cli_print.add_commands(sub, common)
    return parser


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1-65535, not {number}")
    return number


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


def _central_url(args: argparse.Namespace) -> str:
    if args.db:
        return str(args.db)
    path = data_dir() / "livenon-central.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path)


def _needs_central_extra() -> None:
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ModuleNotFoundError as exc:
        raise KnownError(
            f"The central server needs {exc.name}: pip install 'livenon-desk[central]'.",
            f"中央服务器需要 {exc.name}：pip install 'livenon-desk[central]'。",
        ) from None


def _cmd_central(args: argparse.Namespace) -> int:
    _needs_central_extra()
    from livenon_desk.central.launch import run_central
    from livenon_desk.central.settings import CentralSettings

    if (args.tls_cert is None) != (args.tls_key is None):
        raise KnownError("Give both --tls-cert and --tls-key, or neither.",
                         "请同时提供 --tls-cert 和 --tls-key，或都不提供。")
    tls = (str(args.tls_cert), str(args.tls_key)) if args.tls_cert else None
    settings = CentralSettings(database_url=_central_url(args),
                               rate_per_second=args.rate or None, burst=args.burst)
    run_central(settings, host=args.host, port=args.port, tls=tls,
                demo_returns=args.returns if args.demo else None, seed=args.seed,
                today=args.today)
    return EXIT_OK


def _cmd_central_user(args: argparse.Namespace) -> int:
    _needs_central_extra()
    from livenon_desk.central.launch import add_user

    password = os.environ.get("LIVENON_CENTRAL_PASSWORD") or getpass.getpass("Password: ")
    if not password:
        raise KnownError("The password must not be empty.", "密码不能为空。")
    url = _central_url(args)
    add_user(url, args.username, password, args.role)
    print(f"user {args.username} ({args.role}) saved")
    return EXIT_OK


def _cmd_sync(args: argparse.Namespace) -> int:
    from livenon_desk.services.sync_service import SyncService
    from livenon_desk.store.opening import open_store
    from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
    from livenon_desk.sync.client import CentralClient, ClientSettings
    from livenon_desk.sync.credentials import TokenStore
    from livenon_desk.sync.errors import BusyError, OfflineError
    from livenon_desk.sync.worker import Outcome

    path = _database(args, must_exist=True)
    client = CentralClient(ClientSettings(args.server, ca_bundle=args.ca_bundle))
    tokens = TokenStore()
    try:
        if args.user:
            password = os.environ.get(args.password_env)
            if not password:
                raise KnownError(f"Set {args.password_env} to {args.user}'s password.",
                                 f"请在 {args.password_env} 中设置 {args.user} 的密码。")
            tokens.save(args.server, client.sign_in(args.user, password).access_token)
        else:
            client.token = tokens.load(args.server)
            if not client.token:
                raise KnownError(
                    f"Not signed in to {args.server}: give --user (and its password in "
                    f"{args.password_env}) once.",
                    f"尚未登录 {args.server}：请用 --user 登录一次（密码放在 "
                    f"{args.password_env}）。")
    except (OfflineError, BusyError) as exc:
        print(f"livenon-desk: {exc.message}", file=sys.stderr)
        return EXIT_OFFLINE
    store = open_store(path)
    try:
        service = SyncService(store, PhotoFiles(photo_dir_for(path)))
        result = service.run_round(client)
        snapshot = service.snapshot()
    finally:
        store.dispose()
        client.close()
    pulled = result.pull.changes if result.pull else 0
    print(f"sent {result.push.sent}, photos {result.push.photos_sent}, pulled {pulled}; "
          f"waiting {snapshot.waiting}, conflicts {snapshot.conflicts}, "
          f"refused {snapshot.failed}")
    if result.error:
        print(f"livenon-desk: {result.error}", file=sys.stderr)
    if result.outcome is Outcome.OFFLINE:
        return EXIT_OFFLINE
    if result.outcome is Outcome.OK and not (snapshot.conflicts or snapshot.failed):
        return EXIT_OK
    return EXIT_KNOWN_ERROR


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
    hint = ""
    if args.demo:
        from livenon_desk.demo.users import DEMO_USERS

        hint = ", ".join(f"{u} / {p}" for u, p, _ in DEMO_USERS)
    exit_code: int = run_desk(Desk(path), database_label=str(path), language=args.lang,
                              demo_logins=hint)
    return exit_code


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo-data": _cmd_demo_data,
    "lookup": _cmd_lookup,
    "explain": _cmd_explain,
    "central": _cmd_central,
    "central-user": _cmd_central_user,
    **cli_privacy.COMMANDS,
    **cli_print.COMMANDS,
    "sync": _cmd_sync,
}


if __name__ == "__main__":
    sys.exit(main())
