"""A process killed in the middle of writing loses nothing it had committed."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from livenon_desk.store.opening import open_store

WRITER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from livenon_desk.models import Customer
from livenon_desk.store.opening import open_store

store = open_store(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    with store.session() as s:
        s.add(Customer(customer_number=f"C{n}", name="x" * 500, updated_at=datetime.now(UTC)))
    print(n, flush=True)
"""


def test_committed_rows_survive_a_kill(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_store(path).dispose()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    committed = 0
    for line in writer.stdout:
        committed = int(line)
        if committed >= 150:
            break
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()

    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        numbers = {int(r[0][1:]) for r in raw.execute("SELECT customer_number FROM customers")}
    raw.close()
    assert set(range(1, committed + 1)) <= numbers
    store = open_store(path, create=False)
    store.dispose()
