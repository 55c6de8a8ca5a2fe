"""`livenon-desk lookup` and `livenon-desk explain`: the returns as the desk shows them."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from livenon_desk.cli import exit_codes
from livenon_desk.cli.arguments import language
from livenon_desk.cli.database import opened_desk
from livenon_desk.errors import KnownError


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    lookup = sub.add_parser(
        "lookup", parents=[common], help="print the returns matching a code or text"
    )
    lookup.add_argument("query", help="RMA, order, tracking or tag code, or a name, email, phone")
    lookup.add_argument("--json", action="store_true", help="print JSON")

    explain = sub.add_parser("explain", parents=[common], help="explain a return's eligibility")
    explain.add_argument("rma", help="the RMA number")
    explain.add_argument("--json", action="store_true", help="print JSON")
    explain.add_argument("--lang", type=language, default="en", help="en or zh")


def _lookup(args: argparse.Namespace) -> int:
    # Loaded by the command that prints, not by every start of the program.
    from livenon_desk.cli.output import dumps, lookup_text

    with opened_desk(args) as desk:
        matches = desk.returns.lookup(args.query)
    if args.json:
        print(dumps(matches))
        return exit_codes.OK
    if not matches:
        raise KnownError("error.no-return-matches", query=args.query)
    print(lookup_text(matches))
    return exit_codes.OK


def _explain(args: argparse.Namespace) -> int:
    from livenon_desk.cli.output import dumps, explanation_text

    with opened_desk(args) as desk:
        detail = desk.returns.detail_by_rma(args.rma)
    print(dumps(detail) if args.json else explanation_text(detail, args.lang))
    return exit_codes.OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "lookup": _lookup,
    "explain": _explain,
}
