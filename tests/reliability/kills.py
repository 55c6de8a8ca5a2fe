"""The kill harness: a desk saving and syncing in a process of its own, SIGKILLed at random
moments again and again; then one clean round and the exactly-once check."""

from __future__ import annotations

import multiprocessing
import random
from dataclasses import dataclass
from pathlib import Path

from livenon_desk.sync.client import CentralClient
from tests.central_server import Central
from tests.reliability import desk_process
from tests.reliability.checks import Exactness, before_run, drain_and_check


@dataclass(frozen=True)
class KillReport:
    kills: int
    finished: int  # runs that did their share before the kill came
    outcome: Exactness


def run_kills(desk_path: Path, central: Central, client: CentralClient, kills: int,
              seed: int, steps: int = 8) -> KillReport:
    """``kills`` desks killed with SIGKILL at a random moment up to 1.2 s into their work
    (importing nothing: they fork from a server that has the desk loaded)."""
    assert client.token is not None
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.reliability.desk_process"])
    rng = random.Random(seed)
    before = before_run(desk_path, central)
    killed = finished = 0
    while killed < kills:
        ready = context.Event()
        process = context.Process(target=desk_process.work, args=(
            str(desk_path), central.url, client.token, rng.randrange(2**31), steps, ready))
        process.start()
        if not ready.wait(120):
            process.kill()
            raise AssertionError("a desk did not start within two minutes")
        process.join(rng.uniform(0.0, 1.2))
        if process.is_alive():
            process.kill()
            process.join()
            killed += 1
        else:
            if process.exitcode != 0:
                raise AssertionError(f"a desk run failed by itself (exit {process.exitcode})")
            finished += 1
    return KillReport(killed, finished, drain_and_check(desk_path, central, client, before))
