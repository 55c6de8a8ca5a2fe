"""Central servers as real processes (``livenon-desk central``) on one database: what IT
runs when several workers or several machines share one PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.postgres import free_port

START_TIMEOUT_SECONDS = 60


@dataclass
class ServerProcess:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def terminate(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()

    def stop(self) -> None:
        self.terminate()
        if self.process.poll() is None:
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


def _wait_until_up(server: ServerProcess, deadline: float) -> None:
    while True:
        if server.process.poll() is not None:
            raise RuntimeError(f"the central server exited ({server.process.returncode}):\n"
                               f"{server.log.read_text(errors='replace')}")
        try:
            if requests.get(server.url + "/api/v1/health", timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("the central server did not answer in time:\n"
                               f"{server.log.read_text(errors='replace')}")
        time.sleep(0.1)


@contextmanager
def central_processes(database_url: str, count: int, folder: Path) -> Iterator[list[str]]:
    """``count`` servers on ``database_url``, each on its own port; yields their URLs."""
    servers: list[ServerProcess] = []
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    try:
        for n in range(count):
            port = free_port()
            log = folder / f"central-{n}.log"
            with log.open("wb") as out:
                process = subprocess.Popen(
                    [sys.executable, "-m", "livenon_desk", "central", "--db", database_url,
                     "--host", "127.0.0.1", "--port", str(port),
                     # No rate limit (0 turns it off): the harness is the only client.
                     "--rate", "0"],
                    stdout=out, stderr=subprocess.STDOUT, env=env)
            servers.append(ServerProcess(process, f"http://127.0.0.1:{port}", log))
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        for server in servers:
            _wait_until_up(server, deadline)
        yield [s.url for s in servers]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.stop()
