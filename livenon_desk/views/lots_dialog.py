"""Liquidation lots: scan units onto a pallet, weigh it and close it, print its papers.

Keyboard and scanner only. The scan field has the focus: a unit's scan puts it on the lot
on screen (or the newest open lot, or a new one) and says its recovery value; a lot's scan
(LOT-...) puts that lot on screen; Ctrl+N starts a new pallet. The weight (typed, or sent
by a scale as keystrokes) goes in its field (Alt+W), and Enter there closes the lot.
Ctrl+P previews the manifest, Ctrl+L the 4x6 pallet label. The list is the open lots.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from livenon_desk.domain.roles import Actor
from livenon_desk.services.lot_dto import LOT_PREFIX, LotRow
from livenon_desk.views.container_bench import ContainerBench
from livenon_desk.views.form_parts import DONE_COLOUR, ERROR_COLOUR
from livenon_desk.views.formatting import format_money
from livenon_desk.views.scan_keys import FieldKeys
from livenon_desk.views.sync_view import RowsModel
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    from livenon_desk.services.lot_service import LotService


def _money(totals: tuple[tuple[str, Decimal], ...]) -> str:
    return "; ".join(format_money(amount, currency) for currency, amount in totals) or "–"


class LotsDialog(ContainerBench):
    def __init__(self, lots: LotService, runner: TaskRunner, actor: Actor, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, language, "lot", LOT_PREFIX, parent)
        self._lots = lots
        self.lot: LotRow | None = None
        self.setObjectName("lotsDialog")
        self.setWindowTitle(self.tr("Liquidation lots"))
        self.prompt.setText(self.tr("Scan a unit to put it on the pallet, or a lot's code"))
        self.scan.setPlaceholderText(self.tr("Unit, or a lot's code"))
        self.weight = QLineEdit()
        self.weight.setObjectName("lotWeight")
        self.weight.setPlaceholderText(self.tr("kg, then Enter: the lot closes"))
        self.open_model = RowsModel([self.tr("Lot"), self.tr("Units"),
                                     self.tr("Original value"), self.tr("Recovery value")],
                                    self)
        [self.table] = self._lay_out(
            [(self.tr("&Weight"), self.weight)],
            [(self.tr("Open lots (oldest first)"), self.open_model)],
            [("Ctrl+N", self.start), ("Ctrl+P", self.print_manifest),
             ("Ctrl+L", self.print_label)])
        self.weight.returnPressed.connect(self._close_lot)
        self._keys = FieldKeys(self, (self.weight,), self.back_to_scan)
        self.resize(720, 560)
        self.scan.setFocus()
        self.refresh()

    def back_to_scan(self) -> None:
        self.weight.clear()
        self.scan.setFocus()

    # --- the steps ------------------------------------------------------------------------

    def _container_scanned(self, code: str) -> None:
        self._runner.run(self._lots.lot, self._actor, code, on_done=self._lot_shown,
                         on_error=self._refused)

    def _unit_scanned(self, code: str) -> None:
        open_lot = self.lot.code if self.lot and self.lot.closed_at is None else None
        self._runner.run(self._lots.add, self._actor, code, open_lot,
                         on_done=self._added, on_error=self._refused)

    def _added(self, lot: LotRow) -> None:
        self._lot_shown(lot)
        last = lot.units[-1]
        self._say(self.tr("{code} is on {lot}: recovery {value}.").format(
            code=last.unit.code, lot=lot.code,
            value=format_money(last.recovery, last.unit.currency)), DONE_COLOUR)
        self.refresh()
        self.changed.emit()

    def _lot_shown(self, lot: LotRow) -> None:
        self.lot = lot
        state = (self.tr("closed, {kg} kg").format(kg=lot.weight_kg) if lot.closed_at
                 else self.tr("open"))
        self.shown.setText("<br>".join([
            f"<b>{escape(lot.code)}</b> · {escape(state)}",
            escape(self.tr("{n} units · original {original} · recovery {recovery}").format(
                n=len(lot.units), original=_money(lot.original_totals),
                recovery=_money(lot.recovery_totals))),
            escape(self.tr("Alt+W: weigh and close · Ctrl+P: manifest · Ctrl+L: pallet "
                           "label · Ctrl+N: a new pallet"))]))
        self.feedback.clear()

    def start(self) -> None:
        self._runner.run(self._lots.start, self._actor, on_done=self._started,
                         on_error=self._refused)

    def _started(self, lot: LotRow) -> None:
        self._lot_shown(lot)
        self._say(self.tr("{lot} is a new pallet: scan its units.").format(lot=lot.code),
                  DONE_COLOUR)
        self.refresh()

    def _close_lot(self) -> None:
        if self.lot is None:
            return
        try:
            weight = Decimal(self.weight.text().strip().lower().removesuffix("kg").strip()
                             .replace(",", "."))
        except InvalidOperation:
            self._say(self.tr("The weight is a number of kg, such as 42.5."), ERROR_COLOUR)
            return
        self._runner.run(self._lots.close, self._actor, self.lot.code, weight,
                         on_done=self._closed, on_error=self._say_error)

    def _closed(self, lot: LotRow) -> None:
        self.back_to_scan()
        self._lot_shown(lot)
        self._say(self.tr("{lot} is closed at {kg} kg: print its manifest and pallet label."
                          ).format(lot=lot.code, kg=lot.weight_kg), DONE_COLOUR)
        self.refresh()
        self.changed.emit()

    def print_manifest(self) -> None:
        if self.lot is not None:
            self._runner.run(self._lots.manifest, self._actor, self.lot.code,
                             self._language, on_done=self._preview, on_error=self._say_error)

    def print_label(self) -> None:
        if self.lot is not None:
            self._runner.run(self._lots.pallet_label, self._actor, self.lot.code,
                             self._language, on_done=self._preview, on_error=self._say_error)

    # --- answers --------------------------------------------------------------------------

    def refresh(self) -> None:
        self._runner.run(self._lots.open_lots, self._actor, on_done=self._open_shown,
                         on_error=self._say_error)

    def _open_shown(self, lots: list[LotRow]) -> None:
        self.open_model.set_rows([(lot.code, str(len(lot.units)),
                                   _money(lot.original_totals), _money(lot.recovery_totals))
                                  for lot in lots])
        self.table.resizeColumnsToContents()
