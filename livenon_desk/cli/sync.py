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
    sync.add_argument("--server", required=True, metavar="URL",
                      help="the central server, e.g. https://central.example.com")
    sync.add_argument("--user", metavar="U", help="sign in as U (else the saved token)")
    sync.add_argument("--password-env", metavar="VAR", default="LIVENON_CENTRAL_PASSWORD",
                      help="the environment variable holding U's password")
    sync.add_argument("--ca-bundle", type=Path, metavar="PATH",
                      help="CA certificates to trust instead of the system's")


def _sync(args: argparse.Namespace) -> int:
    from livenon_desk.sync.client import CentralClient, ClientSettings
    from livenon_desk.sync.credentials import TokenStore
    from livenon_desk.sync.errors import BusyError, OfflineError
    from livenon_desk.sync.worker import Outcome

    with opened_desk(args) as desk:
        desk.sync.snapshot()  # a missing or damaged database stops here, before signing in
        client = CentralClient(ClientSettings(args.server, ca_bundle=args.ca_bundle))
        tokens = TokenStore()
        try:
            if args.user:
                password = os.environ.get(args.password_env)
                if not password:
                    raise KnownError(
                        "error.password-env-unset",
                        password_env=args.password_env,
                        user=args.user,
                    )
                tokens.save(args.server, client.sign_in(args.user, password).access_token)
            else:
                client.token = tokens.load(args.server)
                if not client.token:
                    raise KnownError(
                        "error.sync-not-signed-in",
                        server=args.server,
                        password_env=args.password_env,
                    )
        except (OfflineError, BusyError) as exc:
            client.close()
            print(f"livenon-desk: {exc.message}", file=sys.stderr)
            return exit_codes.OFFLINE
        try:
            result = desk.sync.run_round(client)
            snapshot = desk.sync.snapshot()
        finally:
            client.close()
    pulled = result.pull.changes if result.pull else 0
    print(f"sent {result.push.sent}, photos {result.push.photos_sent}, pulled {pulled}; "
          f"waiting {snapshot.waiting}, conflicts {snapshot.conflicts}, "
          f"refused {snapshot.failed}")
    if result.error:
        print(f"livenon-desk: {result.error}", file=sys.stderr)
    if result.outcome is Outcome.OFFLINE:
        return exit_codes.OFFLINE
    if result.outcome is Outcome.OK and not (snapshot.conflicts or snapshot.failed):
        return exit_codes.OK
    return exit_codes.REFUSED


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"sync": _sync}
