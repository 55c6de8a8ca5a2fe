"""The privacy jobs IT scripts: verify the audit trail, apply the retention rule, export
one customer's data."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from livenon_desk.cli import exit_codes
from livenon_desk.cli.database import cli_actor, opened_desk
from livenon_desk.errors import KnownError
from livenon_desk.private_files import check_output, write_output


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    audit = sub.add_parser("audit", parents=[common], help="check the audit trail")
    audit.add_argument("action", choices=("verify",), help="verify: recompute the hash chain")
    audit.add_argument("--server", metavar="URL",
                       help="the central server to compare with (default: the desk's own)")
    purge = sub.add_parser("purge", parents=[common],
                           help="remove personal data of returns closed past the retention period")
    purge.add_argument("--dry-run", action="store_true", help="only count what would go")
    export = sub.add_parser("export-customer", parents=[common],
                            help="write one customer's return data as JSON")
    export.add_argument("email", help="the customer's email address")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.json")


def _audit(args: argparse.Namespace) -> int:
    with opened_desk(args) as desk:
        service = desk.audit
        server: str | None = args.server or desk.sync.snapshot().server_url
        anchor, note = _central_anchor(server, service.desk_id())
        report = service.verify(anchor)
    print(note)
    if report.ok:
        print(f"audit trail intact: {report.checked} events")
        return exit_codes.OK
    problem = report.problem.text() if report.problem else ""
    print(f"audit trail broken at event {report.first_bad_id}: {problem} "
          f"({report.checked} events before it are intact)")
    return exit_codes.REFUSED


def _central_anchor(server: str | None, desk_id: str) -> tuple[Any, str]:
    """The central server's anchor of this desk's chain, and a line saying what was
    compared. A server that cannot be asked leaves the check to the desk's own chain."""
    from livenon_desk.services.central_service import CentralService, NotSignedInError

    if not server:
        return None, "not compared with a central server: none is configured"
    try:
        anchor = CentralService().audit_anchor(server, desk_id)
    except NotSignedInError:
        return None, f"not compared with {server}: not signed in (run livenon-desk sync once)"
    except KnownError as exc:
        return None, f"not compared with {server}: {exc.message}"
    if anchor is None:
        return None, f"compared with {server}: it holds no event of this desk yet"
    return anchor, f"compared with {server}: it holds events up to {anchor.event_id}"


def _purge(args: argparse.Namespace) -> int:
    with opened_desk(args) as desk:
        report = desk.retention.purge(cli_actor(), dry_run=args.dry_run)
        days = desk.settings.closed_return_days
    verb = "would purge" if report.dry_run else "purged"
    print(f"{verb}: {report.returns} returns closed over {days} days "
          f"ago, {report.customers} customers, {report.photos} photos, "
          f"{report.emails} emails")
    return exit_codes.OK


def _export(args: argparse.Namespace) -> int:
    out: Path = args.out
    check_output(out)
    with opened_desk(args) as desk:
        document = desk.exports.export_customer(cli_actor(), args.email)
    write_output(out, json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
    print(f"{out}: {len(document['returns'])} returns, {len(document['orders'])} orders")
    return exit_codes.OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "audit": _audit,
    "purge": _purge,
    "export-customer": _export,
}
