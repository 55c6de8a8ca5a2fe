"""`livenon-desk print`: one document for one return, or labels and tags in batches;
`livenon-desk verify-report`: a printed inspection report checked against the record."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from livenon_desk.catalogue import text
from livenon_desk.cli import exit_codes
from livenon_desk.cli.arguments import printer_address
from livenon_desk.cli.database import cli_actor, opened_desk
from livenon_desk.errors import KnownError
from livenon_desk.private_files import check_output, write_output

if TYPE_CHECKING:
    from livenon_desk.services.desk import Desk

_BATCHES = {"labels": "label", "tags": "tag"}
_TEST_LABEL = "test-label"  # the label printer's, with --zpl only


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    from livenon_desk.domain.enums import ReturnStatus
    from livenon_desk.services.document_kinds import DocumentKind

    kinds = [k.value for k in DocumentKind]
    command = sub.add_parser(
        "print", parents=[common],
        help="write a document as PDF: " + ", ".join(kinds) + "; or labels/tags in a batch")
    every = [*kinds, *_BATCHES, _TEST_LABEL]
    command.add_argument("kind", choices=every, metavar="KIND",
                         help="one of " + ", ".join(every))
    command.add_argument("rma", nargs="?", help="the RMA number (not for labels/tags)")
    command.add_argument("--status", choices=[s.value for s in ReturnStatus],
                         help="labels/tags: every return with this status")
    where = command.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE.pdf")
    where.add_argument("--zpl", type=printer_address, metavar="tcp://HOST:PORT|cups:QUEUE",
                       help="labels/tags: send them to a label printer as one ZPL job")
    command.add_argument("--dpi", type=int, choices=(203, 300, 600),
                         help="with --zpl: the label printer's resolution "
                              "(default: the desk's settings)")
    command.add_argument("--lang", choices=("en", "zh"),
                         help="language (default: the customer's)")
    verify = sub.add_parser(
        "verify-report", parents=[common],
        help="check a printed inspection report (its PDF, or a scan as PDF) against the "
             "record: exit 0 when it matches, 1 when it does not or cannot be checked")
    verify.add_argument("file", type=Path, metavar="FILE.pdf")


def _print(args: argparse.Namespace) -> int:
    from livenon_desk.services.document_kinds import DocumentKind

    if args.zpl is not None:
        return _send_to_label_printer(args)
    if args.dpi is not None:
        raise KnownError("error.print-dpi-without-zpl")
    if args.kind == _TEST_LABEL:
        raise KnownError("error.print-test-label-zpl")
    out: Path = args.out
    check_output(out)  # before the document is made and audited as printed
    actor = cli_actor()
    with opened_desk(args) as desk:
        documents = desk.documents
        if args.kind in _BATCHES:
            document = documents.batch(actor, DocumentKind(_BATCHES[args.kind]),
                                       _batch_rmas(args, desk), args.lang or "en")
        else:
            document = documents.render(actor, DocumentKind(args.kind), _one_rma(args),
                                        args.lang)
    write_output(out, document.pdf)
    print(f"{out}: {document.kind.value}, {len(document.pdf) // 1024} KB")
    return exit_codes.OK


def _send_to_label_printer(args: argparse.Namespace) -> int:
    """One job of labels or tags, one per carton, to ``--zpl``; exit 4 when the printer
    did not take it (nothing is then marked printed)."""
    from livenon_desk.services.document_kinds import DocumentKind
    from livenon_desk.services.label_printer import station_printer

    if args.kind == _TEST_LABEL:
        return _send_test_label(args)
    kind = DocumentKind(_BATCHES.get(args.kind, args.kind))
    if not kind.is_label_stock:
        raise KnownError("error.print-zpl-label-stock-only", kind=args.kind)
    actor = cli_actor()

    def send() -> str:
        with opened_desk(args) as desk:
            printer = station_printer(desk.settings, args.zpl, args.dpi)
            if args.kind in _BATCHES:
                job = desk.documents.send_batch_to_label_printer(
                    actor, kind, _batch_rmas(args, desk), printer, args.lang or "en")
            else:
                job = desk.documents.send_to_label_printer(actor, kind, _one_rma(args),
                                                           printer, args.lang)
        return text("cli.label-job-sent", printer=job.printer, count=job.labels,
                    kind=kind.value, size=max(1, job.bytes_sent // 1024))

    return _to_label_printer(send)


def _send_test_label(args: argparse.Namespace) -> int:
    """The test label, with the desk's settings for the label printer; no database."""
    from livenon_desk.services.desk_settings import desk_settings
    from livenon_desk.services.document_service import send_test_label
    from livenon_desk.services.label_printer import station_printer

    printer = station_printer(desk_settings(), args.zpl, args.dpi)

    def send() -> str:
        job = send_test_label(printer, lang=args.lang or "en")
        return text("cli.test-label-sent", printer=job.printer, dpi=printer.dpi,
                    code=job.reference)

    return _to_label_printer(send)


def _to_label_printer(send: Callable[[], str]) -> int:
    """Run ``send`` and print what it says; exit 4 with the printer's trouble in one line
    when the printer did not take the job (nothing is then marked printed)."""
    from livenon_desk.services.label_printer import LabelPrinterError

    try:
        line = send()
    except LabelPrinterError as exc:
        print(f"livenon-desk: {exc.message}", file=sys.stderr)
        return exit_codes.PRINTER
    print(line)
    return exit_codes.OK


def _batch_rmas(args: argparse.Namespace, desk: Desk) -> list[str]:
    from livenon_desk.domain.enums import ReturnStatus

    if args.status is None:
        raise KnownError("error.print-status-missing")
    return desk.documents.rmas_with_status(ReturnStatus(args.status))


def _one_rma(args: argparse.Namespace) -> str:
    if not args.rma:
        raise KnownError("error.print-rma-missing", kind=args.kind)
    rma: str = args.rma
    return rma


def _verify_report(args: argparse.Namespace) -> int:
    from livenon_desk.services.report_verification import CheckOutcome

    file: Path = args.file
    if not file.is_file():
        raise KnownError("error.no-file", file=file)
    with opened_desk(args) as desk:
        checks = desk.reports.verify(cli_actor(), file.read_bytes(), file.name)
        path = desk.path
    for check in checks:
        ref = check.reference
        what = f"{ref.rma_number} inspection {ref.inspection_id}"
        if check.outcome is CheckOutcome.MATCHES:
            print(f"{what}: matches the record (SHA-256 {ref.content_hash})")
        elif check.outcome is CheckOutcome.DIFFERS:
            print(f"{what}: does NOT match the record: the paper says {ref.content_hash}, "
                  f"the record gives {check.record_hash} (one of them changed after "
                  "printing)")
        else:
            print(f"{what}: no such finished inspection of that return in {path}")
    ok = all(c.outcome is CheckOutcome.MATCHES for c in checks)
    return exit_codes.OK if ok else exit_codes.REFUSED


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "print": _print, "verify-report": _verify_report}
