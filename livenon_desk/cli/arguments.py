"""The command line's parser and the types of its values: a bad value is one line, not a
usage block, in the catalogue's words (the command line speaks English)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, NoReturn

from livenon_desk.catalogue import text
from livenon_desk.cli import exit_codes
from livenon_desk.errors import KnownError

if TYPE_CHECKING:
    from livenon_desk.services.label_printer import PrinterAddress


class Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(exit_codes.USAGE, f"{self.prog}: {message} (see --help)\n")


def language(value: str) -> str:
    if value not in ("en", "zh"):
        raise argparse.ArgumentTypeError(text("cli.bad-language", value=value))
    return value


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(text("cli.not-a-number", value=value)) from None
    if number < 1:
        raise argparse.ArgumentTypeError(text("cli.below-one", number=number))
    return number


def day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(text("cli.not-a-date", value=value)) from None


def port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(text("cli.not-a-port", value=value)) from None
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(text("cli.port-range", number=number))
    return number


def printer_address(value: str) -> PrinterAddress:
    from livenon_desk.services.label_printer import parse_address

    try:
        return parse_address(value)
    except KnownError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
