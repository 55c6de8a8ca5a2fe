"""Preview, print and batch print on real widgets; the printer is Qt's PDF printer, so the
printed pages can be read back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.services.desk import Desk
from livenon_desk.services.document_kinds import DocumentKind
from livenon_desk.store.database import Store
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.print_preview_dialog import PrintPreviewDialog
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, LineSpec, add_return
from tests.conftest import INSPECTOR
from tests.documents.pdf_reading import barcodes, codes, codes_by_page, page_sizes, squashed_pages
from tests.views.keyboard import WAIT
from tests.views.workbench import open_record


def _now() -> datetime:
    return NOW


def _window(qtbot: QtBot, desk: Desk, runner: TaskRunner) -> MainWindow:
    window = MainWindow(desk, runner, actor=INSPECTOR, database_label="x", clock=_now)
    qtbot.addWidget(window)
    window.show()
    return window


def _preview(qtbot: QtBot, window: MainWindow) -> PrintPreviewDialog:
    qtbot.waitUntil(lambda: isinstance(window.print_actions.preview, PrintPreviewDialog),
                    timeout=WAIT)
    preview = window.print_actions.preview
    assert isinstance(preview, PrintPreviewDialog)
    return preview


def test_a_label_is_previewed_saved_and_printed_as_4x6(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, tmp_path: Path
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    window = _window(qtbot, desk, runner)
    open_record(qtbot, window, built.rma_number)
    qtbot.waitUntil(window.print_actions.single[DocumentKind.LABEL].isEnabled, timeout=WAIT)
    window.print_actions.single[DocumentKind.LABEL].trigger()
    preview = _preview(qtbot, window)
    assert preview.pdf.pageCount() == 2  # the sofa ships in two cartons: a label each
    saved = tmp_path / "label.pdf"
    preview.save_to(saved)
    assert saved.read_bytes() == preview.document.pdf
    assert saved.stat().st_mode & 0o777 == 0o600  # a customer's address: the user's only
    preview.save_to(tmp_path)  # a folder is not a file name: said, nothing replaced
    assert "is a folder" in preview.state.text() and tmp_path.is_dir()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    from livenon_desk.views.pdf_printing import prepare_printer

    prepare_printer(printer, preview.label_stock)
    with qtbot.waitSignal(preview.printed, timeout=20_000) as done:
        preview.print_to(printer)
    assert done.args == [True]
    assert page_sizes(out.read_bytes()) == [(288.0, 432.0)] * 2
    printed = [b.text for b in barcodes(out.read_bytes(), dpi=300) if b.format == "Code128"]
    assert printed == [built.rma_number] * 2


def test_a_restricted_return_cannot_be_printed(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, restricted=True, restricted_reason="legal hold")
    window = _window(qtbot, desk, runner)
    open_record(qtbot, window, built.rma_number)
    assert not any(a.isEnabled() for a in window.print_actions.single.values())


def test_labels_for_the_selected_returns_in_one_batch(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = [add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
             for _ in range(3)]
    window = _window(qtbot, desk, runner)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3 and window.model.row_at(2) is not None,
                    timeout=WAIT)
    window.table.selectAll()
    assert sorted(window.selected_rmas()) == sorted(b.rma_number for b in built)
    window.print_actions.batch_labels.trigger()
    preview = _preview(qtbot, window)
    assert preview.pdf.pageCount() == 6  # two cartons each
    assert sorted(codes(preview.document.pdf, "Code128")) == sorted(
        2 * [b.rma_number for b in built])


def test_a_batch_with_nothing_selected_says_what_to_do(
    qtbot: QtBot, desk: Desk, runner: TaskRunner
) -> None:
    window = _window(qtbot, desk, runner)
    window.print_actions.batch_tags.trigger()
    assert "Select the returns" in window.message.text()


def test_a_three_carton_sofa_prints_three_labels_and_three_tags_from_the_keyboard(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       lines=[LineSpec(cartons=3)])
    window = _window(qtbot, desk, runner)
    open_record(qtbot, window, built.rma_number)
    qtbot.waitUntil(window.print_actions.single[DocumentKind.LABEL].isEnabled, timeout=WAIT)
    # Labels carry the RMA; each carton's tag its licence plate (the tag code, "-U1"...).
    for key, rma_or_tag in ((Qt.Key.Key_P, built.rma_number), (Qt.Key.Key_T,
                                                                built.tag_codes[0])):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
        # The keys go where a scan leaves them: the search box.
        qtbot.keyClick(window.search, key, Qt.KeyboardModifier.ControlModifier)
        preview = _preview(qtbot, window)
        pdf = preview.document.pdf
        assert preview.pdf.pageCount() == 3
        assert [any(code.startswith(rma_or_tag) for code in page)
                for page in codes_by_page(pdf, "Code128")] == [True] * 3
        assert [f"{i}/3" in page for i, page in enumerate(squashed_pages(pdf), start=1)
                ] == [True] * 3
        preview.reject()
        qtbot.waitUntil(lambda: window.print_actions.preview is None, timeout=WAIT)



def _save_through_the_dialog(qtbot: QtBot, preview: PrintPreviewDialog, name: Path) -> Path:
    """Save as PDF: the folder the dialog opens in, then a file name typed and Enter."""
    from PySide6.QtWidgets import QFileDialog

    preview.choose_file()
    dialog = preview.file_dialog
    assert isinstance(dialog, QFileDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    opened_in = Path(dialog.directory().absolutePath())
    dialog.selectFile(str(name))
    dialog.accept()
    return opened_in


def test_save_as_pdf_opens_in_documents_then_where_the_last_pdf_went(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from livenon_desk.views import folders

    monkeypatch.setattr(folders, "_last", {})
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    documents = tmp_path / "home" / "Documents"
    documents.mkdir(parents=True)
    monkeypatch.chdir(tmp_path)  # the folder the desk was started from is not a choice
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    window = _window(qtbot, desk, runner)
    open_record(qtbot, window, built.rma_number)
    qtbot.waitUntil(window.print_actions.single[DocumentKind.LABEL].isEnabled, timeout=WAIT)
    window.print_actions.single[DocumentKind.LABEL].trigger()
    preview = _preview(qtbot, window)
    elsewhere = tmp_path / "labels"
    elsewhere.mkdir()
    first = _save_through_the_dialog(qtbot, preview, elsewhere / "first.pdf")
    second = _save_through_the_dialog(qtbot, preview, elsewhere / "second.pdf")
    assert (first, second) == (documents, elsewhere)
    assert (elsewhere / "first.pdf").read_bytes() == preview.document.pdf
    assert (elsewhere / "second.pdf").read_bytes() == preview.document.pdf
