"""Opening the desk's window (`livenon-desk`, `--demo`) and `livenon-desk demo-data`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from livenon_desk.cli import exit_codes
from livenon_desk.cli.arguments import day, positive
from livenon_desk.cli.database import database_path
from livenon_desk.paths import demo_database_path

DEMO_RETURNS = 5000
DEMO_SEED = 2025


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    demo = sub.add_parser("demo-data", parents=[common], help="fill a new database with demo data")
    demo.add_argument("--returns", type=positive, default=DEMO_RETURNS, metavar="N")
    demo.add_argument("--seed", type=int, default=DEMO_SEED, metavar="S")
    demo.add_argument("--today", type=day, help="the day the demo data is relative to")


def _demo_data(args: argparse.Namespace) -> int:
    from livenon_desk.services.demo_service import create_demo_database

    path = database_path(args)
    summary = create_demo_database(path, returns=args.returns, seed=args.seed, today=args.today)
    print(
        f"{path}: {summary.returns} returns, {summary.orders} orders, "
        f"{summary.customers} customers in {summary.seconds:.1f} s"
    )
    return exit_codes.OK


def open_desk(args: argparse.Namespace) -> int:
    """The window, on ``--db`` (made if missing) or a fresh demo database."""
    from livenon_desk.services.desk import Desk
    from livenon_desk.views.app import run_desk

    if args.demo:
        from livenon_desk.services.demo_service import create_demo_database

        path = args.db or demo_database_path()
        create_demo_database(path, returns=DEMO_RETURNS, seed=DEMO_SEED, replace=True)
    else:
        path = database_path(args)
    # The window shows at once; the first query opens (and if need be migrates) the file.
    hint = ""
    if args.demo:
        from livenon_desk.demo.users import DEMO_USERS

        hint = ", ".join(f"{u} / {p}" for u, p, _ in DEMO_USERS)
    exit_code: int = run_desk(Desk(path), database_label=str(path), language=args.lang,
                              demo_logins=hint)
    return exit_code


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"demo-data": _demo_data}
