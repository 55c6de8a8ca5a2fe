"""The refurbishment bench: scan a unit, say what to fix, log the work, say what came of it.

Keyboard and scanner only. The scan field has the focus; a unit's scan shows it with its
open work order. With none open (and the unit routed to refurbish), the focus goes to
"what to fix", and Enter opens the order. With one open, the focus goes to the parts:
Enter there (or in the minutes) logs the parts and minutes typed; the outcome, the new
grade and what was done follow, and Enter in the last of them completes the order: the
unit is graded anew and routed again, and the answer says where it goes now. Escape in a
field goes back to the scan; the list below is the queue "in refurbishment".
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.enums import RepairOutcome
from livenon_desk.domain.roles import Actor
from livenon_desk.services.refurbish_dto import MINUTES_MAX, RefurbishScan, WorkOrderRow
from livenon_desk.views.dialog_keys import no_default_buttons
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.form_parts import DONE_COLOUR, ERROR_COLOUR, PROMPT_STYLE, say
from livenon_desk.views.formatting import format_date
from livenon_desk.views.labels import disposition_texts, repair_outcome_texts
from livenon_desk.views.scan_keys import FieldKeys
from livenon_desk.views.sync_view import RowsModel
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    from livenon_desk.services.refurbish_service import RefurbishService


class RefurbishDialog(QDialog):
    changed = Signal(int)  # the return whose unit's work order changed

    def __init__(self, refurbish: RefurbishService, runner: TaskRunner, actor: Actor,
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._refurbish = refurbish
        self._runner = runner
        self._actor = actor
        self._language = "zh" if language.startswith("zh") else "en"
        self.current: RefurbishScan | None = None
        self.setObjectName("refurbishDialog")
        self.setWindowTitle(self.tr("Refurbishment"))
        self.prompt = QLabel()
        self.prompt.setObjectName("refurbishPrompt")
        self.prompt.setStyleSheet(PROMPT_STYLE)
        self.prompt.setWordWrap(True)
        self.unit_view = QLabel()
        self.unit_view.setObjectName("refurbishUnit")
        self.unit_view.setWordWrap(True)
        self.scan = QLineEdit()
        self.scan.setObjectName("refurbishScan")
        self.scan.setPlaceholderText(self.tr("Unit"))
        self.fault = QLineEdit()
        self.fault.setObjectName("refurbishFault")
        self.parts = QLineEdit()
        self.parts.setObjectName("refurbishParts")
        self.parts.setPlaceholderText(self.tr("Parts, a comma between them"))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("refurbishMinutes")
        self.minutes.setRange(0, MINUTES_MAX)
        self.minutes.setSuffix(self.tr(" min"))
        self.outcome = QComboBox()
        self.outcome.setObjectName("refurbishOutcome")
        for outcome, words in repair_outcome_texts().items():
            self.outcome.addItem(words, outcome)
        self.grade = QLineEdit()
        self.grade.setObjectName("refurbishGrade")
        self.grade.setMaxLength(8)
        self.grade.setPlaceholderText(self.tr("A, B, C or D"))
        self.note = QLineEdit()
        self.note.setObjectName("refurbishNote")
        self.note.setPlaceholderText(self.tr("What was done; the reason of the new grade"))
        form = QFormLayout()
        for text, field in ((self.tr("What to &fix"), self.fault),
                            (self.tr("&Parts used"), self.parts),
                            (self.tr("&Minutes spent"), self.minutes),
                            (self.tr("&Outcome"), self.outcome),
                            (self.tr("New &grade"), self.grade),
                            (self.tr("What was &done"), self.note)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.feedback = QLabel()
        self.feedback.setObjectName("refurbishFeedback")
        self.feedback.setWordWrap(True)
        queue_title = QLabel(self.tr("In refurbishment (oldest first)"))
        queue_title.setStyleSheet("font-weight: bold")
        self.queue_model = RowsModel([self.tr("Unit"), self.tr("Product"),
                                      self.tr("What to fix"), self.tr("Minutes"),
                                      self.tr("Opened")], self)
        self.queue = QTableView()
        self.queue.setObjectName("refurbishQueue")
        self.queue.setModel(self.queue_model)
        self.queue.verticalHeader().setVisible(False)
        self.queue.horizontalHeader().setStretchLastSection(True)
        self.queue.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for top in (self.prompt, self.unit_view, self.scan):
            layout.addWidget(top)
        layout.addLayout(form)
        for below in (self.feedback, queue_title, self.queue, buttons):
            layout.addWidget(below)
        self.scan.returnPressed.connect(self._scanned)
        self.fault.returnPressed.connect(self._open)
        self.parts.returnPressed.connect(self._to_minutes)
        self.minutes.editingFinished.connect(self._minutes_entered)
        self.grade.returnPressed.connect(self.note.setFocus)
        self.note.returnPressed.connect(self._complete)
        self._keys = FieldKeys(self, (self.fault, self.parts, self.minutes, self.outcome,
                                      self.grade, self.note), self.back_to_scan,
                               {self.outcome: self.grade.setFocus})
        self.resize(720, 560)
        no_default_buttons(self)
        self._ask_for_unit()
        self.refresh_queue()

    # --- the steps ------------------------------------------------------------------------

    def _ask_for_unit(self) -> None:
        self.current = None
        self.prompt.setText(self.tr("Scan a unit's tag (its LPN)"))
        self.unit_view.clear()
        self._enable(opening=False, working=False)
        self.scan.setFocus()

    def _enable(self, *, opening: bool, working: bool) -> None:
        self.fault.setEnabled(opening)
        for field in (self.parts, self.minutes, self.outcome, self.grade, self.note):
            field.setEnabled(working)
        for field in (self.fault, self.parts, self.grade, self.note):
            field.clear()
        self.minutes.setValue(0)

    def back_to_scan(self) -> None:
        self._ask_for_unit()

    def _scanned(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if code:
            self._runner.run(self._refurbish.scan, self._actor, code, on_done=self._shown,
                             on_error=self._refused)

    def _shown(self, scan: RefurbishScan) -> None:
        self.current = scan
        self._show_unit(scan)
        self.feedback.clear()
        if scan.open_order is not None:
            self.prompt.setText(self.tr("Log the parts and minutes; then the outcome, the "
                                        "new grade and what was done"))
            self._enable(opening=False, working=True)
            self.parts.setFocus()
        elif scan.may_open:
            self.prompt.setText(self.tr("Say what to fix, then Enter: the work order opens"))
            self._enable(opening=True, working=False)
            self.fault.setFocus()
        else:
            disposition = (disposition_texts()[scan.unit.disposition]
                           if scan.unit.disposition else self.tr("held until decided"))
            self._say(self.tr("{code} is not routed to refurbish ({disposition}): it gets no "
                              "work order.").format(code=scan.unit.code,
                                                    disposition=disposition), ERROR_COLOUR)
            self._ask_for_unit()

    def _show_unit(self, scan: RefurbishScan) -> None:
        row = scan.unit
        name = (row.product_name_zh if self._language == "zh" and row.product_name_zh
                else row.product_name_en)
        facts = [f"<b>{escape(row.code)}</b> · {escape(row.rma_number)} · "
                 f"{row.carton_index} / {row.carton_count}", escape(name),
                 escape(self.tr("Grade {grade}").format(grade=row.grade or "–"))]
        order = scan.open_order
        if order is not None:
            facts.append(escape(self.tr("To fix: {fault}").format(fault=order.fault)))
            facts.append(escape(self.tr("Parts so far: {parts} · {minutes} min").format(
                parts=", ".join(order.parts) or "–", minutes=order.minutes)))
        if scan.earlier:
            facts.append(escape(self.tr("Earlier work orders: {count}").format(
                count=len(scan.earlier))))
        self.unit_view.setText("<br>".join(facts))

    def _open(self) -> None:
        if self.current is None:
            return
        self._runner.run(self._refurbish.open, self._actor, self.current.unit.code,
                         self.fault.text(), on_done=self._opened, on_error=self._field_refused)

    def _opened(self, order: WorkOrderRow) -> None:
        self._shown(RefurbishScan(order.unit, order,
                                  self.current.earlier if self.current else ()))
        self._say(self.tr("Work order opened for {code}.").format(code=order.unit.code),
                  DONE_COLOUR)
        self._changed(order)

    def _to_minutes(self) -> None:
        self.minutes.setFocus()
        self.minutes.selectAll()

    def _minutes_entered(self) -> None:
        """Enter in the minutes logs the parts and minutes typed; with nothing typed, the
        outcome is next."""
        if not self.minutes.hasFocus() or self.current is None:
            return
        parts = [p for p in self.parts.text().split(",") if p.strip()]
        minutes = self.minutes.value()
        if not parts and not minutes:
            self.outcome.setFocus()
            return
        self._runner.run(self._refurbish.log_work, self._actor, self.current.unit.code,
                         parts, minutes, on_done=self._logged, on_error=self._field_refused)

    def _logged(self, order: WorkOrderRow) -> None:
        self._say(self.tr("Logged: {parts} · {minutes} min in all.").format(
            parts=", ".join(order.parts) or "–", minutes=order.minutes), DONE_COLOUR)
        self.current = RefurbishScan(order.unit, order,
                                     self.current.earlier if self.current else ())
        self._show_unit(self.current)
        self.parts.clear()
        self.minutes.setValue(0)
        self.outcome.setFocus()
        self._changed(order)

    def _complete(self) -> None:
        if self.current is None:
            return
        outcome = RepairOutcome(self.outcome.currentData())
        self._runner.run(self._refurbish.complete, self._actor, self.current.unit.code,
                         outcome, self.grade.text().strip().upper(), self.note.text(),
                         on_done=self._completed, on_error=self._field_refused)

    def _completed(self, order: WorkOrderRow) -> None:
        unit = order.unit
        disposition = (disposition_texts()[unit.disposition] if unit.disposition
                       else self.tr("held until decided"))
        self._ask_for_unit()
        self._say(self.tr("{code}: {outcome}, graded {grade}; it goes to {disposition} "
                          "({zone}): put it away there.").format(
            code=unit.code, outcome=repair_outcome_texts()[order.outcome]
            if order.outcome else "", grade=unit.grade, disposition=disposition,
            zone=unit.zone or "–"), DONE_COLOUR)
        self._changed(order)

    # --- answers --------------------------------------------------------------------------

    def _changed(self, order: WorkOrderRow) -> None:
        self.refresh_queue()
        self.changed.emit(order.unit.return_id)

    def refresh_queue(self) -> None:
        self._runner.run(self._refurbish.in_refurbishment, self._actor, 200,
                         on_done=self._queue_shown, on_error=self._refused)

    def _queue_shown(self, orders: list[WorkOrderRow]) -> None:
        self.queue_model.set_rows([
            (o.unit.code, o.unit.product_name_zh if self._language == "zh"
             and o.unit.product_name_zh else o.unit.product_name_en, o.fault,
             str(o.minutes), format_date(o.opened_at)) for o in orders])
        self.queue.resizeColumnsToContents()

    def _refused(self, error: BaseException) -> None:
        self._say(user_message(error, self._language), ERROR_COLOUR)
        self._ask_for_unit()

    def _field_refused(self, error: BaseException) -> None:
        """A refused entry: said, and the focus stays in the form to put it right."""
        self._say(user_message(error, self._language), ERROR_COLOUR)

    def _say(self, text: str, colour: str) -> None:
        say(self.feedback, text, colour)
