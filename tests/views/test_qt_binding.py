"""Guards against a Qt binding that corrupts reference counts when signals are emitted."""

from __future__ import annotations

import subprocess
import sys

SNIPPET = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Emitter(QObject):
    carried = Signal(object)
    counted = Signal(int)
e = Emitter()
e.carried.connect(lambda value: None)
for _ in range(20000):
    e.carried.emit("row")
    e.counted.emit(3)
print("alive")
"""


def test_many_signal_emissions_do_not_crash_the_interpreter() -> None:
    result = subprocess.run([sys.executable, "-c", SNIPPET], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
