"""The command line's parser and the types of its values: a bad value is one line, not a
usage block."""

from __future__ import annotations

import argparse
from datetime import date
from typing import NoReturn

from livenon_desk.cli import exit_codes


class Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(exit_codes.USAGE, f"{self.prog}: {message} (see --help)\n")


def language(value: str) -> str:
    if value not in ("en", "zh"):
        raise argparse.ArgumentTypeError(f"language must be en or zh, not {value!r}")
    return value


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1-65535, not {number}")
    return number
