"""Cold start and memory of the main window on a large database.

Targets (PRODUCT.md): cold start to a usable main window at most 1.5x a bare PySide6
window in the same run, with the list's rows counted at most 2x; scrolling the whole
returns list keeps resident memory under 300 MB (rows are fetched a page at a time, never
all loaded).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Both kinds of window stop the clock at the same moment: when the window has painted
# itself (a paint event has reached it), not merely when show() was called.
PAINTED = """
from PySide6.QtCore import QEvent, QObject, QTimer


class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False
"""

BARE = """
import time
START = time.perf_counter()
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
""" + PAINTED + """
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 780)
painted = Painted()
window.installEventFilter(painted)
window.show()
app.exec()
print(time.perf_counter() - START)
"""

DESK = """
import time
START = time.perf_counter()
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.services.desk import Desk
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.task_runner import TaskRunner
""" + PAINTED + """
app = QApplication(sys.argv)
runner = TaskRunner()
window = MainWindow(Desk(Path(sys.argv[1])), runner, actor=Actor("bench", Role.INSPECTOR),
                    database_label=sys.argv[1])
painted = Painted()
if sys.argv[2] == "shown":
    window.installEventFilter(painted)
else:
    window.model.count_changed.connect(lambda _n: app.quit())
window.show()
app.exec()
print(time.perf_counter() - START)
runner.wait_for_done()
"""

# The program as it starts (`livenon-desk --db FILE`): its first window is the sign-in;
# the clock stops when it has painted. The user's folders are a temporary home.
SIGN_IN = """
import time
START = time.perf_counter()
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog


class FirstDialogPainted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QDialog):
            print(time.perf_counter() - START, flush=True)
            QTimer.singleShot(0, QApplication.quit)
            QApplication.instance().removeEventFilter(self)
        return False


app = QApplication(sys.argv)
painted = FirstDialogPainted()
app.installEventFilter(painted)
from livenon_desk.cli import main
main(["--db", sys.argv[1]])
"""

SCROLL = """
import sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.services.desk import Desk
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.task_runner import TaskRunner


def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

app = QApplication(sys.argv)
window = MainWindow(Desk(Path(sys.argv[1])), TaskRunner(),
                    actor=Actor("bench", Role.INSPECTOR), database_label=sys.argv[1])
window.resize(1280, 780)
window.show()

def settle(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

while window.model.rowCount() == 0:
    settle(20)
settle(200)
rows = window.model.rowCount()
bar = window.table.verticalScrollBar()
peak = rss_mb()
steps = int(sys.argv[2])
for i in range(steps + 1):
    bar.setValue(bar.maximum() * i // steps)
    settle(30)
    peak = max(peak, rss_mb())
for _ in range(200):  # the pages asked for while scrolling drain from the queue
    if window.model.row_at(rows - 1) is not None:
        break
    settle(50)
last = window.model.row_at(rows - 1)
print(rows, window.model.loaded_pages(), f"{peak:.0f}", last is not None)
"""


def run(code: str, *args: str) -> str:
    with tempfile.TemporaryDirectory(prefix="livenon-bench-home-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   HOME=home, **{f"XDG_{name}_HOME": f"{home}/{name.lower()}"
                                 for name in ("CONFIG", "DATA", "STATE", "CACHE")})
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                             text=True, env=env, check=True, timeout=900)
    return out.stdout.strip().splitlines()[-1]


def seconds(code: str, runs: int, *args: str) -> float:
    """Best time from the program's first line to the moment measured."""
    return min(float(run(code, *args)) for _ in range(runs))


@dataclass(frozen=True)
class WindowFigures:
    bare: float  # seconds to a bare PySide6 window shown (the anchor)
    sign_in: float  # seconds to the program's first window, the sign-in, shown
    shown: float  # seconds to the desk's main window shown
    counted: float  # seconds until the list has counted its rows
    rows: int
    peak_mb: float  # resident memory at most, scrolling every row
    pages: int
    last_loaded: bool


def window_figures(db: Path, runs: int = 5, scroll_steps: int = 400) -> WindowFigures:
    """The best of ``runs`` cold starts of each kind, taken in turn so that each kind sees
    the same machine (on a shared machine the best is the one the others' load disturbed
    least); then one scroll through the whole list."""
    bare: list[float] = []
    sign_in: list[float] = []
    shown: list[float] = []
    counted: list[float] = []
    for _ in range(runs):
        bare.append(float(run(BARE)))
        sign_in.append(float(run(SIGN_IN, str(db))))
        shown.append(float(run(DESK, str(db), "shown")))
        counted.append(float(run(DESK, str(db), "counted")))
    rows, pages, peak, last_loaded = run(SCROLL, str(db), str(scroll_steps)).split()
    return WindowFigures(min(bare), min(sign_in), min(shown), min(counted), int(rows),
                         float(peak),
                         int(pages), last_loaded == "True")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="a demo database")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scroll-steps", type=int, default=400)
    args = parser.parse_args()
    f = window_figures(args.db, args.runs, args.scroll_steps)
    print(f"{'measure':<36}{'value':>12}{'target':>12}{'ratio':>8}")
    print(f"{'cold start: bare PySide6 window':<36}{f.bare:>11.2f}s")
    print(f"{'cold start: sign-in shown':<36}{f.sign_in:>11.2f}s{'1.5x':>12}"
          f"{f.sign_in / f.bare:>8.2f}")
    print(f"{'cold start: desk window shown':<36}{f.shown:>11.2f}s{'1.5x':>12}"
          f"{f.shown / f.bare:>8.2f}")
    print(f"{'  ... and the list counted':<36}{f.counted:>11.2f}s{'2x':>12}"
          f"{f.counted / f.bare:>8.2f}")
    print(f"{'scroll ' + str(f.rows) + ' rows: peak RSS':<36}{f.peak_mb:>9.0f} MB{'300 MB':>12}"
          f"{f.peak_mb / 300:>8.2f}")
    print(f"pages held at the end: {f.pages}; last row loaded: {f.last_loaded}")


if __name__ == "__main__":
    main()
