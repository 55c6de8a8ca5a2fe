"""`livenon-desk doctor`: what this workstation has and lacks for the desk, for IT."""

from __future__ import annotations

import argparse
import json
import platform
from collections.abc import Callable
from typing import Any

from livenon_desk import __version__
from livenon_desk.catalogue import text
from livenon_desk.cli import exit_codes
from livenon_desk.cli.arguments import language, printer_address
from livenon_desk.cli.database import database_path
from livenon_desk.cli.output import table

# Each check's name and each status in the user's language (catalogue ids).
CHECK_NAMES = {
    "settings": "doctor.check.settings", "display": "doctor.check.display",
    "fonts": "doctor.check.fonts", "database": "doctor.check.database",
    "printers": "doctor.check.printers", "label-printer": "doctor.check.label-printer",
    "keyring": "doctor.check.keyring", "central-server": "doctor.check.central-server",
}
STATUS_WORDS = {"ok": "doctor.status.ok", "warning": "doctor.status.warning",
                "missing": "doctor.status.missing"}


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    doctor = sub.add_parser(
        "doctor", parents=[common],
        help="check what this workstation has and lacks: display libraries, printers, the "
             "label printer, keyring, central server, database, fonts (1: a required "
             "one is missing)")
    doctor.add_argument("--zpl", type=printer_address, metavar="tcp://HOST:PORT|cups:QUEUE",
                        help="the label printer to ask whether it is ready (else the "
                             "station's [label_printer] address)")
    doctor.add_argument("--json", action="store_true", help="the findings as JSON")
    doctor.add_argument("--lang", type=language, help="en or zh")


def _doctor(args: argparse.Namespace) -> int:
    from livenon_desk.documents.fonts import register_fonts
    from livenon_desk.services import station_check as check
    from livenon_desk.services.central_service import CentralService
    from livenon_desk.services.desk_settings import (
        DeskSettings,
        chosen_server,
        read_settings,
        settings_paths,
    )
    from livenon_desk.services.label_printer import parse_address, printer_ready

    paths = settings_paths()
    settings_found = check.check_settings(paths, lambda: read_settings(paths))
    settings = read_settings(paths) if settings_found.status is check.Status.OK else (
        DeskSettings())
    probe: Callable[[], None] | None = None
    address = args.zpl
    if address is None and settings.label_printer_address:
        address = parse_address(settings.label_printer_address)  # checked as it loaded
    if address is not None:
        timeout = settings.label_printer_timeout_seconds

        def probe() -> None:
            printer_ready(address, timeout=timeout)

    server = chosen_server() if settings_found.status is check.Status.OK else ""
    findings = [
        settings_found,
        check.check_display(check.qt_platform_plugin()),
        check.check_fonts(register_fonts),
        check.check_database(database_path(args)),
        check.check_printers(),
        check.check_label_printer(str(address or ""), probe),
        check.check_keyring(),
        check.check_central(server, CentralService().reachable),
    ]
    failed = [f.check for f in findings if f.fails]
    lang = args.lang or "en"
    if args.json:
        print(json.dumps({
            "version": __version__,
            "platform": platform.platform(),
            "ok": not failed,
            "checks": [{"check": f.check, "status": f.status.value, "required": f.required,
                        "detail": f.detail.text(lang), "data": f.data} for f in findings],
        }, ensure_ascii=False, indent=2))
    else:
        print(text("doctor.heading", lang, version=__version__, platform=platform.platform()))
        print(table(None, [(text(STATUS_WORDS[f.status.value], lang),
                            text(CHECK_NAMES[f.check], lang), f.detail.text(lang))
                           for f in findings]))
        print(text("doctor.required-missing", lang, checks=", ".join(
            text(CHECK_NAMES[c], lang) for c in failed)) if failed
            else text("doctor.required-ok", lang))
    return exit_codes.REFUSED if failed else exit_codes.OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"doctor": _doctor}
