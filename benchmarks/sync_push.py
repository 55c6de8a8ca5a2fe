"""10,000 queued inspections pushed over loopback, and the UI thread's longest stall meanwhile.

Targets (PRODUCT.md): the backlog drains in under 1.5 s; the UI thread is never blocked
for more than 16 ms (one frame) while syncing. The reference central server runs in its own process
(``livenon-desk central --demo``) on a fresh SQLite file; the desk is a demo database
with the same records (same seed, same day), whose outbox holds N finished inspections,
one per return line. The push runs on the desk's task runner, as in the desk, while a
5 ms timer on the UI thread records the longest gap between its ticks; the same timer's
longest gap with nothing to do, just before, is the anchor (the machine's load alone).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import requests
from sqlalchemy import select

from livenon_desk.demo.generator import generate_demo_data
from livenon_desk.models import OutboxRow, ReturnLine, ReturnRequest
from livenon_desk.models.base import table_of
from livenon_desk.services.sync_dto import OutboxTally
from livenon_desk.services.sync_service import SyncService
from livenon_desk.store.opening import open_store
from livenon_desk.sync.client import CentralClient, ClientSettings
from livenon_desk.sync.worker import SyncWorker

SEED = 2025
TARGET_SECONDS = 1.5
TARGET_STALL_MS = 16.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_central(folder: Path, returns: int, today: date) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "livenon_desk", "central", "--demo", "--returns",
               str(returns), "--seed", str(SEED), "--today", today.isoformat(),
               "--db", str(folder / "central.sqlite3"), "--port", str(port), "--rate", "0"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/api/v1/health", timeout=1).status_code == 200:
                return server, url
        except requests.ConnectionError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the central server did not start")


def _queue_inspections(path: Path, count: int, today: date) -> int:
    store = open_store(path)
    generate_demo_data(store, returns=count, seed=SEED, today=today)
    now = datetime.now(UTC)
    with store.session() as s:
        lines = s.execute(
            select(ReturnRequest.rma_number, ReturnLine.tag_code)
            .join(ReturnLine, ReturnLine.return_id == ReturnRequest.id)
            .order_by(ReturnLine.id).limit(count)).all()
        rows = []
        for rma, tag in lines:
            body = {
                "rma_number": rma, "tag_code": tag, "inspector": "inspector",
                "started_at": now.isoformat(), "finished_at": now.isoformat(),
                "checklist": {"unassembled": "yes", "undamaged": "yes", "unused": "yes",
                              "original_packaging": "yes", "accessories": "yes"},
                "notes": "Box intact, all accessories present.", "decision": "eligible",
                "rule_results": [{"rule": r, "outcome": "pass"} for r in
                                 ("E1", "E2", "E3", "E4", "E5", "X1", "X2", "X3")],
                "policy_version": "2025.1", "disposition": "restock", "photos": []}
            rows.append({"kind": "inspection", "entity_key": str(uuid.uuid4()),
                         "idempotency_key": str(uuid.uuid4()), "if_match": None,
                         "body": body, "created_at": now, "updated_at": now, "attempts": 0,
                         "state": "pending"})
        s.connection().execute(table_of(OutboxRow).insert(), rows)
    store.dispose()
    return len(rows)


def _longest_gap(app: object, seconds: float, work: Callable[[], None] | None = None) -> float:
    """The longest gap between the ticks of a 5 ms timer on the UI thread, for ``seconds``
    or, with ``work`` started on the task runner, until it is done."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from livenon_desk.views.task_runner import TaskRunner

    assert isinstance(app, QApplication)
    gaps: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: gaps.append(clock.restart()))
    clock.start()
    timer.start()
    runner = TaskRunner()
    failure: list[BaseException] = []
    if work is None:
        QTimer.singleShot(int(seconds * 1000), app.quit)
    else:
        def failed(error: BaseException) -> None:
            failure.append(error)
            app.quit()

        runner.run(work, on_done=lambda _r: app.quit(), on_error=failed)
    app.exec()
    timer.stop()
    runner.wait_for_done()
    if failure:
        raise SystemExit(f"push failed: {failure[0]}")
    return float(max(gaps) if gaps else 0.0)


def _push_with_ui(path: Path, url: str) -> tuple[float, float, float, int, OutboxTally]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    # The desk's own state when it syncs: its window's modules loaded, start-up's objects
    # frozen out of the collector's passes, the lock's switch interval (views/app.py).
    import livenon_desk.views.main_window  # noqa: F401
    from livenon_desk.views.app import settle_the_interpreter

    app = QApplication.instance() or QApplication([])
    settle_the_interpreter()
    client = CentralClient(ClientSettings(url))
    client.sign_in("inspector", "inspector-demo")
    store = open_store(path)
    worker = SyncWorker(store, client, None, lambda: datetime.now(UTC))
    # The anchor: the same timer's longest gap with nothing to do, on the same machine.
    idle_ms = _longest_gap(app, 2.0)
    outcome: dict[str, float] = {}

    def push() -> None:
        started = time.perf_counter()
        outcome["sent"] = worker.push().sent
        outcome["seconds"] = time.perf_counter() - started

    stall_ms = _longest_gap(app, 0.0, push)
    tally = SyncService(store).tally()
    store.dispose()
    client.close()
    return outcome["seconds"], stall_ms, idle_ms, int(outcome["sent"]), tally


@dataclass(frozen=True)
class PushFigures:
    queued: int
    sent: int
    seconds: float  # the push alone, on the task runner
    stall_ms: float  # the UI thread's longest gap between 5 ms ticks meanwhile
    idle_ms: float  # the same with nothing to do: what the machine's load alone makes
    tally: OutboxTally


def measure(inspections: int = 10_000) -> PushFigures:
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="livenon-sync-bench-") as name:
        folder = Path(name)
        queued = _queue_inspections(folder / "desk.sqlite3", inspections, today)
        server, url = _start_central(folder, inspections, today)
        try:
            seconds, stall_ms, idle_ms, sent, tally = _push_with_ui(folder / "desk.sqlite3",
                                                                     url)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return PushFigures(queued, sent, seconds, stall_ms, idle_ms, tally)


def accounted(f: PushFigures) -> str:
    """What became of every queued change: what the round did not send is named."""
    return (f"of {f.tally.total} queued: {f.tally.line()}"
            + ("" if f.tally.total == f.queued else
               f"; {f.queued - f.tally.total} NOT IN THE OUTBOX"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspections", type=int, default=10_000)
    args = parser.parse_args()
    f = measure(args.inspections)
    print(f"queued {f.queued}, sent {f.sent} over loopback in {f.seconds:.2f} s "
          f"({f.sent / f.seconds:,.0f}/s); target {TARGET_SECONDS} s: "
          f"{f.seconds / TARGET_SECONDS:.2f}x of the budget")
    print(accounted(f))
    print(f"longest UI-thread stall while syncing: {f.stall_ms:.0f} ms; "
          f"target {TARGET_STALL_MS:.0f} ms: {f.stall_ms / TARGET_STALL_MS:.2f}x of the budget; "
          f"{f.idle_ms:.0f} ms with nothing to do")


if __name__ == "__main__":
    main()
