"""Runs Livenon Desk: ``python main.py`` is the same as ``livenon-desk``."""

import sys

from livenon_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
