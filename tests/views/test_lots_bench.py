"""Issue 17: liquidation lots driven as a scanner and a keyboard do: scan units onto the
pallet, type its weight and Enter closes it, Ctrl+P and Ctrl+L preview its manifest and
its pallet label."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import LotState
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.views.lots_dialog import LotsDialog
from livenon_desk.views.print_preview_dialog import PrintPreviewDialog
from tests.services.test_lot_service import _to_liquidate
from tests.services.test_unit_service import _graded_a
from tests.views.conftest import INSPECTOR, MakeWindow
from tests.views.keyboard import WAIT, press, scan, type_text, wait_focus
from tests.views.workbench import wait_dialog


def _open_bench(qtbot: QtBot, make_window: MakeWindow) -> LotsDialog:
    window = make_window(INSPECTOR)
    press(qtbot, "Ctrl+Shift+J")
    dialog = wait_dialog(qtbot, window, LotsDialog)
    assert isinstance(dialog, LotsDialog)
    wait_focus(qtbot, dialog.scan)
    return dialog


def _preview(qtbot: QtBot, dialog: LotsDialog, keys: str) -> PrintPreviewDialog:
    dialog.preview = None
    press(qtbot, keys)
    qtbot.waitUntil(lambda: isinstance(dialog.preview, PrintPreviewDialog), timeout=WAIT)
    preview = dialog.preview
    assert isinstance(preview, PrintPreviewDialog)
    preview.close()
    dialog.activateWindow()
    wait_focus(qtbot, dialog.scan)
    return preview


def test_units_onto_a_pallet_weighed_closed_and_its_papers_by_keys(
        qtbot: QtBot, store: Store, desk: Desk, make_window: MakeWindow) -> None:
    first, second = _to_liquidate(store, desk.receiving, desk.inspections)
    restocked, _tags = _graded_a(store, desk.receiving, desk.inspections)
    dialog = _open_bench(qtbot, make_window)
    scan(qtbot, first)
    qtbot.waitUntil(lambda: "recovery" in dialog.feedback.text(), timeout=WAIT)
    assert dialog.lot is not None
    code = dialog.lot.code
    qtbot.waitUntil(lambda: dialog.open_model.rowCount() == 1, timeout=WAIT)
    scan(qtbot, restocked)
    qtbot.waitUntil(lambda: "not routed to liquidate" in dialog.feedback.text(),
                    timeout=WAIT)
    wait_focus(qtbot, dialog.scan)
    scan(qtbot, second.lower())
    qtbot.waitUntil(lambda: dialog.lot is not None and len(dialog.lot.units) == 2,
                    timeout=WAIT)

    press(qtbot, "Alt+W")
    wait_focus(qtbot, dialog.weight)
    type_text(qtbot, "38,5 kg\n")
    qtbot.waitUntil(lambda: "is closed at 38.5 kg" in dialog.feedback.text(), timeout=WAIT)
    wait_focus(qtbot, dialog.scan)
    lot = desk.lots.lot(INSPECTOR, code)
    assert (lot.state, lot.weight_kg, len(lot.units)) == (LotState.CLOSED, Decimal("38.5"), 2)
    assert _preview(qtbot, dialog, "Ctrl+P").document.file_name == f"{code}-manifest.pdf"
    label = _preview(qtbot, dialog, "Ctrl+L")
    assert label.document.file_name == f"{code}-pallet-label.pdf" and label.label_stock
    qtbot.waitUntil(lambda: dialog.open_model.rowCount() == 0, timeout=WAIT)

    press(qtbot, "Ctrl+N")
    qtbot.waitUntil(lambda: dialog.lot is not None and dialog.lot.code != code,
                    timeout=WAIT)
    assert "new pallet" in dialog.feedback.text()
