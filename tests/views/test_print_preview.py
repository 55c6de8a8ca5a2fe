"""The print preview's own keys and answers: Ctrl+S and Ctrl+P open the save and print
dialogs (the printer dialog stood in for here: a test cannot click in a native one),
cancelling either does nothing, and Esc stops a print under way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.services.desk import Desk
from livenon_desk.services.document_kinds import DocumentKind
from livenon_desk.store.database import Store
from livenon_desk.views import folders
from livenon_desk.views.print_preview_dialog import PrintPreviewDialog
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, add_return
from tests.conftest import INSPECTOR
from tests.documents.pdf_reading import page_sizes
from tests.views.keyboard import WAIT


@pytest.fixture
def preview(qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner) -> PrintPreviewDialog:
    """A two-carton sofa's return labels, one a page."""
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    document = desk.documents.render(INSPECTOR, DocumentKind.LABEL, built.rma_number)
    dialog = PrintPreviewDialog(document, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_preview_counts_its_pages(preview: PrintPreviewDialog) -> None:
    assert preview.pdf.pageCount() == 2
    assert preview.pages.text() == "2 pages"
    assert preview.windowTitle() == f"Preview: {preview.document.file_name}"


def _save_dialog(qtbot: QtBot, preview: PrintPreviewDialog,
                 monkeypatch: pytest.MonkeyPatch) -> QFileDialog:
    monkeypatch.setattr(folders, "_last", {})  # the folder this test saves into is forgotten
    qtbot.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    dialog = preview.file_dialog
    assert isinstance(dialog, QFileDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    return dialog


def test_ctrl_s_saves_under_the_documents_name(
        qtbot: QtBot, preview: PrintPreviewDialog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _save_dialog(qtbot, preview, monkeypatch)
    assert [Path(f).name for f in dialog.selectedFiles()] == [preview.document.file_name]
    target = tmp_path / "chosen.pdf"
    dialog.selectFile(str(target))
    dialog.accept()
    assert target.read_bytes() == preview.document.pdf
    assert preview.state.text() == f"Saved {target}"


def test_cancelling_the_save_dialog_writes_nothing(
        qtbot: QtBot, preview: PrintPreviewDialog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _save_dialog(qtbot, preview, monkeypatch)
    dialog.selectFile(str(tmp_path / "not-this.pdf"))
    dialog.reject()
    assert list(tmp_path.rglob("*.pdf")) == []
    assert preview.state.text() == ""


def _print_dialog(monkeypatch: pytest.MonkeyPatch, answer: QDialog.DialogCode,
                  out: Path | None = None) -> list[QPrinter]:
    """QPrintDialog answers ``answer`` at once; accepted, it prints into ``out`` (a PDF)."""
    shown: list[QPrinter] = []

    def exec_(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        shown.append(printer)
        if out is not None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
        return int(answer.value)

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return shown


def test_ctrl_p_prints_every_page_on_label_stock(
        qtbot: QtBot, preview: PrintPreviewDialog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "printed.pdf"
    shown = _print_dialog(monkeypatch, QDialog.DialogCode.Accepted, out)
    with qtbot.waitSignal(preview.printed, timeout=20_000) as done:
        qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert done.args == [True]
    assert len(shown) == 1
    assert preview.state.text() == "Sent to the printer."
    assert preview.print_button.isEnabled()
    assert page_sizes(out.read_bytes()) == [(288.0, 432.0)] * 2  # 4x6 in, as prepared


def test_cancelling_the_print_dialog_prints_nothing(
        qtbot: QtBot, preview: PrintPreviewDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _print_dialog(monkeypatch, QDialog.DialogCode.Rejected)
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1
    assert preview.job is None
    assert preview.print_button.isEnabled()
    assert preview.state.text() == ""


def test_escape_stops_a_print_under_way(
        qtbot: QtBot, preview: PrintPreviewDialog, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "stopped.pdf"))
    preview.prepare(printer)
    answers: list[Any] = []
    preview.printed.connect(answers.append)
    preview.print_to(printer)
    assert not preview.print_button.isEnabled()  # one print at a time

    qtbot.keyClick(preview, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: answers == [False], timeout=20_000)
    assert preview.state.text() == "Printing did not finish; nothing more was sent."
    assert preview.print_button.isEnabled()
