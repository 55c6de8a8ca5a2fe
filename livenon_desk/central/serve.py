"""Running the server with uvicorn: in the foreground (the CLI) or in a thread (tests,
benchmarks), always bound to an address the caller chose."""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass

import uvicorn
from fastapi import FastAPI

log = logging.getLogger(__name__)


def _config(app: FastAPI, host: str, port: int, log_level: str,
            tls: tuple[str, str] | None) -> uvicorn.Config:
    # No websockets and no lifespan: the API is plain HTTP and the app is ready when made.
    certfile, keyfile = tls if tls else (None, None)
    return uvicorn.Config(app, host=host, port=port, log_level=log_level, ws="none",
                          lifespan="off", http="h11", access_log=False,
                          ssl_certfile=certfile, ssl_keyfile=keyfile)


def serve_forever(app: FastAPI, host: str, port: int, log_level: str = "info",
                  tls: tuple[str, str] | None = None) -> None:
    """Serve until interrupted; ``tls`` is (certificate file, key file) for HTTPS."""
    uvicorn.Server(_config(app, host, port, log_level, tls)).run()


@dataclass
class RunningServer:
    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_in_thread(
    app: FastAPI, host: str = "127.0.0.1", log_level: str = "warning",
    tls: tuple[str, str] | None = None,
) -> RunningServer:
    """Start on a free port of ``host``; returns once the server accepts connections."""
    # IPPROTO_TCP spelt out: asyncio sets TCP_NODELAY only on sockets that say so, and
    # without it every answer on a kept-alive connection waits 40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(_config(app, host, port, log_level, tls))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                              name=f"central-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError("the central server did not start")
        time.sleep(0.01)
    scheme = "https" if tls else "http"
    return RunningServer(f"{scheme}://{host}:{port}", server, thread)
