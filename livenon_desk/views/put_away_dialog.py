"""Putting units away, and moving them later: scan the unit, then scan the bin.

Two scans a unit, nothing else: the scan field keeps the focus, a scanner's Enter is the
step. The first scan names the unit and shows where its route sends it, with a bin there
that has room; the second, a bin, moves it there. A bin of another zone, a full one or one
the warehouse lacks is refused with where the unit should go, and the next scan may be the
right bin; a unit's code instead starts over with that unit. A number typed (or sent by a
scale that types) while a unit is on screen is its weight in kg, and F6 reads it from the
station's scale; either is checked against the catalogue's: a possible item swap is said at
once and waits for a supervisor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from livenon_desk.domain.roles import Actor
from livenon_desk.domain.weighing import Reading
from livenon_desk.services.unit_dto import PutAway, PutAwayPlan, WeightCheckRow
from livenon_desk.views.dialog_keys import no_default_buttons
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.form_parts import DONE_COLOUR, ERROR_COLOUR, PROMPT_STYLE, say, scan_steps
from livenon_desk.views.labels import disposition_texts, unit_state_texts
from livenon_desk.views.scale_reading import ScaleReading
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    from livenon_desk.services.unit_service import UnitService
    from livenon_desk.services.weight_check_service import WeightCheckService

# A weight as a person or a scale types it: "12.5", "12,5", "12.5 kg".
_WEIGHT = re.compile(r"(\d{1,4}(?:[.,]\d{1,3})?)\s*(?:kg)?", re.IGNORECASE)


class PutAwayDialog(QDialog):
    moved = Signal(int)  # the return whose unit moved
    weighed = Signal(int)  # the return whose unit was weighed

    def __init__(self, units: UnitService, weights: WeightCheckService, runner: TaskRunner,
                 actor: Actor, language: str, parent: QWidget | None = None, *,
                 read_weight: Callable[[], Reading] | None = None) -> None:
        super().__init__(parent)
        self._units = units
        self._weights = weights
        self._runner = runner
        self._actor = actor
        self._language = "zh" if language.startswith("zh") else "en"
        self.plan: PutAwayPlan | None = None
        self.setObjectName("putAwayDialog")
        self.setWindowTitle(self.tr("Put away or move units"))
        self.prompt = QLabel()
        self.prompt.setObjectName("putAwayPrompt")
        self.prompt.setStyleSheet(PROMPT_STYLE)
        self.prompt.setWordWrap(True)
        self.unit_view = QLabel()
        self.unit_view.setObjectName("putAwayUnit")
        self.unit_view.setWordWrap(True)
        self.scale = ScaleReading(self, runner, read_weight, self._unit_on_screen)
        self.scale.weighed.connect(self._scale_weighed)
        scale_row = QWidget()
        row = QHBoxLayout(scale_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scale.button)
        row.addWidget(self.scale.state, 1)
        self.scan, self.feedback = scan_steps(self, "putAway",
                                              [self.prompt, self.unit_view, scale_row])
        self.scan.returnPressed.connect(self._scanned)
        self.resize(560, 300)
        no_default_buttons(self)
        self._ask_for_unit()
        self.scan.setFocus()

    # --- the two steps --------------------------------------------------------------------

    def _ask_for_unit(self) -> None:
        self.plan = None
        self.prompt.setText(self.tr("Scan a unit's tag (its LPN)"))
        self.unit_view.clear()
        self.scan.setPlaceholderText(self.tr("Unit"))

    def _scanned(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code:
            return
        weight = _WEIGHT.fullmatch(code)
        if self.plan is not None and weight is not None:
            self._weigh(Decimal(weight.group(1).replace(",", ".")))
            return
        if self.plan is not None and self._units.is_bin(code):
            self._runner.run(self._units.move, self._actor, self.plan.row.code, code,
                             on_done=self._moved, on_error=self._refused)
            return
        self._runner.run(self._units.plan, self._actor, code, on_done=self._planned,
                         on_error=self._unit_refused)

    def _weigh(self, kilograms: Decimal) -> None:
        assert self.plan is not None
        self._runner.run(self._weights.weigh, self._actor, self.plan.row.code, kilograms,
                         on_done=self._weighed, on_error=self._refused)

    def _unit_on_screen(self) -> bool:
        """F6 weighs the unit on screen; with none, the scale is not read."""
        if self.plan is None:
            self._say(self.tr("Scan a unit's tag first: F6 then weighs that unit."),
                      ERROR_COLOUR)
        return self.plan is not None

    def _scale_weighed(self, reading: Reading) -> None:
        """The scale's settled weight is the unit's on screen, checked as a typed one."""
        if self.plan is not None:  # still on screen once the scale has settled
            self._weigh(Decimal(reading.grams) / 1000)

    def _planned(self, plan: PutAwayPlan) -> None:
        row = plan.row
        if row.zone is None:
            self._say(self.tr("{code} is not graded yet: finish its inspection first.").format(
                code=row.code), ERROR_COLOUR)
            self._ask_for_unit()
            return
        self.plan = plan
        zone = plan.zone.text(self._language) if plan.zone else row.zone
        name = row.product_name_zh if self._language == "zh" and row.product_name_zh \
            else row.product_name_en
        disposition = (disposition_texts()[row.disposition] if row.disposition
                       else self.tr("held until decided"))
        facts = [
            f"<b>{escape(row.code)}</b> · {escape(row.rma_number)} · "
            f"{row.carton_index} / {row.carton_count}",
            escape(name),
            escape(self.tr("Grade {grade} · {disposition} · {state}").format(
                grade=row.grade, disposition=disposition,
                state=unit_state_texts()[row.state])),
            escape(self.tr("Now in: {bin}").format(bin=row.bin_code or self.tr(
                "not put away yet"))),
        ]
        self.unit_view.setText("<br>".join(facts))
        if plan.suggested_bin:
            prompt = self.tr("Scan a bin of {zone}: {bin} has room").format(
                zone=zone, bin=plan.suggested_bin)
        else:
            prompt = self.tr("Scan a bin of {zone}: every bin there is full").format(zone=zone)
        self.prompt.setText(prompt)
        self.scan.setPlaceholderText(self.tr("Bin, or the unit's weight in kg"))
        self.feedback.clear()

    def _moved(self, done: PutAway) -> None:
        plan = self.plan
        self._say(self.tr("{code} is in {bin}.").format(code=done.unit_code, bin=done.to_bin),
                  DONE_COLOUR)
        self._ask_for_unit()
        if plan is not None:
            self.moved.emit(plan.row.return_id)

    def _weighed(self, check: WeightCheckRow) -> None:
        if self.plan is not None:
            self.weighed.emit(self.plan.row.return_id)
        values = {"code": check.unit_code, "weighed": check.weighed_kg,
                  "expected": check.expected_kg}
        if check.flagged:
            self._say(self.tr("Possible item swap: {code} weighs {weighed} kg, the catalogue "
                              "says {expected} kg. A supervisor is asked to check it."
                              ).format(**values), ERROR_COLOUR)
        else:
            self._say(self.tr("{code} weighs {weighed} kg, as the catalogue says ({expected} "
                              "kg).").format(**values), DONE_COLOUR)

    def _refused(self, error: BaseException) -> None:
        """A refused bin: said, and the next scan may be the right bin."""
        self._say(user_message(error, self._language), ERROR_COLOUR)

    def _unit_refused(self, error: BaseException) -> None:
        self._say(user_message(error, self._language), ERROR_COLOUR)
        self._ask_for_unit()

    def _say(self, text: str, colour: str) -> None:
        say(self.feedback, text, colour)
