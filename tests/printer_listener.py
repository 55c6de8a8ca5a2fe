"""A label printer on 127.0.0.1 for the tests: a real TCP peer on a port of its own that
keeps every byte each connection sends and answers ``~HS`` with a canned host status, or
stays silent as a hung printer does."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STX, ETX = b"\x02", b"\x03"


def host_status(paper_out: bool = False, paused: bool = False, head_open: bool = False
                ) -> bytes:
    """A ``~HS`` answer as a Zebra sends it: three STX ... ETX CR LF strings."""
    first = f"030,{int(paper_out)},{int(paused)},1218,000,0,0,0,000,0,0,0"
    second = f"000,0,{int(head_open)},0,0,2,4,0,00000000,1,000"
    return b"".join(STX + s.encode() + ETX + b"\r\n" for s in (first, second, "1234,0"))


READY = host_status()


class Listener:
    """``answer`` is what ``~HS`` gets; None: nothing, ever. ``read_limit``: after that
    many bytes the printer reads no more (its buffer full), though it keeps the line."""

    def __init__(self, answer: bytes | None = READY, read_limit: int | None = None) -> None:
        self.answer = answer
        self.read_limit = read_limit
        self.connections: list[bytes] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port: int = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._done = threading.Condition()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            with connection:
                received = self._receive(connection)
            with self._done:
                self.connections.append(received)
                self._done.notify_all()

    def _receive(self, connection: socket.socket) -> bytes:
        connection.settimeout(0.1)
        received = b""
        answered = False
        while not self._stop.is_set():
            if self.read_limit is not None and len(received) >= self.read_limit:
                self._stop.wait(0.05)
                continue
            try:
                chunk = connection.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
            if not chunk:
                break
            received += chunk
            if self.answer is not None and not answered and b"~HS" in received:
                connection.sendall(self.answer)
                answered = True
        return received

    def wait_for(self, count: int, timeout: float = 10) -> list[bytes]:
        """The bytes of the first ``count`` connections, once each has closed."""
        with self._done:
            assert self._done.wait_for(lambda: len(self.connections) >= count, timeout)
            return list(self.connections)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._server.close()


@contextmanager
def listening(answer: bytes | None = READY, read_limit: int | None = None
              ) -> Iterator[Listener]:
    listener = Listener(answer, read_limit)
    try:
        yield listener
    finally:
        listener.close()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: a connection to it is refused."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port
