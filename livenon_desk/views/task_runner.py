"""The one way to run background work: a thread pool, results delivered on the main thread.

Workers never touch a widget: they return a value or raise, and the runner's signals carry
that back to the main thread, where ``on_done`` or ``on_error`` runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Task(QObject):
    """One piece of background work; cancelling it drops its result."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Done | None, on_error: Failed | None, on_settled: Callable[[Task], None]
    ) -> None:
        super().__init__()
        self.cancelled = False
        self._on_done = on_done
        self._on_error = on_error
        self._on_settled = on_settled
        self._owners = _owners(on_done) + _owners(on_error)
        # Emitted from a worker thread, these reach the slots (and so the callbacks) queued
        # on the thread this task lives in: the main thread.
        self.finished.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    def cancel(self) -> None:
        self.cancelled = True

    def _wanted(self) -> bool:
        """Not cancelled, and every widget the callbacks use still exists (a window closed
        while its work ran takes no answer)."""
        if self.cancelled:
            return False
        if not all(shiboken6.isValid(owner) for owner in self._owners):
            log.debug("task finished after its window was closed")
            return False
        return True

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        self._on_settled(self)
        if self._wanted() and self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        self._on_settled(self)
        if not self._wanted():
            return
        assert isinstance(error, BaseException)
        if self._on_error is not None:
            self._on_error(error)
        else:
            log.error("background task failed", exc_info=error)


def _owners(callback: Callable[..., Any] | None) -> list[QObject]:
    """The Qt objects a callback belongs to: a bound method's object, or those a lambda
    closes over."""
    if callback is None:
        return []
    found = []
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject):
        found.append(owner)
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if isinstance(value, QObject):
            found.append(value)
    return found


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self._task = task
        self._fn = fn
        self._args = args

    def run(self) -> None:
        if self._task.cancelled:
            return
        try:
            result = self._fn(*self._args)
        except Exception as exc:
            self._deliver(self._task.failed, exc)
        else:
            self._deliver(self._task.finished, result)

    @staticmethod
    def _deliver(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The application quit while this ran: nobody is left to tell.
            log.debug("task finished after its receiver was deleted")


class TaskRunner(QObject):
    """Runs callables on a pool; ``synchronous`` runs them inline (for deterministic tests)."""

    def __init__(
        self, *, max_threads: int = 2, synchronous: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._tasks: set[Task] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> Task:
        task = Task(on_done, on_error, self._tasks.discard)
        self._tasks.add(task)
        runnable = _Runnable(task, fn, args)
        if self.synchronous:
            runnable.run()
        else:
            self._pool.start(runnable)
        return task

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until every queued task ran (shutdown and tests only)."""
        return self._pool.waitForDone(msecs)
