"""The Print menu: each document for the return on screen, and labels or tags for every
return selected in the list. Documents are made in the background and previewed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QWidget

from livenon_desk.domain.roles import Action, Actor
from livenon_desk.services.desk import Desk
from livenon_desk.services.document_kinds import Document, DocumentKind
from livenon_desk.services.dto import ReturnDetail
from livenon_desk.services.label_printer import configured_printer
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.keyed_actions import keyed_action, keyed_tip
from livenon_desk.views.return_actions import restricted_text
from livenon_desk.views.task_runner import TaskRunner
from livenon_desk.views.why_not import WhyNot


class _BatchProgress:
    """Written by the worker, read by a timer on the UI thread."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.cancel = threading.Event()

    def update(self, done: int, total: int) -> None:
        self.done, self.total = done, total


class PrintActions(QObject):
    message = Signal(str)

    def __init__(self, desk: Desk, runner: TaskRunner, actor: Actor, language: str,
                 selected_rmas: Callable[[], list[str]], parent: QWidget) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._actor = actor
        self._language = language
        self._selected = selected_rmas
        self._window = parent
        self.detail: ReturnDetail | None = None
        self.preview: QWidget | None = None
        self.progress: QProgressDialog | None = None
        texts = {
            DocumentKind.LABEL: (self.tr("Return &label (4x6)"), "Ctrl+P"),
            DocumentKind.TAG: (self.tr("Item &tags"), "Ctrl+T"),
            DocumentKind.INSPECTION_REPORT: (self.tr("Inspection &report"), "Ctrl+Shift+R"),
            DocumentKind.RETURN_FORM: (self.tr("Return &form"), "Ctrl+Shift+F"),
            DocumentKind.INVOICE: (self.tr("&Invoice copy"), "Ctrl+Shift+I"),
            DocumentKind.CREDIT_NOTE: (self.tr("&Credit note"), "Ctrl+Shift+C"),
            DocumentKind.EVIDENCE: (self.tr("&Evidence package"), "Ctrl+Shift+E"),
        }
        self.single: dict[DocumentKind, QAction] = {}
        for kind, (text, keys) in texts.items():
            self.single[kind] = keyed_action(parent, text, keys, partial(self.print_one, kind))
        self.batch_labels = keyed_action(
            parent, self.tr("Labels for the selected returns…"), "Ctrl+Alt+P",
            partial(self.print_batch, DocumentKind.LABEL))
        self.batch_tags = keyed_action(
            parent, self.tr("Tags for the selected returns…"), "Ctrl+Alt+T",
            partial(self.print_batch, DocumentKind.TAG))
        self.all_actions = (*self.single.values(), self.batch_labels, self.batch_tags)
        self.why_not = WhyNot(parent, self.message.emit)
        for act in self.single.values():
            self.why_not.watch(act, lambda: restricted_text(self.detail))
        self.set_detail(None)

    def set_actor(self, actor: Actor) -> None:
        self._actor = actor
        self.set_detail(self.detail)

    def set_detail(self, detail: ReturnDetail | None) -> None:
        self.detail = detail
        may = self._actor.may(Action.PRINT)
        printable = detail is not None and not detail.restricted and may
        restricted = restricted_text(detail)
        for act in self.single.values():
            act.setEnabled(printable)
            act.setToolTip(keyed_tip(act, restricted or ""))
        self.why_not.update()
        for act in (self.batch_labels, self.batch_tags):
            act.setEnabled(may)

    def print_one(self, kind: DocumentKind) -> None:
        if self.detail is None or not self.single[kind].isEnabled():
            return
        rma = self.detail.rma_number
        self.message.emit(self.tr("Making the {name}…").format(
            name=self.single[kind].text().replace("&", "")))
        self._runner.run(
            lambda *args: self._desk.documents.render(*args),
            self._actor, kind, rma,
            on_done=self._show_preview, on_error=self._failed)

    def print_batch(self, kind: DocumentKind) -> None:
        rmas = self._selected()
        if not rmas:
            self.message.emit(self.tr("Select the returns in the list first (Shift or Ctrl "
                                      "with the arrow keys or the mouse)."))
            return
        state = _BatchProgress()
        dialog = QProgressDialog(self.tr("Making {n} documents…").format(n=len(rmas)),
                                 self.tr("Cancel"), 0, len(rmas), self._window)
        dialog.setObjectName("batchProgress")
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(state.cancel.set)
        self.progress = dialog
        timer = QTimer(dialog, interval=100)
        timer.timeout.connect(lambda: dialog.setValue(state.done))
        timer.start()

        def finish() -> None:
            timer.stop()
            dialog.reset()
            self.progress = None

        def done(document: Document) -> None:
            finish()
            self._show_preview(document)

        def failed(error: BaseException) -> None:
            finish()
            self._failed(error)

        self._runner.run(
            lambda *args: self._desk.documents.batch(*args),
            self._actor, kind, rmas, "en",
            state.update, state.cancel.is_set, on_done=done, on_error=failed)

    def _show_preview(self, document: Document) -> None:
        from livenon_desk.views.print_preview_dialog import PrintPreviewDialog

        self.message.emit("")
        printer = configured_printer(self._desk.settings)
        send = None if printer is None else partial(
            self._desk.documents.send_document_to_label_printer, self._actor, document,
            printer)
        dialog = PrintPreviewDialog(document, self._runner, self._window,
                                    label_printer=str(printer.address) if printer else "",
                                    send_labels=send)
        self.preview = dialog
        dialog.finished.connect(lambda _r: setattr(self, "preview", None))
        dialog.open()

    def _failed(self, error: BaseException) -> None:
        self.message.emit(user_message(error, self._language))
