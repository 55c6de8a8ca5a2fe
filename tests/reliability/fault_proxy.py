"""A TCP proxy on 127.0.0.1 that breaks HTTP exchanges on purpose, between a desk and the
central server: the faults a warehouse network really has, caused for real on sockets.

One request per connection (the answer says ``Connection: close``). For each request a
seeded random choice decides whether, and how, it goes wrong:

- ``drop``: the request reaches the server, which commits; the answer is thrown away and
  the connection closed (the desk never learns that its change was stored);
- ``reset``: the connection is reset (RST) before anything reaches the server;
- ``delay``: the answer is held back longer than the desk's read timeout;
- ``truncate``: half the answer is sent, then the connection is closed.
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

FAULTS = ("drop", "reset", "delay", "truncate")


def _read_message(sock: socket.socket, *, head_only_body: bool = False) -> bytes:
    """One HTTP message (head and Content-Length body) from ``sock``; b"" at EOF."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if head_only_body:
        length = 0
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def _closing(response: bytes) -> bytes:
    head, _, body = response.partition(b"\r\n\r\n")
    lines = [ln for ln in head.split(b"\r\n")
             if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


def _reset(sock: socket.socket) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


@dataclass
class FaultProxy:
    upstream: tuple[str, int]
    seed: int
    rate: float = 0.3  # the share of requests that go wrong
    delay: float = 0.6  # seconds an answer is held back (more than the desk's read timeout)
    requests: int = 0
    faults: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.enabled = True
        self._thread = threading.Thread(target=self._serve, name="fault-proxy", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._listener.close()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _choose(self) -> str | None:
        with self._lock:
            self.requests += 1
            if not self.enabled or self._rng.random() >= self.rate:
                return None
            fault = self._rng.choice(FAULTS)
            self.faults[fault] += 1
            return fault

    def _handle(self, client: socket.socket) -> None:
        with contextlib.suppress(OSError):
            request = _read_message(client)
            if not request:
                client.close()
                return
            fault = self._choose()
            if fault == "reset":
                _reset(client)
                return
            head_request = request.startswith(b"HEAD ")
            with socket.create_connection(self.upstream) as server:
                server.sendall(request)
                response = _read_message(server, head_only_body=head_request)
            response = _closing(response)
            if fault == "drop":
                client.close()
                return
            if fault == "truncate":
                client.sendall(response[: max(1, len(response) // 2)])
                client.close()
                return
            if fault == "delay":
                time.sleep(self.delay)  # the fault itself: an answer later than the timeout
            client.sendall(response)
            client.close()
