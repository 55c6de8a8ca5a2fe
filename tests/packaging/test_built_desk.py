"""The built desk (packaging/build-linux.sh), installed (packaging/install-linux.sh) into a
staging tree and run as a workstation runs it: its own Python and Qt, no virtual
environment, a real X display (Xvfb)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.documents import pdf_reading as pdf

ROOT = Path(__file__).resolve().parents[2]
# A fresh build: the locked packages installed into its own environment, then PyInstaller
# (about two minutes on two cores, with pip's cache warm).
BUILD_SECONDS = 1200
START_SECONDS = 120

pytestmark = [pytest.mark.build, pytest.mark.timeout(BUILD_SECONDS + 2 * START_SECONDS)]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built desk's program, installed under a staging root."""
    base = tmp_path_factory.mktemp("build")
    subprocess.run([ROOT / "packaging" / "build-linux.sh", "--out", base / "dist",
                    "--work", base / "work"], check=True, timeout=BUILD_SECONDS)
    stage = base / "root"
    subprocess.run([base / "dist" / "livenon-desk" / "install-linux.sh", "--root", stage],
                   check=True, timeout=60)
    return stage


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """An X server of its own, on the display number it picks (-displayfd)."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                               "1280x800x24", "-nolisten", "tcp"], pass_fds=(write,))
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(timeout=30)


def _station(home: Path, display: str) -> dict[str, str]:
    """A workstation's environment: the system's PATH, no Python of the project's."""
    folders = {var: str(home / var.lower()) for var in
               ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")}
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            "DISPLAY": display, "XDG_CONFIG_DIRS": str(home / "etc-xdg"), **folders}


def test_the_install_lays_out_the_program_menu_entry_icon_and_station_settings(
        installed: Path) -> None:
    program = installed / "opt" / "livenon-desk" / "livenon-desk"
    assert os.access(program, os.X_OK)
    link = installed / "usr" / "local" / "bin" / "livenon-desk"
    assert str(link.readlink()) == "/opt/livenon-desk/livenon-desk"
    entry = (installed / "usr/share/applications/livenon-desk.desktop").read_text()
    assert "Exec=livenon-desk\n" in entry
    assert "Icon=livenon-desk\n" in entry
    assert (installed / "usr/share/icons/hicolor/256x256/apps/livenon-desk.png").is_file()
    settings = (installed / "etc/xdg/LivenonDesk/desk_settings.toml").read_text()
    assert "# idle_lock_minutes = 10" in settings  # every key there, none in force


def test_the_built_desk_prints_a_label_and_opens_its_window_outside_the_venv(
        installed: Path, display: str, tmp_path: Path) -> None:
    program = str(installed / "opt" / "livenon-desk" / "livenon-desk")
    env = _station(tmp_path / "home", display)
    db = tmp_path / "demo.sqlite3"

    def run(*args: str) -> str:
        done = subprocess.run([program, *args], env=env, capture_output=True, text=True,
                              timeout=START_SECONDS, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("demo-data", "--db", str(db), "--returns", "30")
    rma = json.loads(run("lookup", "RMA-", "--db", str(db), "--json"))[0]["row"]["rma_number"]
    label = tmp_path / "label.pdf"
    run("print", "label", rma, "--db", str(db), "--out", str(label), "--lang", "zh")
    data = label.read_bytes()
    # One label a carton, each with the return's codes.
    assert set(pdf.codes(data, "Code128")) == set(pdf.codes(data, "QRCode")) == {rma}

    # The window on a fresh demo database, on the X display; SIGTERM closes it cleanly.
    log = tmp_path / "home" / "xdg_state_home" / "LivenonDesk" / "log" / "livenon-desk.log"
    desk = subprocess.Popen([program, "--demo", "--db", str(tmp_path / "window.sqlite3")],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    try:
        _wait_for_line(log, "quits cleanly on SIGTERM", desk)
        desk.send_signal(signal.SIGTERM)
        output, _ = desk.communicate(timeout=START_SECONDS)
    finally:
        if desk.poll() is None:
            desk.kill()
            desk.wait()
    assert desk.returncode == 0, output
    assert "quitting on SIGTERM" in log.read_text()


def _wait_for_line(log: Path, words: str, process: subprocess.Popen[str]) -> None:
    """Until the desk's log holds ``words`` (its window is up), or the desk has ended."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if log.exists() and words in log.read_text():
            return
        assert process.poll() is None, process.communicate()[0]
        time.sleep(0.2)
    pytest.fail(f"the desk did not write {words!r} to {log} in {START_SECONDS} s")
