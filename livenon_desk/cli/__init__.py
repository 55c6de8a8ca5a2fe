"""The command line (``livenon-desk``, ``python main.py``): one module per group of
commands, one way to open the database (``database.opened_desk``), one set of exit codes
(``exit_codes``)."""

from livenon_desk.cli.program import build_parser, main

__all__ = ["build_parser", "main"]
