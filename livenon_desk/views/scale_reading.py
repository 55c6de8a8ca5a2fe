"""The station's scale read on demand (F6) in a form: a button, a line that says how the
reading goes, and the settled weight handed on. The reading runs on the task runner, never
on the window's thread (a scale waits for a parcel to settle), and typing the weight still
works meanwhile. The receive form and the put-away screen read the scale through it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from livenon_desk.domain.weighing import Reading
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.task_runner import TaskRunner


class ScaleReading(QObject):
    """``button`` and ``state`` to lay out; ``weighed`` carries each settled reading."""

    weighed = Signal(object)  # Reading

    def __init__(self, form: QWidget, runner: TaskRunner,
                 read_weight: Callable[[], Reading] | None,
                 wanted: Callable[[], bool] | None = None) -> None:
        """``wanted`` says whether the form has something to weigh now (and, when not,
        says so itself): the scale is then not read."""
        super().__init__(form)
        self._runner = runner
        self._read_weight = read_weight
        self._wanted = wanted
        self.button = QPushButton(self.tr("Read the scale (F6)"))
        self.button.setObjectName("readScale")
        self.button.setAutoDefault(False)
        self.button.setEnabled(read_weight is not None)
        if read_weight is None:
            self.button.setToolTip(self.no_scale())
        self.button.clicked.connect(self.read)
        QShortcut(QKeySequence(Qt.Key.Key_F6), form).activated.connect(self.read)
        self.state = QLabel()
        self.state.setObjectName("weightState")
        self.state.setWordWrap(True)

    def no_scale(self) -> str:
        return self.tr("This station has no scale: type the weight.")

    def read(self) -> None:
        """The settled weight on the scale, read by a worker; one reading at a time."""
        read = self._read_weight
        if read is None:
            self.state.setText(self.no_scale())
            return
        if not self.button.isEnabled():
            return  # a reading is under way
        if self._wanted is not None and not self._wanted():
            return
        self.button.setEnabled(False)
        self.state.setText(self.tr("Reading the scale…"))
        self._runner.run(read, on_done=self._done, on_error=self._failed)

    def _done(self, reading: Reading) -> None:
        self.button.setEnabled(True)
        self.state.setText(self.tr("Read from the scale."))
        self.weighed.emit(reading)

    def _failed(self, error: BaseException) -> None:
        self.button.setEnabled(True)
        self.state.setText(user_message(error, QLocale().name()))
