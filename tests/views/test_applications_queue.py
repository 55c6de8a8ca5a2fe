"""The email applications' queue in the desk (P1, P2), driven from the keyboard: Alt+8 opens
the list, arrows move, Enter opens an application beside its original text."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QTableView
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import MailState, ReasonCode
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.views.application_dialog import ApplicationDialog
from livenon_desk.views.applications_table_model import Column
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.queue_panel import APPLICATIONS
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, LineSpec, add_return
from tests.conftest import INSPECTOR, SUPERVISOR
from tests.services.test_application_check import application
from tests.views.keyboard import WAIT, focused, press, scan
from tests.views.workbench import open_application


def _window(qtbot: QtBot, desk: Desk, runner: TaskRunner, language: str) -> MainWindow:
    window = MainWindow(desk, runner, actor=INSPECTOR, database_label="desk.sqlite3",
                        language=language, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    return window


def _dialog(qtbot: QtBot, window: MainWindow) -> ApplicationDialog:
    qtbot.waitUntil(lambda: window.applications.dialog is not None
                    and window.applications.dialog.detail is not None, timeout=WAIT)
    dialog = window.applications.dialog
    assert dialog is not None
    return dialog


def test_alt_8_lists_the_applications_and_enter_opens_one(
        qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, language: str) -> None:
    built = add_return(store)
    desk.mail.take(INSPECTOR, application(built.order_number, key="first@x",
                                          product="Harlow sofa"), "test")
    desk.mail.take(INSPECTOR, application("LVN20991231", key="second@x",
                                          sent=NOW - timedelta(days=1)), "test")
    zh = language == "zh"
    window = _window(qtbot, desk, runner, language)
    press(qtbot, "Alt+8")
    qtbot.waitUntil(lambda: window.applications.model.rowCount() == 2, timeout=WAIT)
    table = focused(qtbot)
    assert isinstance(table, QTableView) and table is window.applications.table
    assert window.queues.current_key() == APPLICATIONS
    # The unknown order was checked on the way in: it needs a person.
    item = window.queues.list.currentItem().text()
    assert ("1 个新申请 · 1 个需人工处理" if zh else "1 new · 1 need a person") in item
    tip = window.queues.list.currentItem().toolTip()
    assert ("收到后 2 个工作日内" if zh else "within 2 business days of receipt") in tip
    press(qtbot, "Down")
    press(qtbot, "Up")
    press(qtbot, "Return")
    dialog = _dialog(qtbot, window)
    assert dialog.detail is not None and dialog.detail.mail.key == "<first@x>"
    fields = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert fields["field_order"] == built.order_number
    assert fields["field_product"] == "Harlow sofa"
    findings = dialog.findings.text()
    assert ("已找到" if zh else "found") in findings
    assert ("质量问题（T1）" if zh else "quality (T1)") in findings
    for rule in ("E1", "E2", "X1", "X2"):
        assert rule in findings
    assert "Order Number: " + built.order_number in dialog.original.toPlainText()
    press(qtbot, "Esc")
    qtbot.waitUntil(lambda: window.applications.dialog is None, timeout=WAIT)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.applications.table,
                    timeout=WAIT)
    press(qtbot, "Down")
    press(qtbot, "Return")
    dialog = _dialog(qtbot, window)
    assert dialog.detail is not None and dialog.detail.mail.key == "<second@x>"
    needs = dialog.findings.text()
    assert ("需人工处理" if zh else "Needs a person") in needs
    assert "LVN20991231" in needs


class _Recorder(BaseHTTPRequestHandler):
    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.asked.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def web() -> Iterator[str]:
    """A web server on 127.0.0.1 that records every request it is sent."""
    _Recorder.asked = []
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _Opener(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def test_an_html_email_is_shown_as_text_its_image_never_fetched_its_link_never_opened(
        qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, web: str) -> None:
    built = add_return(store)
    html = (f"<html><body><p>Order Number: {built.order_number}<br>"
            f"Product Name: Harlow sofa<br>Return Reason: cracked<br>"
            f"Contact Info: emily.carter@example.com</p>"
            f"<img src=\"{web}/pixel.gif\"><p><a href=\"{web}/click\">{web}/click</a></p>"
            f"<script>fetch('{web}/script')</script></body></html>")
    raw = (f"From: emily.carter@example.com\r\nSubject: [Return Application + "
           f"{built.order_number}]\r\nMessage-ID: <html@x>\r\n"
           "Content-Type: text/html; charset=utf-8\r\n\r\n" + html).encode()
    desk.mail.take(INSPECTOR, raw, "test")
    opener = _Opener()
    for scheme in ("http", "https"):
        # The stubs ask for bytes; the binding takes the slot's name as a str.
        QDesktopServices.setUrlHandler(scheme, opener, "open")  # type: ignore[arg-type]
    try:
        window = _window(qtbot, desk, runner, "en")
        press(qtbot, "Alt+8")
        qtbot.waitUntil(lambda: window.applications.model.rowCount() == 1, timeout=WAIT)
        press(qtbot, "Return")
        dialog = _dialog(qtbot, window)
        original = dialog.findChild(QPlainTextEdit, "originalText")
        assert original is not None
        shown = original.toPlainText()
        assert "Harlow sofa" in shown and "<img" not in shown and "<script" not in shown
        # Click, and Ctrl+click, where the link's words are.
        found = original.document().find("click")
        rect = original.cursorRect(found) if not found.isNull() else original.rect()
        spot = QPoint(rect.center().x(), rect.center().y())
        for modifier in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
            qtbot.mouseClick(original.viewport(), Qt.MouseButton.LeftButton, modifier, spot)
        runner.wait_for_done()
        qtbot.wait(200)  # anything the text asked for has had its time to arrive
        assert _Recorder.asked == []
        assert opener.opened == []
    finally:
        for scheme in ("http", "https"):
            QDesktopServices.unsetUrlHandler(scheme)


def test_a_scan_answers_in_the_returns_list_and_alt_8_goes_back_to_the_applications(
        qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner) -> None:
    built = add_return(store)
    desk.mail.take(INSPECTOR, application(built.order_number, key="a@x"), "test")
    window = _window(qtbot, desk, runner, "en")
    press(qtbot, "Alt+8")
    qtbot.waitUntil(lambda: window.applications.model.rowCount() == 1, timeout=WAIT)
    assert window.centre.currentWidget() is window.applications
    assert not window.detail.isVisible()  # a return's record has nothing to say here
    press(qtbot, "Ctrl+F")
    scan(qtbot, built.rma_number)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=WAIT)
    assert window.centre.currentIndex() == 0 and window.detail.isVisible()
    press(qtbot, "Alt+8")
    assert window.centre.currentWidget() is window.applications
    assert focused(qtbot) is window.applications.table


def test_a_supervisor_settles_the_reason_code_and_the_line_from_the_keyboard(
        qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, language: str) -> None:
    built = add_return(store, lines=[
        LineSpec(sku="LVN-TBL-1", name_en="Bergen Oak Dining Table", name_zh=None),
        LineSpec(sku="LVN-CHR-2", name_en="Bergen Oak Dining Chair", name_zh=None)])
    desk.mail.take(INSPECTOR, application(built.order_number, product="Bergen Oak",
                                          reason="see photos"), "test")
    window = MainWindow(desk, runner, actor=SUPERVISOR, database_label="desk.sqlite3",
                        language=language, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    dialog = open_application(qtbot, window)
    assert dialog.detail is not None and dialog.detail.check is not None
    assert dialog.detail.mail.state is MailState.NEEDS_PERSON
    press(qtbot, "Alt+R")
    assert focused(qtbot) is dialog.reason_box
    press(qtbot, "Down")  # from "not known" to the first code: defective (T1)
    press(qtbot, "Alt+L")
    assert focused(qtbot) is dialog.lines_list
    press(qtbot, "Down")
    press(qtbot, "Down")
    press(qtbot, "Return")
    qtbot.waitUntil(lambda: dialog.detail is not None and dialog.detail.check is not None
                    and dialog.detail.check.line_chosen == 2, timeout=WAIT)
    settled = dialog.detail
    assert settled.check is not None and settled.check.problems == ()
    assert settled.check.reason_chosen is ReasonCode.DEFECTIVE
    assert settled.mail.state.value == "new"
    zh = language == "zh"
    assert ("原因代码（人工选择）" if zh else "chosen by a person") in dialog.findings.text()
    assert ("已保存" if zh else "Saved.") in dialog.message.text()


def test_an_inspector_reads_the_guesses_but_cannot_settle_them(
        qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner) -> None:
    built = add_return(store)
    desk.mail.take(INSPECTOR, application(built.order_number), "test")
    window = _window(qtbot, desk, runner, "en")
    press(qtbot, "Alt+8")
    qtbot.waitUntil(lambda: window.applications.model.rowCount() == 1, timeout=WAIT)
    press(qtbot, "Return")
    dialog = _dialog(qtbot, window)
    assert not dialog.reason_box.isEnabled() and not dialog.lines_list.isEnabled()
    assert not dialog.save_button.isEnabled()
    assert "supervisor" in dialog.settle_note.text()


def test_the_photos_of_an_email_show_as_thumbnails_by_their_own_names(
        qtbot: QtBot, desk: Desk, runner: TaskRunner) -> None:
    corpus = Path(__file__).parents[1] / "domain" / "mail_corpus"
    desk.mail.take(INSPECTOR, (corpus / "en_18_photo_jpeg.eml").read_bytes(), "test")
    window = _window(qtbot, desk, runner, "en")
    press(qtbot, "Alt+8")
    qtbot.waitUntil(lambda: window.applications.model.rowCount() == 1, timeout=WAIT)
    press(qtbot, "Return")
    dialog = _dialog(qtbot, window)
    assert dialog.photos.isVisible() and dialog.photos.count() == 1
    item = dialog.photos.item(0)
    assert item.text() == "armrest.jpg"
    qtbot.waitUntil(lambda: not item.icon().isNull(), timeout=WAIT)


def test_the_applications_list_turns_red_in_the_work_queue_when_one_is_overdue(
        qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner) -> None:
    built = add_return(store)
    # Taken a week before NOW: past its P2 deadline.
    earlier = Desk(store.path, clock=lambda: NOW - timedelta(days=7))
    earlier.mail.take(INSPECTOR, application(built.order_number), "test")
    earlier.close()
    window = _window(qtbot, desk, runner, "en")
    qtbot.waitUntil(lambda: window.queues.application_counts() is not None, timeout=WAIT)
    item = next(window.queues.list.item(i) for i in range(window.queues.list.count())
                if window.queues.list.item(i).data(Qt.ItemDataRole.UserRole) == APPLICATIONS)
    assert item.foreground().color().name() == "#b3261e"
    press(qtbot, "Alt+8")
    qtbot.waitUntil(lambda: window.applications.model.rowCount() == 1, timeout=WAIT)
    due = window.applications.model.index(0, Column.DUE)
    assert "(overdue)" in due.data()
    assert due.data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
