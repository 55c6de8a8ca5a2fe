from __future__ import annotations

import threading

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from livenon_desk.views.task_runner import TaskRunner
from tests.views.keyboard import WAIT


def test_result_arrives_on_the_main_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    main = threading.get_ident()
    seen: list[tuple[int, int]] = []

    def work() -> int:
        return threading.get_ident()

    runner.run(work, on_done=lambda worker: seen.append((worker, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT)
    worker, delivered_on = seen[0]
    assert worker != main
    assert delivered_on == main


def test_error_arrives_on_the_main_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[tuple[BaseException, int]] = []

    def work() -> None:
        raise ValueError("bad scan")

    runner.run(work, on_error=lambda e: errors.append((e, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT)
    assert isinstance(errors[0][0], ValueError)
    assert errors[0][1] == threading.get_ident()


def test_cancelled_task_drops_its_result(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    results: list[str] = []
    task = runner.run(lambda: release.wait(5) and "late", on_done=results.append)
    other = runner.run(lambda: "kept", on_done=results.append)
    task.cancel()
    release.set()
    runner.wait_for_done()
    qtbot.waitUntil(lambda: results == ["kept"], timeout=WAIT)
    assert other.cancelled is False


@pytest.mark.usefixtures("qtbot")
def test_synchronous_mode_runs_inline() -> None:
    runner = TaskRunner(synchronous=True)
    results: list[int] = []
    runner.run(lambda: threading.get_ident(), on_done=results.append)
    assert results == [threading.get_ident()]


def test_an_answer_for_a_closed_window_is_dropped(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    runner = TaskRunner()
    gate = threading.Event()
    label = QLabel()
    seen: list[str] = []

    def show(text: str) -> None:
        seen.append(text)
        label.setText(text)

    task = runner.run(lambda: gate.wait(5) and "done", on_done=show)
    other = runner.run(lambda: "kept", on_done=seen.append)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label), timeout=WAIT)
    gate.set()
    runner.wait_for_done()
    qtbot.waitUntil(lambda: task not in runner._tasks and other not in runner._tasks, timeout=WAIT)
    assert seen == ["kept"]
