"""Issue 17: return to vendor driven as a scanner and a keyboard do: scan a defective unit,
type its defect, Enter through the claim, and it is on its supplier's shipment; scan the
shipment's code, Ctrl+P shows its document, Ctrl+Return ships it."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import RtvState
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.views.print_preview_dialog import PrintPreviewDialog
from livenon_desk.views.vendor_return_dialog import VendorReturnDialog
from tests.services.test_unit_service import _graded_a
from tests.services.test_vendor_return_service import _defective
from tests.views.conftest import INSPECTOR, MakeWindow
from tests.views.keyboard import WAIT, press, scan, type_text, wait_focus
from tests.views.workbench import wait_dialog


def _open_bench(qtbot: QtBot, make_window: MakeWindow) -> VendorReturnDialog:
    window = make_window(INSPECTOR)
    press(qtbot, "Ctrl+Shift+V")
    dialog = wait_dialog(qtbot, window, VendorReturnDialog)
    assert isinstance(dialog, VendorReturnDialog)
    wait_focus(qtbot, dialog.scan)
    return dialog


def test_units_onto_their_suppliers_shipment_then_its_document_and_shipping_by_keys(
        qtbot: QtBot, store: Store, desk: Desk, make_window: MakeWindow) -> None:
    first, second = _defective(store, desk.receiving, desk.inspections)
    dialog = _open_bench(qtbot, make_window)
    qtbot.waitUntil(lambda: dialog.awaiting_model.rowCount() == 2, timeout=WAIT)
    scan(qtbot, first)
    wait_focus(qtbot, dialog.defect)
    assert "1299.00" in dialog.claim.placeholderText().replace(",", "")
    type_text(qtbot, "seat frame cracked\n")
    wait_focus(qtbot, dialog.claim)
    press(qtbot, "Return")  # empty: the unit's price
    wait_focus(qtbot, dialog.scan)
    qtbot.waitUntil(lambda: "Foshan Hemu" in dialog.feedback.text(), timeout=WAIT)
    scan(qtbot, second)
    wait_focus(qtbot, dialog.defect)
    type_text(qtbot, "rail split\n650.00\n")
    wait_focus(qtbot, dialog.scan)
    qtbot.waitUntil(lambda: dialog.awaiting_model.rowCount() == 0, timeout=WAIT)
    [shipment] = desk.vendor_returns.open_shipments(INSPECTOR)
    assert [(line.unit.code, line.claim) for line in shipment.lines] == [
        (first, Decimal("1299.00")), (second, Decimal("650.00"))]

    scan(qtbot, shipment.code.lower())
    qtbot.waitUntil(lambda: dialog.shipment is not None, timeout=WAIT)
    press(qtbot, "Ctrl+P")
    qtbot.waitUntil(lambda: isinstance(dialog.preview, PrintPreviewDialog), timeout=WAIT)
    assert dialog.preview is not None
    assert dialog.preview.windowTitle().endswith(f"{shipment.code}-rtv.pdf")
    dialog.preview.close()
    dialog.activateWindow()
    wait_focus(qtbot, dialog.scan)
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: "has shipped" in dialog.feedback.text(), timeout=WAIT)
    assert desk.vendor_returns.shipment(INSPECTOR, shipment.code).state is RtvState.SHIPPED


def test_a_unit_not_routed_to_rtv_is_said_at_its_scan(
        qtbot: QtBot, store: Store, desk: Desk, make_window: MakeWindow) -> None:
    restocked, _tags = _graded_a(store, desk.receiving, desk.inspections)
    dialog = _open_bench(qtbot, make_window)
    scan(qtbot, restocked)
    qtbot.waitUntil(lambda: "not routed to return to vendor" in dialog.feedback.text(),
                    timeout=WAIT)
    wait_focus(qtbot, dialog.scan)
    assert not dialog.defect.isEnabled()
