"""Cold start and memory of the main window on a large database.

Targets (PRODUCT.md): cold start to a usable main window at most 1.5x a bare PySide6
window in the same run; scrolling the whole returns list keeps resident memory under
300 MB (rows are fetched a page at a time, never all loaded).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

BARE = """
import time
START = time.perf_counter()
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 780)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print(time.perf_counter() - START)
"""

DESK = """
import time
START = time.perf_counter()
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.services.desk import Desk
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.task_runner import TaskRunner
app = QApplication(sys.argv)
runner = TaskRunner()
window = MainWindow(Desk(Path(sys.argv[1])), runner, actor=Actor("bench", Role.INSPECTOR),
                    database_label=sys.argv[1])
if sys.argv[2] == "shown":
    QTimer.singleShot(0, app.quit)
else:
    window.model.count_changed.connect(lambda _n: app.quit())
window.show()
app.exec()
print(time.perf_counter() - START)
runner.wait_for_done()
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
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         env=env, check=True, timeout=900)
    return out.stdout.strip()


def seconds(code: str, runs: int, *args: str) -> float:
    """Median time from the program's first line to the moment measured."""
    return statistics.median(float(run(code, *args)) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="a demo database")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scroll-steps", type=int, default=400)
    args = parser.parse_args()
    bare = seconds(BARE, args.runs)
    desk = seconds(DESK, args.runs, str(args.db), "shown")
    listed = seconds(DESK, args.runs, str(args.db), "counted")
    scrolled = run(SCROLL, str(args.db), str(args.scroll_steps))
    rows, pages, peak, last_loaded = scrolled.split()
    print(f"{'measure':<36}{'value':>12}{'target':>12}{'ratio':>8}")
    print(f"{'cold start: bare PySide6 window':<36}{bare:>11.2f}s")
    print(f"{'cold start: desk window shown':<36}{desk:>11.2f}s{'1.5x':>12}"
          f"{desk / bare:>8.2f}")
    print(f"{'  ... and the list counted':<36}{listed:>11.2f}s")
    print(f"{'scroll ' + rows + ' rows: peak RSS':<36}{peak:>10} MB{'300 MB':>12}"
          f"{int(peak) / 300:>8.2f}")
    print(f"pages held at the end: {pages}; last row loaded: {last_loaded}")


if __name__ == "__main__":
    main()
