"""The one way a command opens the desk's database, and who a command acts as.

The jobs run as an administrator named after the operating-system user: whoever may run
them already holds the database file.
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from livenon_desk.domain.roles import Actor, Role
from livenon_desk.paths import default_database_path
from livenon_desk.services.desk import Desk


def database_path(args: argparse.Namespace) -> Path:
    """``--db``, else the desk's database in the user's data folder."""
    path: Path = args.db or default_database_path()
    return path


@contextmanager
def opened_desk(args: argparse.Namespace) -> Iterator[Desk]:
    """The desk's services on the database ``--db`` names, which must exist; its engine is
    disposed when the command is done, whatever happened."""
    desk = Desk(database_path(args), create=False)
    try:
        yield desk
    finally:
        desk.close()


def cli_actor() -> Actor:
    return Actor(f"cli:{getpass.getuser()}", Role.ADMIN)
