"""What a command's exit status means to the script that ran it (README, "The command line")."""

from __future__ import annotations

OK = 0
# The request was refused or found something wrong: a known error (one line on stderr), a
# report that does not match, a broken audit trail, a sync round that needs a person.
REFUSED = 1
USAGE = 2  # bad arguments
OFFLINE = 3  # the central server could not be reached; the work is kept
# The label printer could not be reached, did not answer or is not ready (paper out, head
# open): the job was not sent and nothing was marked printed.
PRINTER = 4
BUG = 70  # EX_SOFTWARE: the traceback is in the log file
INTERRUPTED = 130  # Ctrl+C (128 + SIGINT)
