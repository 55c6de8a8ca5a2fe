"""Faults injected on purpose, for tests only: the CLI never installs them.

``drop_after_commit`` makes the server finish a request (its transaction committed), send
the status line and headers, and then break the connection instead of sending the body:
what a client sees when the network dies between the server's commit and the answer.
ASGI has no way to close a socket directly; an exception raised after the response has
started makes the server abort the connection, which is the same thing on the wire.

``pause_after_claim`` holds a write between its idempotency claim and its transaction, so
that a test can send the same key again while the first is still in flight.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class InjectedFaultError(Exception):
    """Raised to break a connection on purpose."""


@dataclass
class FaultInjector:
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _drops: dict[str, int] = field(default_factory=dict)
    # Set by a write while paused; the test sets ``release`` to let it go on.
    paused: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    pause_keys: set[str] = field(default_factory=set)
    dropped: int = 0

    def drop_after_commit(self, path_fragment: str, times: int = 1) -> None:
        """Break the next ``times`` responses to requests whose path has the fragment."""
        with self._lock:
            self._drops[path_fragment] = times

    def pause_after_claim(self, idempotency_key: str) -> None:
        self.pause_keys.add(idempotency_key)

    def maybe_pause(self, idempotency_key: str) -> None:
        if idempotency_key in self.pause_keys:
            self.paused.set()
            self.release.wait(timeout=10)

    def _should_drop(self, path: str) -> bool:
        with self._lock:
            for fragment, left in self._drops.items():
                if left > 0 and fragment in path:
                    self._drops[fragment] = left - 1
                    self.dropped += 1
                    return True
        return False


class FaultMiddleware:
    def __init__(self, app: ASGIApp, faults: FaultInjector) -> None:
        self.app = app
        self.faults = faults

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.faults._should_drop(str(scope["path"])):
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.start":
                await send(message)
                return
            raise InjectedFaultError("connection dropped after commit (test fault)")

        await self.app(scope, receive, send_headers_only)
