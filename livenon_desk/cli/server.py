"""`livenon-desk central` and `livenon-desk central-user`: the reference central server."""

from __future__ import annotations

import argparse
import getpass
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from livenon_desk.cli import exit_codes
from livenon_desk.cli.arguments import day, port, positive
from livenon_desk.cli.desk import DEMO_RETURNS, DEMO_SEED
from livenon_desk.errors import KnownError
from livenon_desk.paths import data_dir


def add_commands(sub: Any) -> None:
    central = sub.add_parser("central", help="run the reference central API server")
    central.add_argument("--db", metavar="URL", default=None,
                         help="SQLAlchemy URL or SQLite file (default: in the user's data folder)")
    central.add_argument("--host", default="127.0.0.1", help="address to listen on")
    central.add_argument("--port", type=port, default=8080, metavar="N")
    central.add_argument("--demo", action="store_true",
                         help="fill a new, empty database with demo data and demo users")
    central.add_argument("--returns", type=positive, default=DEMO_RETURNS, metavar="N",
                         help="demo returns (with --demo)")
    central.add_argument("--seed", type=int, default=DEMO_SEED, metavar="S")
    central.add_argument("--today", type=day, help="the day the demo data is relative to")
    central.add_argument("--rate", type=float, default=50.0, metavar="R",
                         help="requests a second per client, on average (0: no limit)")
    central.add_argument("--burst", type=positive, default=100, metavar="N")
    central.add_argument("--tls-cert", type=Path, metavar="PATH",
                         help="certificate (PEM) for HTTPS")
    central.add_argument("--tls-key", type=Path, metavar="PATH", help="its private key (PEM)")
    central.add_argument("--log-level", default="INFO", help=argparse.SUPPRESS)

    user = sub.add_parser("central-user", help="add a user to a central server's database "
                          "(password from LIVENON_CENTRAL_PASSWORD or asked)")
    user.add_argument("username")
    user.add_argument("--role", choices=("inspector", "supervisor", "admin"), required=True)
    user.add_argument("--db", metavar="URL", default=None, help="as for central")
    user.add_argument("--log-level", default="INFO", help=argparse.SUPPRESS)


def _central_url(args: argparse.Namespace) -> str:
    if args.db:
        return str(args.db)
    path = data_dir() / "livenon-central.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path)


def _needs_central_extra() -> None:
    try:
        import fastapi  # noqa: F401
        import orjson  # noqa: F401
        import uvicorn  # noqa: F401
    except ModuleNotFoundError as exc:
        raise KnownError("error.central-extra-missing", module=exc.name) from None


def _central(args: argparse.Namespace) -> int:
    _needs_central_extra()
    from livenon_desk.central.launch import run_central
    from livenon_desk.central.settings import CentralSettings

    if (args.tls_cert is None) != (args.tls_key is None):
        raise KnownError("error.tls-cert-and-key")
    tls = (str(args.tls_cert), str(args.tls_key)) if args.tls_cert else None
    settings = CentralSettings(database_url=_central_url(args),
                               rate_per_second=args.rate or None, burst=args.burst)
    run_central(settings, host=args.host, port=args.port, tls=tls,
                demo_returns=args.returns if args.demo else None, seed=args.seed,
                today=args.today)
    return exit_codes.OK


def _central_user(args: argparse.Namespace) -> int:
    _needs_central_extra()
    from livenon_desk.central.launch import add_user

    password = os.environ.get("LIVENON_CENTRAL_PASSWORD") or getpass.getpass("Password: ")
    if not password:
        raise KnownError("error.empty-password")
    url = _central_url(args)
    add_user(url, args.username, password, args.role)
    print(f"user {args.username} ({args.role}) saved")
    return exit_codes.OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "central": _central,
    "central-user": _central_user,
}
