"""What the lots bench and the return-to-vendor bench share (issue 17): a bench where
units are scanned onto containers (pallets, shipments).

From the top: a bold prompt, what is on screen, the scan field (which has the focus), the
bench's own fields, the feedback line, the bench's lists under their headings, and Close.
No button answers Enter, which ends every scan. Each bench sets the words and wires its
own fields, keys and steps; the words stay in the bench's own translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.roles import Actor
from livenon_desk.services.document_kinds import FloorDocument
from livenon_desk.views.dialog_keys import no_default_buttons
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.form_parts import ERROR_COLOUR, PROMPT_STYLE, say
from livenon_desk.views.sync_view import RowsModel
from livenon_desk.views.task_runner import TaskRunner


class ContainerBench(QDialog):
    changed = Signal()

    def __init__(self, runner: TaskRunner, actor: Actor, language: str, name: str,
                 prefix: str, parent: QWidget | None = None) -> None:
        """``name`` begins the object names of the bench's widgets (``lotScan``);
        ``prefix`` begins the codes of its containers (``LOT-``)."""
        super().__init__(parent)
        self._prefix = prefix
        self._runner = runner
        self._actor = actor
        self._language = "zh" if language.startswith("zh") else "en"
        self.preview: QDialog | None = None
        self.prompt = QLabel()
        self.prompt.setObjectName(f"{name}Prompt")
        self.prompt.setStyleSheet(PROMPT_STYLE)
        self.prompt.setWordWrap(True)
        self.shown = QLabel()
        self.shown.setObjectName(f"{name}Shown")
        self.shown.setWordWrap(True)
        self.scan = QLineEdit()
        self.scan.setObjectName(f"{name}Scan")
        self.feedback = QLabel()
        self.feedback.setObjectName(f"{name}Feedback")
        self.feedback.setWordWrap(True)
        self.scan.returnPressed.connect(self._scanned)

    def _lay_out(self, fields: Sequence[tuple[str, QLineEdit]],
                 lists: Sequence[tuple[str, RowsModel]],
                 keys: Sequence[tuple[str, Callable[[], None]]]) -> list[QTableView]:
        """Lays the bench out with its labelled fields and its titled lists, and wires its
        keys; the lists' tables, in order."""
        form = QFormLayout()
        for text, field in fields:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        for top in (self.prompt, self.shown, self.scan):
            layout.addWidget(top)
        layout.addLayout(form)
        layout.addWidget(self.feedback)
        tables: list[QTableView] = []
        for title, model in lists:
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: bold")
            table = QTableView()
            table.setModel(model)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
            table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            layout.addWidget(heading)
            layout.addWidget(table)
            tables.append(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for sequence, slot in keys:
            QShortcut(QKeySequence(sequence), self).activated.connect(slot)
        no_default_buttons(self)
        return tables

    def back_to_scan(self) -> None:
        self.scan.setFocus()

    def _scanned(self) -> None:
        """A container's code shows that container; any other code is a unit's."""
        code = self.scan.text().strip()
        self.scan.clear()
        if not code:
            return
        if code.upper().startswith(self._prefix):
            self._container_scanned(code)
        else:
            self._unit_scanned(code)

    def _container_scanned(self, code: str) -> None:
        raise NotImplementedError

    def _unit_scanned(self, code: str) -> None:
        raise NotImplementedError

    def _preview(self, document: FloorDocument) -> None:
        from livenon_desk.views.print_preview_dialog import PrintPreviewDialog

        self.preview = PrintPreviewDialog(document, self._runner, self)
        self.preview.open()

    def _refused(self, error: BaseException) -> None:
        self._say_error(error)
        self.back_to_scan()

    def _say_error(self, error: BaseException) -> None:
        self._say(user_message(error, self._language), ERROR_COLOUR)

    def _say(self, text: str, colour: str) -> None:
        say(self.feedback, text, colour)
