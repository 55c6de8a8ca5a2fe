"""Putting a PDF on paper: the user's printer of choice, remembered per kind of stock, and
the pages rendered in the background, a page at a time, so the window never freezes."""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QSize,
    QSizeF,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from livenon_desk.services.user_settings import change_user_settings, user_settings
from livenon_desk.views.task_runner import TaskRunner

log = logging.getLogger(__name__)

LABEL_STOCK = QPageSize(QSizeF(4, 6), QPageSize.Unit.Inch, "4x6")
PRINT_DPI = 300


def remembered_printer(label_stock: bool) -> str | None:
    settings = user_settings()
    name = settings.label_printer if label_stock else settings.office_printer
    known = {p.printerName() for p in QPrinterInfo.availablePrinters()}
    return name if name in known else None


def remember_printer(label_stock: bool, name: str) -> None:
    if name and label_stock:
        change_user_settings(label_printer=name)
    elif name:
        change_user_settings(office_printer=name)


def load_pdf(pdf: bytes, parent: QObject) -> tuple[QPdfDocument, QBuffer]:
    """A QtPdf document on these bytes; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def prepare_printer(printer: QPrinter, label_stock: bool, paper: QSizeF | None = None) -> None:
    """4x6 stock for labels; office documents on ``paper`` (points), the size they were
    laid out for, so a letter form does not come out on the printer's default A4."""
    if label_stock:
        printer.setPageSize(LABEL_STOCK)
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
    elif paper is not None and paper.width() > 0 and paper.height() > 0:
        printer.setPageSize(QPageSize(paper, QPageSize.Unit.Point))
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if paper.width() > paper.height()
            else QPageLayout.Orientation.Portrait)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        # A file, not a device: 300 dpi keeps barcodes sharp without huge page images.
        # A real printer keeps its own resolution, so each bar lands on whole dots.
        printer.setResolution(PRINT_DPI)


def render_page(pdf: bytes, page: int, width: int, height: int) -> QImage:
    """One page as an image, with a document of its own: safe on a worker thread (QImage
    may be made off the UI thread; the UI thread's documents and widgets are not used)."""
    holder = QObject()
    document, _buffer = load_pdf(pdf, holder)
    return document.render(page, QSize(width, height))


class PdfPrintJob(QObject):
    """Prints a PDF's pages to ``printer``: each page is rendered on a worker (a page at
    600 dpi takes about 0.1 s) and painted on the UI thread when it is ready."""

    progressed = Signal(int, int)
    finished = Signal(bool)  # True when every page was printed

    def __init__(self, pdf: bytes, printer: QPrinter, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._document, self._buffer = load_pdf(pdf, self)
        self._printer = printer
        self._runner = runner
        self._painter = QPainter()
        self._page = 0
        self._cancelled = False
        # PySide6 builds its enum classes on first use, which must not first happen on a
        # worker: the rendering path runs once here, small.
        render_page(pdf, 0, 8, 8)

    @property
    def pages(self) -> int:
        return self._document.pageCount()

    def start(self) -> None:
        if self.pages == 0 or not self._painter.begin(self._printer):
            log.error("the printer could not start (%d pages)", self.pages)
            self.finished.emit(False)
            return
        self._render()

    def cancel(self) -> None:
        self._cancelled = True

    def _render(self) -> None:
        target = self._painter.viewport()
        self._runner.run(render_page, self._pdf, self._page, target.width(), target.height(),
                         on_done=self._paint, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        log.error("a page could not be rendered for printing", exc_info=error)
        self._printer.abort()
        self._painter.end()
        self.finished.emit(False)

    def _paint(self, image: QImage) -> None:
        if self._cancelled:
            self._printer.abort()
            self._painter.end()
            self.finished.emit(False)
            return
        if self._page:
            self._printer.newPage()
        self._painter.drawImage(self._painter.viewport(), image)
        self._page += 1
        self.progressed.emit(self._page, self.pages)
        if self._page < self.pages:
            self._render()
        else:
            self._painter.end()
            self.finished.emit(True)


def page_size_points(document: QPdfDocument, page: int) -> tuple[float, float]:
    size = document.pagePointSize(page)
    return round(size.width(), 1), round(size.height(), 1)
