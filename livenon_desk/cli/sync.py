"""`livenon-desk sync`: one sync round for scripts."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from livenon_desk.cli import exit_codes
from livenon_desk.cli.database import opened_desk
from livenon_desk.errors import KnownError


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    sync = sub.add_parser("sync", parents=[common], help="send the changes waiting and pull "
                          "the central server's news, once (0 done, 1 needs a person, "
                          "3 offline)")
    sync.add_argument("--server", metavar="URL",
                      help="the central server, e.g. https://central.example.com (default: "
                           "the one the desk's settings name)")
    sync.add_argument("--user", metavar="U", help="sign in as U (else the saved token)")
    sync.add_argument("--password-env", metavar="VAR", default="LIVENON_CENTRAL_PASSWORD",
                      help="the environment variable holding U's password")
    sync.add_argument("--ca-bundle", type=Path, metavar="PATH",
                      help="CA certificates to trust instead of the system's")


def _sync(args: argparse.Namespace) -> int:
    from livenon_desk.services.auth_service import CentralUnreachableError
    from livenon_desk.services.central_service import CentralService, Outcome
    from livenon_desk.services.desk_settings import chosen_server

    server: str = args.server or chosen_server()
    if not server:
        raise KnownError("error.sync-server-missing")
    central = CentralService(ca_bundle=args.ca_bundle)
    with opened_desk(args) as desk:
        desk.sync.snapshot()  # a missing or damaged database stops here, before signing in
        try:
            if args.user:
                password = os.environ.get(args.password_env)
                if not password:
                    raise KnownError(
                        "error.password-env-unset",
                        password_env=args.password_env,
                        user=args.user,
                    )
                central.sign_in(server, args.user, password)
            elif not central.is_signed_in(server):
                raise KnownError(
                    "error.sync-not-signed-in",
                    server=server,
                    password_env=args.password_env,
                )
        except CentralUnreachableError as exc:
            print(f"livenon-desk: {exc.message}", file=sys.stderr)
            return exit_codes.OFFLINE
        report = central.run_round(desk.sync, server)
    snapshot = report.snapshot
    print(f"sent {report.sent}, photos {report.photos_sent}, pulled {report.pulled}; "
          f"waiting {snapshot.waiting}, conflicts {snapshot.conflicts}, "
          f"refused {snapshot.failed}")
    if report.error:
        print(f"livenon-desk: {report.error}", file=sys.stderr)
    if report.outcome is Outcome.OFFLINE:
        return exit_codes.OFFLINE
    return exit_codes.OK if report.done else exit_codes.REFUSED


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"sync": _sync}
