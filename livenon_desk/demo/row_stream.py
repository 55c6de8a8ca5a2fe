"""The demo's rows, chunk by chunk: made here, or in a worker process for big demos.

Making rows is pure Python (one core); writing them is SQLite (the other core). For a big
demo a worker process makes the chunks and pipes them, marshalled, to the writer. The worker
runs the very same seeded sequence as the in-process path, so both give the same rows.
"""

from __future__ import annotations

import logging
import marshal
import os
import queue
import random
import struct
import subprocess
import sys
import threading
import traceback
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from livenon_desk.demo import codes
from livenon_desk.demo.clock import DemoClock
from livenon_desk.demo.customers import DemoCustomer, make_customers
from livenon_desk.demo.rows import ReturnRows, Row
from livenon_desk.domain.policy import Policy, default_policies
from livenon_desk.errors import PolicyError

log = logging.getLogger(__name__)

Chunk = dict[str, list[Row]]
CHUNK = 20_000  # returns per chunk: one transaction, one progress report
_CUSTOMER_SINCE_DAYS = 700  # customers registered up to this many days before today
_ERROR = "error"
_HEADER = struct.Struct("<Q")


@dataclass(frozen=True)
class DemoPlan:
    returns: int
    seed: int
    today: date

    @property
    def customers(self) -> int:
        # One customer per three returns: customers come back; four at least, so that
        # every country is there.
        return max(4, self.returns // 3)


def policy_for(day: date) -> Policy:
    """The policy in effect on ``day`` (the newest one for a day before all of them)."""
    policies = default_policies()
    try:
        return policies.in_effect(day)
    except PolicyError:
        return policies.latest


def make_chunks(plan: DemoPlan) -> Iterator[tuple[int, Chunk]]:
    """``(returns done, rows by table)``: first the customers, then ``CHUNK`` returns at a
    time, all from one ``random.Random(plan.seed)``.
    """
    policy = policy_for(plan.today)
    rng = random.Random(plan.seed)
    clock = DemoClock(plan.today, policy.time_zone, policy.calendar)
    customers = make_customers(rng, plan.customers)
    yield 0, _customer_rows(rng, clock, customers)
    builder = ReturnRows(rng, clock, policy, customers)
    add = builder.add
    for start in range(1, plan.returns + 1, CHUNK):
        stop = min(start + CHUNK, plan.returns + 1)
        for n in range(start, stop):
            add(n)
        yield stop - 1, builder.take()


def _customer_rows(rng: random.Random, clock: DemoClock, customers: list[DemoCustomer]) -> Chunk:
    r = rng.random
    rows: list[Row] = []
    for c in customers:
        since = clock.today - _CUSTOMER_SINCE_DAYS + int(r() * 200)
        moment = clock.moment(since, 6 * 3600 + int(r() * 17 * 3600))
        rows.append((c.id, codes.customer_number(c.id), c.name, c.email, c.phone,
                     c.phone_digits, c.language, False, 1, clock.text(moment)))
    addresses: list[Row] = [
        (c.id, c.id, c.name, c.line1, c.line2, c.city, c.region, c.postal_code, c.country,
         c.phone)
        for c in customers
    ]
    return {"customers": rows, "addresses": addresses}


def stream_chunks(
    plan: DemoPlan, *, in_worker: bool
) -> Generator[tuple[int, Chunk], None, None]:
    """The chunks of ``plan``, made in this process or, with ``in_worker``, in another.

    The worker is ``python -m livenon_desk.demo.row_stream``, not ``multiprocessing``:
    a spawned ``multiprocessing`` child re-runs the caller's main script, which a script
    without an ``if __name__ == "__main__"`` guard does not survive.
    """
    if not in_worker or getattr(sys, "frozen", False):
        yield from make_chunks(plan)
        return
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (package_root, env.get("PYTHONPATH"))))
    command = [sys.executable, "-m", __name__, str(plan.returns), str(plan.seed),
               plan.today.isoformat()]
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          env=env) as worker:
        assert worker.stdout is not None
        finished = False
        try:
            while (item := _receive(worker.stdout)) is not None:
                if item[0] == _ERROR:
                    raise RuntimeError(f"the demo-data worker process failed:\n{item[1]}")
                yield item
            finished = True
        finally:
            worker.stdout.close()
            if not finished:
                worker.terminate()
    if worker.returncode != 0:
        raise RuntimeError(f"the demo-data worker process exited with {worker.returncode}")


def _receive(stream: IO[bytes]) -> Any:
    # marshal, not pickle: rows are tuples of str, int, bool and None, which marshal
    # writes in a third of pickle's time; both ends are the same interpreter.
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise RuntimeError("the demo-data worker process stopped unexpectedly")
    (size,) = _HEADER.unpack(header)
    if size == 0:
        return None
    data = stream.read(size)
    if len(data) < size:
        raise RuntimeError("the demo-data worker process stopped unexpectedly")
    # Trusted: our own child process wrote it.
    return marshal.loads(data)


def _message(item: Any) -> bytes:
    data = marshal.dumps(item) if item is not None else b""
    return _HEADER.pack(len(data)) + data


class _PipeWriter:
    """Writes messages from a thread, so that making the next chunk goes on while the
    writer is blocked on a full pipe. One ``os.write`` per message: the thread holds the
    GIL once per chunk, not once per 64 KiB of pipe.
    """

    def __init__(self, fd: int) -> None:
        if sys.platform == "win32":  # no newline translation of the binary messages
            import msvcrt

            msvcrt.setmode(fd, os.O_BINARY)
        self.fd = fd
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=2)
        self.failed = False
        self.thread = threading.Thread(target=self._drain, name="demo-rows-writer", daemon=True)
        self.thread.start()

    def _drain(self) -> None:
        while (data := self.queue.get()) is not None:
            view = memoryview(data)
            try:
                while view:
                    view = view[os.write(self.fd, view):]
            except OSError:  # the reader went away
                self.failed = True
                return

    def send(self, item: object) -> None:
        data = _message(item)
        while not self.failed:
            try:
                self.queue.put(data, timeout=0.5)
            except queue.Full:
                continue
            return
        raise BrokenPipeError("the writer stopped reading")

    def close(self) -> None:
        if not self.failed:
            self.queue.put(None)
        self.thread.join()


def _work(argv: list[str]) -> int:
    """The worker process: send every chunk of the plan, then an empty message."""
    writer = _PipeWriter(sys.stdout.fileno())
    sys.stdout = sys.stderr  # a stray print must not land in the middle of a message
    try:
        plan = DemoPlan(int(argv[0]), int(argv[1]), date.fromisoformat(argv[2]))
        for item in make_chunks(plan):
            writer.send(item)
        writer.send(None)
    except BrokenPipeError:
        return 1  # the writer stopped reading: it failed or was interrupted, and says so
    except Exception:
        writer.send((_ERROR, traceback.format_exc()))
        writer.send(None)
    finally:
        writer.close()
    return 1 if writer.failed else 0


if __name__ == "__main__":
    sys.exit(_work(sys.argv[1:]))
