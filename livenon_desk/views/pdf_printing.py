"""Putting a PDF on paper: the user's printer of choice, remembered per kind of stock, and
the pages drawn one per turn of the event loop so the window never freezes."""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QSettings,
    QSize,
    QSizeF,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

log = logging.getLogger(__name__)

LABEL_STOCK = QPageSize(QSizeF(4, 6), QPageSize.Unit.Inch, "4x6")
PRINT_DPI = 300


def settings_key(label_stock: bool) -> str:
    return "print/label_printer" if label_stock else "print/office_printer"


def remembered_printer(label_stock: bool) -> str | None:
    name = QSettings("Livenon", "LivenonDesk").value(settings_key(label_stock))
    known = {p.printerName() for p in QPrinterInfo.availablePrinters()}
    return name if isinstance(name, str) and name in known else None


def remember_printer(label_stock: bool, name: str) -> None:
    if name:
        QSettings("Livenon", "LivenonDesk").setValue(settings_key(label_stock), name)


def load_pdf(pdf: bytes, parent: QObject) -> tuple[QPdfDocument, QBuffer]:
    """A QtPdf document on these bytes; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def prepare_printer(printer: QPrinter, label_stock: bool) -> None:
    if label_stock:
        printer.setPageSize(LABEL_STOCK)
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        # A file, not a device: 300 dpi keeps barcodes sharp without huge page images.
        # A real printer keeps its own resolution, so each bar lands on whole dots.
        printer.setResolution(PRINT_DPI)


class PdfPrintJob(QObject):
    """Prints a PDF's pages to ``printer``, one page per event-loop turn."""

    progressed = Signal(int, int)
    finished = Signal(bool)  # True when every page was printed

    def __init__(self, pdf: bytes, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document, self._buffer = load_pdf(pdf, self)
        self._printer = printer
        self._painter = QPainter()
        self._page = 0
        self._cancelled = False

    @property
    def pages(self) -> int:
        return self._document.pageCount()

    def start(self) -> None:
        if self.pages == 0 or not self._painter.begin(self._printer):
            log.error("the printer could not start (%d pages)", self.pages)
            self.finished.emit(False)
            return
        QTimer.singleShot(0, self._next)

    def cancel(self) -> None:
        self._cancelled = True

    def _next(self) -> None:
        if self._cancelled:
            self._printer.abort()
            self._painter.end()
            self.finished.emit(False)
            return
        if self._page:
            self._printer.newPage()
        target = self._painter.viewport()
        size = QSize(target.width(), target.height())
        image: QImage = self._document.render(self._page, size)
        self._painter.drawImage(target, image)
        self._page += 1
        self.progressed.emit(self._page, self.pages)
        if self._page < self.pages:
            QTimer.singleShot(0, self._next)
        else:
            self._painter.end()
            self.finished.emit(True)


def page_size_points(document: QPdfDocument, page: int) -> tuple[float, float]:
    size = document.pagePointSize(page)
    return round(size.width(), 1), round(size.height(), 1)
