"""A scale on a pseudo-terminal for the tests: the desk opens the pty's slave side with
pyserial, as it opens /dev/ttyUSB0 or COM3; a thread on the master side speaks the scale's
protocol. An on-demand scale answers each request with the next of its ``answers`` (the
last one again once they run out); a continuous one sends its lines round and round."""

from __future__ import annotations

import os
import select
import threading
import tty
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


class PtyScale:
    def __init__(self, answers: Sequence[bytes], continuous: bool) -> None:
        self.answers = list(answers)
        self.continuous = continuous
        self.requests: list[bytes] = []
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # as pyserial leaves it: no echo, no line editing
        self.port = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        sent = 0
        pending = b""
        while not self._stop.is_set():
            if self.continuous:
                if not self.answers:
                    self._stop.wait(0.02)
                    continue
                os.write(self._master, self.answers[sent % len(self.answers)])
                sent += 1
                self._stop.wait(0.02)
                continue
            ready, _, _ = select.select([self._master], [], [], 0.05)
            if not ready:
                continue
            try:
                pending += os.read(self._master, 1024)
            except OSError:
                return
            while b"\n" in pending:
                request, pending = pending.split(b"\n", 1)
                self.requests.append(request + b"\n")
                if self.answers:
                    os.write(self._master, self.answers[min(sent, len(self.answers) - 1)])
                    sent += 1

    def __enter__(self) -> PtyScale:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(5)
        os.close(self._master)
        os.close(self._slave)


@contextmanager
def pty_scale(answers: Sequence[bytes], continuous: bool = False) -> Iterator[PtyScale]:
    with PtyScale(answers, continuous) as scale:
        yield scale
