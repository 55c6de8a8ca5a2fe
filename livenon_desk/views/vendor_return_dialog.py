"""Return to vendor: scan a defective unit, say its defect, and it joins its supplier's
RTV shipment; scan a shipment's code to print its document or ship it.

Keyboard and scanner only. The scan field has the focus. A unit's scan shows it and moves
the focus to the defect; Enter goes on to the claim (empty: the unit's price, shown), and
Enter there puts the unit on its supplier's open shipment. A shipment's scan (RTV-...)
shows it: Ctrl+P previews its document in the supplier's language, Ctrl+Return ships it.
Escape in a field goes back to the scan. The lists are the units awaiting RTV and the open
shipments.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from livenon_desk.domain.roles import Actor
from livenon_desk.services.unit_dto import UnitRow
from livenon_desk.services.vendor_return_dto import RTV_PREFIX, RtvShipmentRow
from livenon_desk.views.container_bench import ContainerBench
from livenon_desk.views.form_parts import DONE_COLOUR, ERROR_COLOUR
from livenon_desk.views.formatting import format_money
from livenon_desk.views.scan_keys import FieldKeys
from livenon_desk.views.sync_view import RowsModel
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    from livenon_desk.services.vendor_return_service import VendorReturnService


class VendorReturnDialog(ContainerBench):
    def __init__(self, rtv: VendorReturnService, runner: TaskRunner, actor: Actor,
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, language, "rtv", RTV_PREFIX, parent)
        self._rtv = rtv
        self.unit: UnitRow | None = None
        self.shipment: RtvShipmentRow | None = None
        self.setObjectName("vendorReturnDialog")
        self.setWindowTitle(self.tr("Return to vendor"))
        self.scan.setPlaceholderText(self.tr("Unit, or an RTV shipment's code"))
        self.defect = QLineEdit()
        self.defect.setObjectName("rtvDefect")
        self.claim = QLineEdit()
        self.claim.setObjectName("rtvClaim")
        self.awaiting_model = RowsModel([self.tr("Unit"), self.tr("SKU"), self.tr("Product"),
                                         self.tr("Grade")], self)
        self.shipments_model = RowsModel([self.tr("RTV shipment"), self.tr("Supplier"),
                                          self.tr("Units"), self.tr("Claim")], self)
        self.tables = self._lay_out(
            [(self.tr("&Defect"), self.defect), (self.tr("&Claim"), self.claim)],
            [(self.tr("Awaiting RTV (oldest first)"), self.awaiting_model),
             (self.tr("Open RTV shipments"), self.shipments_model)],
            [("Ctrl+P", self.print_shipment), ("Ctrl+Return", self.ship),
             ("Ctrl+Enter", self.ship)])
        self.defect.returnPressed.connect(self._to_claim)
        self.claim.returnPressed.connect(self._add)
        self._keys = FieldKeys(self, (self.defect, self.claim), self.back_to_scan)
        self.resize(760, 620)
        self.back_to_scan()
        self.refresh()

    # --- the steps ------------------------------------------------------------------------

    def back_to_scan(self) -> None:
        self.unit = None
        self.prompt.setText(self.tr("Scan a defective unit, or an RTV shipment's code"))
        for field in (self.defect, self.claim):
            field.clear()
            field.setEnabled(False)
        self.scan.setFocus()

    def _container_scanned(self, code: str) -> None:
        self._runner.run(self._rtv.shipment, self._actor, code,
                         on_done=self._shipment_shown, on_error=self._refused)

    def _unit_scanned(self, code: str) -> None:
        self._runner.run(self._rtv.unit, self._actor, code, on_done=self._unit_shown,
                         on_error=self._refused)

    def _unit_shown(self, unit: UnitRow) -> None:
        self.unit = unit
        self.shipment = None
        name = (unit.product_name_zh if self._language == "zh" and unit.product_name_zh
                else unit.product_name_en)
        self.shown.setText("<br>".join([
            f"<b>{escape(unit.code)}</b> · {escape(unit.sku)} · {escape(unit.rma_number)}",
            escape(name), escape(self.tr("Grade {grade}").format(grade=unit.grade or "–"))]))
        self.prompt.setText(self.tr("Say the defect, then the claim (empty: the unit's "
                                    "price)"))
        self.defect.setEnabled(True)
        self.claim.setEnabled(True)
        self.claim.setPlaceholderText(format_money(unit.value, unit.currency))
        self.feedback.clear()
        self.defect.setFocus()

    def _to_claim(self) -> None:
        self.claim.setFocus()

    def _add(self) -> None:
        if self.unit is None:
            return
        typed = self.claim.text().strip().replace(",", "")
        claim: Decimal | None = None
        if typed:
            try:
                claim = Decimal(typed)
            except InvalidOperation:
                self._say(self.tr("The claim is an amount, such as 650.00."), ERROR_COLOUR)
                return
        self._runner.run(self._rtv.add, self._actor, self.unit.code, self.defect.text(),
                         claim, on_done=self._added, on_error=self._say_error)

    def _added(self, shipment: RtvShipmentRow) -> None:
        code = self.unit.code if self.unit else ""
        self.back_to_scan()
        self._show_shipment(shipment)
        self._say(self.tr("{code} is on {rtv} for {supplier}.").format(
            code=code, rtv=shipment.code, supplier=shipment.supplier.name), DONE_COLOUR)
        self.refresh()
        self.changed.emit()

    def _shipment_shown(self, shipment: RtvShipmentRow) -> None:
        self.back_to_scan()
        self._show_shipment(shipment)
        self.feedback.clear()

    def _show_shipment(self, shipment: RtvShipmentRow) -> None:
        self.shipment = shipment
        total = "; ".join(format_money(a, c) for c, a in shipment.claim_totals) or "–"
        state = (self.tr("shipped") if shipment.shipped_at else self.tr("open"))
        self.shown.setText("<br>".join([
            f"<b>{escape(shipment.code)}</b> · {escape(shipment.supplier.name)} · "
            f"{escape(state)}",
            escape(self.tr("{n} units · claimed {total}").format(n=len(shipment.lines),
                                                                total=total)),
            escape(self.tr("Ctrl+P: its document · Ctrl+Return: ship it"))]))

    def print_shipment(self) -> None:
        if self.shipment is not None:
            self._runner.run(self._rtv.document, self._actor, self.shipment.code,
                             on_done=self._preview, on_error=self._refused)

    def ship(self) -> None:
        if self.shipment is not None:
            self._runner.run(self._rtv.ship, self._actor, self.shipment.code,
                             on_done=self._shipped, on_error=self._refused)

    def _shipped(self, shipment: RtvShipmentRow) -> None:
        self._show_shipment(shipment)
        self._say(self.tr("{rtv} has shipped to {supplier}.").format(
            rtv=shipment.code, supplier=shipment.supplier.name), DONE_COLOUR)
        self.refresh()
        self.changed.emit()

    # --- answers --------------------------------------------------------------------------

    def refresh(self) -> None:
        self._runner.run(self._rtv.awaiting, self._actor, on_done=self._awaiting_shown,
                         on_error=self._refused)
        self._runner.run(self._rtv.open_shipments, self._actor,
                         on_done=self._shipments_shown, on_error=self._refused)

    def _awaiting_shown(self, units: list[UnitRow]) -> None:
        self.awaiting_model.set_rows([
            (u.code, u.sku, u.product_name_zh if self._language == "zh" and u.product_name_zh
             else u.product_name_en, u.grade or "–") for u in units])
        self.tables[0].resizeColumnsToContents()

    def _shipments_shown(self, shipments: list[RtvShipmentRow]) -> None:
        self.shipments_model.set_rows([
            (s.code, s.supplier.name, str(len(s.lines)),
             "; ".join(format_money(a, c) for c, a in s.claim_totals)) for s in shipments])
        self.tables[1].resizeColumnsToContents()
