"""What can be done to the return on screen: receive, count cartons, inspect, approve an
exception, close short; and logging a parcel that matches nothing. Each runs its service
call in the task runner and tells the window when the record changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from livenon_desk.domain.enums import Decision, Disposition, ReturnStatus
from livenon_desk.domain.receiving import RECEIVABLE
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.services.desk import Desk
from livenon_desk.services.dto import LineView, ReturnDetail
from livenon_desk.services.unit_dto import UnitRow
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.keyed_actions import keyed_action, keyed_tip
from livenon_desk.views.task_runner import TaskRunner
from livenon_desk.views.why_not import WhyNot

if TYPE_CHECKING:
    # The dialogs load when first opened, not with the window (cold start).
    from livenon_desk.services.inspection_dto import InspectionSheet
    from livenon_desk.services.receiving_dto import CartonScan, ReceiptResult
    from livenon_desk.views.carton_dialog import CartonDialog
    from livenon_desk.views.inspection_dialog import InspectionDialog

_INSPECTABLE = frozenset({ReturnStatus.RECEIVED, ReturnStatus.INSPECTING, ReturnStatus.INSPECTED,
                          ReturnStatus.REFUND_APPROVED, ReturnStatus.REFUND_REJECTED,
                          ReturnStatus.CLOSED})
_OVERRIDABLE = frozenset({Decision.NOT_ELIGIBLE, Decision.NEEDS_REVIEW})


def _line_to_inspect(detail: ReturnDetail) -> LineView | None:
    """The first line not yet inspected to the end, else the first line."""
    for line in detail.lines:
        if line.inspected_at is None:
            return line
    return detail.lines[0] if detail.lines else None


def _line_to_override(detail: ReturnDetail) -> LineView | None:
    for line in detail.lines:
        if (line.inspected_at is not None and line.override_by is None
                and line.decision in _OVERRIDABLE and line.inspection_id is not None):
            return line
    return None


def restricted_text(detail: ReturnDetail | None) -> str | None:
    """Why a restricted return takes no action, with the restriction's own reason."""
    if detail is None or not detail.restricted:
        return None
    return QCoreApplication.translate(
        "ReturnActions", "{rma} is restricted: {reason}. It is read-only: it cannot be "
        "received, inspected or printed.").format(
            rma=detail.rma_number, reason=detail.restricted_reason
            or QCoreApplication.translate("ReturnActions", "privacy rule"))


class ReturnActions(QObject):
    changed = Signal(int)  # a return id whose record changed
    queue_changed = Signal()
    message = Signal(str)

    def __init__(self, desk: Desk, runner: TaskRunner, actor: Actor, language: str,
                 clock: Callable[[], datetime], parent: QWidget) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._actor = actor
        self._language = language
        self._clock = clock
        self._window = parent
        self.detail: ReturnDetail | None = None
        self.unmatched_code: str | None = None
        # The return whose "cartons missing" the status bar says, until it is not true.
        self._missing_said: str | None = None
        self.dialog: QDialog | None = None

        def action(text: str, keys: str, slot: Callable[[], None], tip: str) -> QAction:
            return keyed_action(parent, text, keys, slot, tip)

        self.receive = action(self.tr("&Receive parcel…"), "Ctrl+R", self.open_receive,
                              self.tr("Record the parcel's arrival; starts the P5 clock"))
        self.count_cartons = action(self.tr("&Count cartons…"), "Ctrl+K", self.open_cartons,
                                    self.tr("Scan the cartons still missing"))
        self.inspect = action(self.tr("&Inspect…"), "Ctrl+I", self.open_inspection,
                              self.tr("Inspect the next returned line against the checklist"))
        # Not Ctrl+E nor Ctrl+U: on Linux desktops the search box, where the focus stays
        # after a scan, takes those for "end of line" and "delete the line".
        self.override = action(self.tr("Approve as &exception…"), "Ctrl+Shift+O",
                               self.open_override,
                               self.tr("Supervisor: approve a return the rules refused"))
        self.close_short = action(self.tr("Close receipt &short…"), "Ctrl+Shift+K",
                                  self.open_close_short,
                                  self.tr("Supervisor: accept the receipt with cartons missing"))
        self.unexpected = action(self.tr("Receive &unexpected parcel…"), "Ctrl+N",
                                 self.open_unexpected,
                                 self.tr("Log a parcel that matches no return"))
        # Any unit, whichever record is on screen: scan the unit, then the bin.
        self.put_away = action(self.tr("&Put away or move…"), "Ctrl+B", self.open_put_away,
                               self.tr("Scan a unit, then the bin it goes in"))
        self.clear_weight = action(self.tr("Clear &weight flags…"), "Ctrl+Shift+W",
                                   self.open_clear_weight,
                                   self.tr("Supervisor: the goods were checked; no item swap"))
        self.route_unit = action(self.tr("Send a unit &elsewhere…"), "Ctrl+Shift+D",
                                 self.open_route_unit,
                                 self.tr("Supervisor: another disposition than the rule's"))
        # Any unit, whichever record is on screen: scan it at the refurbishment bench.
        self.refurbish = action(self.tr("Re&furbish…"), "Ctrl+Shift+B", self.open_refurbish,
                                self.tr("Scan a unit to open, log or complete its work order"))
        self.vendor_return = action(self.tr("Return to &vendor…"), "Ctrl+Shift+V",
                                    self.open_vendor_return,
                                    self.tr("Scan a defective unit onto its supplier's RTV "
                                            "shipment"))
        self.lots = action(self.tr("Liquidation &lots…"), "Ctrl+Shift+J", self.open_lots,
                           self.tr("Scan units onto a pallet, weigh it, print its manifest "
                                   "and label"))
        self.all_actions = (self.receive, self.count_cartons, self.inspect, self.override,
                            self.close_short, self.clear_weight, self.route_unit,
                            self.put_away, self.refurbish, self.vendor_return, self.lots,
                            self.unexpected)
        self.why_not = WhyNot(parent, self.message.emit)
        for act in self.all_actions[:-1]:
            self.why_not.watch(act, lambda: restricted_text(self.detail))
        self.set_detail(None)

    # --- which actions apply --------------------------------------------------------------

    def set_actor(self, actor: Actor) -> None:
        self._actor = actor
        self.set_detail(self.detail)

    def set_detail(self, detail: ReturnDetail | None) -> None:
        self.detail = detail
        if detail is not None and detail.rma_number == self._missing_said:
            self._say_cartons(detail)
        may = self._actor.may
        live = detail is not None and not detail.restricted
        status = detail.status if detail else None
        self.receive.setEnabled(live and may(Action.RECEIVE) and status in RECEIVABLE
                                and detail is not None and detail.received_at is None)
        self.count_cartons.setEnabled(live and may(Action.RECEIVE)
                                      and status is ReturnStatus.PARTIALLY_RECEIVED)
        self.inspect.setEnabled(live and detail is not None and status in _INSPECTABLE
                                and bool(detail.lines))
        self.override.setEnabled(live and may(Action.OVERRIDE) and detail is not None
                                 and _line_to_override(detail) is not None)
        self.close_short.setEnabled(live and may(Action.CLOSE_SHORT)
                                    and status is ReturnStatus.PARTIALLY_RECEIVED)
        self.unexpected.setEnabled(may(Action.RECEIVE))
        self.put_away.setEnabled(may(Action.PUT_AWAY))
        self.route_unit.setEnabled(may(Action.OVERRIDE))
        self.clear_weight.setEnabled(live and may(Action.OVERRIDE) and detail is not None
                                     and _weight_flagged(detail))
        self.refurbish.setEnabled(may(Action.INSPECT))
        self.vendor_return.setEnabled(may(Action.PUT_AWAY))
        self.lots.setEnabled(may(Action.PUT_AWAY))
        restricted_tip = restricted_text(detail)
        for act in (self.receive, self.count_cartons, self.inspect, self.override,
                    self.close_short):
            act.setToolTip(keyed_tip(act, restricted_tip or act.statusTip()))
        self.why_not.update()

    def _error(self, dialog: object) -> Callable[[BaseException], None]:
        def show(error: BaseException) -> None:
            text = user_message(error, self._language)
            if dialog is not None and hasattr(dialog, "show_error"):
                dialog.show_error(text)
            else:
                self.message.emit(text)
        return show

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    # --- receive --------------------------------------------------------------------------

    def open_receive(self) -> None:
        if self.detail is None or not self.receive.isEnabled():
            return
        from livenon_desk.views.receive_dialog import ReceiveDialog

        scale = self._desk.scale
        dialog = ReceiveDialog(self.detail, self._runner, self._clock(),
                               self._language.startswith("zh"), self._window,
                               read_weight=scale.read_weight if scale else None)
        return_id = self.detail.return_id

        def submit(receipt: object) -> None:
            self._runner.run(
                lambda *args: self._desk.receiving.receive(*args),
                self._actor, return_id, receipt,
                on_done=lambda r: self._received(dialog, r),
                on_error=self._error(dialog))
        dialog.submitted.connect(submit)
        self._show(dialog)

    def _received(self, dialog: QDialog, result: ReceiptResult) -> None:
        dialog.accept()
        if result.missing:
            self._missing_said = result.rma_number
            self._say_missing(result.rma_number, result.missing)
        else:
            self.message.emit(self.tr("{rma} received.").format(rma=result.rma_number))
        check = result.weight_check
        if check is not None and check.flagged:
            # The parcel held one carton: its weight was that unit's, and it is far off.
            # Short: the status bar shares its line with the sync corner.
            self.message.emit(self.tr(
                "{rma} received; possible item swap: {code} weighs {weighed} kg, not "
                "{expected} kg.").format(
                rma=result.rma_number, code=check.unit_code, weighed=check.weighed_kg,
                expected=check.expected_kg))
        self.changed.emit(result.return_id)
        self.queue_changed.emit()

    def _say_missing(self, rma: str, missing: list[tuple[str, int, int]]) -> None:
        what = ", ".join(f"{tag} {got}/{total}" for tag, got, total in missing)
        self.message.emit(self.tr("{rma} is partially received; cartons missing: {what}")
                          .format(rma=rma, what=what))

    def _say_cartons(self, detail: ReturnDetail) -> None:
        """The message about missing cartons follows the record until all are in."""
        missing = [(ln.tag_code, ln.cartons_received, ln.cartons_expected)
                   for ln in detail.lines if ln.cartons_received < ln.cartons_expected]
        if detail.status is ReturnStatus.PARTIALLY_RECEIVED and missing:
            self._say_missing(detail.rma_number, missing)
            return
        self._missing_said = None
        self.message.emit(self.tr("{rma}: all cartons are in.").format(rma=detail.rma_number))

    def open_cartons(self) -> None:
        if self.detail is None or not self.count_cartons.isEnabled():
            return
        from livenon_desk.views.carton_dialog import CartonDialog

        dialog = CartonDialog(self.detail, self._window)

        def scanned(code: str) -> None:
            self._runner.run(
                lambda *args: self._desk.receiving.count_carton(*args),
                self._actor, code,
                on_done=lambda scan: self._carton_counted(dialog, scan),
                on_error=lambda e: dialog.show_feedback(
                    user_message(e, self._language), error=True))
        dialog.scanned.connect(scanned)
        self._show(dialog)

    def _carton_counted(self, dialog: CartonDialog, scan: CartonScan) -> None:
        text = self.tr("{tag}: carton {n} of {total}").format(
            tag=scan.count.tag_code, n=scan.count.received, total=scan.count.expected)
        if scan.status is ReturnStatus.RECEIVED:
            text += " — " + self.tr("all cartons are in; ready to inspect.")
        dialog.show_count(scan.count)
        dialog.show_feedback(text)
        self._missing_said = self._missing_said or scan.rma_number
        self.changed.emit(scan.return_id)
        self.queue_changed.emit()

    def open_close_short(self) -> None:
        if self.detail is None or not self.close_short.isEnabled():
            return
        from livenon_desk.views.reason_dialog import ReasonDialog

        return_id = self.detail.return_id
        dialog = ReasonDialog(
            self.tr("Close {rma} short").format(rma=self.detail.rma_number),
            self.tr("Cartons are missing. Say why the receipt is accepted as it is."),
            self.tr("Close short"), 5, self._window)
        said = self.tr("{rma} is closed short.").format(rma=self.detail.rma_number)

        def submit(reason: str) -> None:
            self._runner.run(
                lambda *args: self._desk.receiving.close_short(*args),
                self._actor, return_id, reason,
                on_done=lambda _s: self._done(dialog, return_id, said),
                on_error=self._error(dialog))
        dialog.submitted.connect(submit)
        self._show(dialog)

    def open_unexpected(self) -> None:
        if not self.unexpected.isEnabled():
            return
        from livenon_desk.views.unexpected_parcel_dialog import UnexpectedParcelDialog

        dialog = UnexpectedParcelDialog(self.unmatched_code or "", self._clock(), self._window)

        def submit(parcel: object) -> None:
            self._runner.run(
                lambda *args: self._desk.receiving.record_unexpected(*args),
                self._actor, parcel,
                on_done=lambda _id: self._unexpected_logged(dialog),
                on_error=self._error(dialog))
        dialog.submitted.connect(submit)
        self._show(dialog)

    def _unexpected_logged(self, dialog: QDialog) -> None:
        dialog.accept()
        self.message.emit(self.tr("The unexpected parcel is logged."))

    def open_clear_weight(self) -> None:
        if self.detail is None or not self.clear_weight.isEnabled():
            return
        from livenon_desk.views.reason_dialog import ReasonDialog

        return_id = self.detail.return_id
        dialog = ReasonDialog(
            self.tr("Clear the weight flags of {rma}").format(rma=self.detail.rma_number),
            self.tr("A unit weighed far from the catalogue's weight. Say what you checked."),
            self.tr("Clear"), 10, self._window)
        said = self.tr("The weight flags of {rma} are cleared.").format(
            rma=self.detail.rma_number)

        def submit(note: str) -> None:
            self._runner.run(
                lambda *args: self._desk.weights.clear_weight_flags(*args),
                self._actor, return_id,
                note, on_done=lambda _n: self._done(dialog, return_id, said),
                on_error=self._error(dialog))
        dialog.submitted.connect(submit)
        self._show(dialog)

    def open_route_unit(self) -> None:
        if not self.route_unit.isEnabled():
            return
        from livenon_desk.views.unit_route_dialog import UnitRouteDialog

        dialog = UnitRouteDialog(self._window)

        def submit(code: str, disposition: Disposition, reason: str) -> None:
            self._runner.run(
                lambda *args: self._desk.units.set_disposition(*args),
                self._actor, code,
                disposition, reason, on_done=lambda row: self._routed(dialog, row),
                on_error=self._error(dialog))
        dialog.routed.connect(submit)
        self._show(dialog)

    def _routed(self, dialog: QDialog, row: UnitRow) -> None:
        self._done(dialog, row.return_id, self.tr("{code} goes to {zone} now.").format(
            code=row.code, zone=row.zone or ""))

    # --- put away -------------------------------------------------------------------------

    def open_put_away(self) -> None:
        if not self.put_away.isEnabled():
            return
        from livenon_desk.views.put_away_dialog import PutAwayDialog

        scale = self._desk.scale
        dialog = PutAwayDialog(self._desk.units, self._desk.weights, self._runner,
                               self._actor, self._language, self._window,
                               read_weight=scale.read_weight if scale else None)
        for changed in (dialog.moved, dialog.weighed):  # the detail and the queues follow
            changed.connect(self.changed.emit)
            changed.connect(lambda _id: self.queue_changed.emit())
        self._show(dialog)

    # --- refurbish ------------------------------------------------------------------------

    def open_refurbish(self) -> None:
        if not self.refurbish.isEnabled():
            return
        from livenon_desk.views.refurbish_dialog import RefurbishDialog

        dialog = RefurbishDialog(self._desk.refurbish, self._runner, self._actor,
                                 self._language, self._window)
        dialog.changed.connect(self.changed.emit)
        self._show(dialog)

    def open_vendor_return(self) -> None:
        if not self.vendor_return.isEnabled():
            return
        from livenon_desk.views.vendor_return_dialog import VendorReturnDialog

        self._show(VendorReturnDialog(self._desk.vendor_returns, self._runner, self._actor,
                                      self._language, self._window))

    def open_lots(self) -> None:
        if not self.lots.isEnabled():
            return
        from livenon_desk.views.lots_dialog import LotsDialog

        self._show(LotsDialog(self._desk.lots, self._runner, self._actor, self._language,
                              self._window))

    # --- inspect and override -------------------------------------------------------------

    def open_inspection(self) -> None:
        if self.detail is None or not self.inspect.isEnabled():
            return
        line = _line_to_inspect(self.detail)
        if line is None:
            return
        self._runner.run(
            lambda *args: self._desk.inspections.open_sheet(*args),
            self._actor, line.return_line_id,
            on_done=self._show_sheet, on_error=self._error(None))

    def _show_sheet(self, sheet: InspectionSheet) -> None:
        from livenon_desk.views.inspection_dialog import InspectionDialog

        dialog = InspectionDialog(sheet, self._desk.inspections, self._runner, self._actor,
                                  self._language, self._window,
                                  camera=self._desk.settings.camera_device)
        dialog.finished_inspection.connect(lambda _p: self._inspection_finished(sheet))
        dialog.override_requested.connect(lambda s: self._override_sheet(dialog, s))
        dialog.finished.connect(lambda _r: self.changed.emit(sheet.return_id))
        self._show(dialog)

    def _inspection_finished(self, sheet: InspectionSheet) -> None:
        self.message.emit(self.tr("Inspection of {tag} finished.").format(tag=sheet.tag_code))
        self.changed.emit(sheet.return_id)
        self.queue_changed.emit()

    def open_override(self) -> None:
        if self.detail is None or not self.override.isEnabled():
            return
        line = _line_to_override(self.detail)
        if line is None or line.inspection_id is None:
            return
        self._ask_override(self.detail.return_id, line.inspection_id, line.tag_code)

    def _override_sheet(self, inspection: InspectionDialog, sheet: InspectionSheet) -> None:
        inspection.accept()
        self._ask_override(sheet.return_id, sheet.inspection_id, sheet.tag_code)

    def _ask_override(self, return_id: int, inspection_id: int, tag: str) -> None:
        from livenon_desk.services.inspection_dto import OVERRIDE_REASON_MIN
        from livenon_desk.views.reason_dialog import ReasonDialog

        dialog = ReasonDialog(
            self.tr("Approve {tag} as an exception").format(tag=tag),
            self.tr("The rules' decision stays on record. Write why this return is approved "
                    "anyway; the reason is kept with your name."),
            self.tr("Approve exception"), OVERRIDE_REASON_MIN, self._window)
        said = self.tr("{tag} is approved as an exception.").format(tag=tag)

        def submit(reason: str) -> None:
            self._runner.run(
                lambda *args: self._desk.inspections.override(*args),
                self._actor, inspection_id,
                reason, on_done=lambda _v: self._done(dialog, return_id, said),
                on_error=self._error(dialog))
        dialog.submitted.connect(submit)
        self._show(dialog)

    def _done(self, dialog: QDialog, return_id: int, said: str) -> None:
        dialog.accept()
        self.message.emit(said)
        self.changed.emit(return_id)
        self.queue_changed.emit()


def _weight_flagged(detail: ReturnDetail) -> bool:
    """A unit of the return weighed far from the catalogue's weight, not cleared yet."""
    return any(check.flagged and check.cleared_at is None
               for unit in detail.units for check in unit.weight_checks)
