"""A document before it is printed: its pages, then Print (to a printer the user picks)
or Save as PDF."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.errors import KnownError
from livenon_desk.private_files import write_output
from livenon_desk.services.document_kinds import Printable
from livenon_desk.views.folders import FolderKind, remember_folder, start_folder
from livenon_desk.views.pdf_printing import (
    PdfPrintJob,
    load_pdf,
    prepare_printer,
    remember_printer,
    remembered_printer,
)
from livenon_desk.views.task_runner import TaskRunner

log = logging.getLogger(__name__)


class PrintPreviewDialog(QDialog):
    printed = Signal(bool)

    def __init__(self, document: Printable, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._runner = runner
        self.job: PdfPrintJob | None = None
        self.file_dialog: QFileDialog | None = None
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Preview: {name}").format(name=document.file_name))
        self.resize(820, 900)
        self.pdf, self._buffer = load_pdf(document.pdf, self)
        self.view = QPdfView()
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        count = self.pdf.pageCount()
        self.pages = QLabel(self.tr("1 page") if count == 1
                            else self.tr("{n} pages").format(n=count))
        self.state = QLabel()
        self.state.setObjectName("printState")
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print to a printer you choose (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.setToolTip(self.tr("Save as PDF (Ctrl+S)"))
        close = QPushButton(self.tr("Close"))
        for button in (self.print_button, self.save_button, close):
            button.setAutoDefault(False)
        bar = QHBoxLayout()
        bar.addWidget(self.pages)
        bar.addWidget(self.state, 1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button.clicked.connect(self.choose_file)
        close.clicked.connect(self.close)
        for keys, slot in (("Ctrl+P", self.choose_printer), ("Ctrl+S", self.choose_file)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

    @property
    def label_stock(self) -> bool:
        return self.document.is_label_stock

    def prepare(self, printer: QPrinter) -> None:
        """The printer set for this document's stock and paper: 4x6 labels, or the paper the
        document was laid out on (company.toml's, e.g. letter), not the printer's default."""
        prepare_printer(printer, self.label_stock, self.pdf.pagePointSize(0))

    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name = remembered_printer(self.label_stock)
        if name:
            printer.setPrinterName(name)
        self.prepare(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {name}").format(name=self.document.file_name))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
            remember_printer(self.label_stock, printer.printerName())
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print every page; the window stays responsive while it does."""
        self.print_button.setEnabled(False)
        job = PdfPrintJob(self.document.pdf, printer, self._runner, self)
        job.progressed.connect(lambda page, total: self.state.setText(
            self.tr("Printing page {page} of {total}…").format(page=page, total=total)))
        job.finished.connect(self._printed)
        self.job = job
        job.start()

    def _printed(self, ok: bool) -> None:
        self.print_button.setEnabled(True)
        self.state.setText(self.tr("Sent to the printer.") if ok
                           else self.tr("Printing did not finish; nothing more was sent."))
        self.printed.emit(ok)

    def choose_file(self) -> None:
        suggested = start_folder(FolderKind.DOCUMENTS) / self.document.file_name
        dialog = QFileDialog(self, self.tr("Save as PDF"), str(suggested), "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(str(suggested))
        dialog.fileSelected.connect(self._file_chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    def _file_chosen(self, name: str) -> None:
        remember_folder(FolderKind.DOCUMENTS, Path(name))
        self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        try:
            # Whole or not at all, the user's only (it holds a customer's details), and
            # never over a folder or a special file.
            write_output(path, self.document.pdf)
        except KnownError as exc:
            log.warning("could not save %s: %s", path, exc)
            self.state.setText(exc.text(QLocale().name()))
            return
        self.state.setText(self.tr("Saved {path}").format(path=path))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.job is not None:
            self.job.cancel()
        super().keyPressEvent(event)
