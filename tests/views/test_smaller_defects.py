"""Issue 12's smaller defects, each typed through whatever widget has the focus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QGroupBox, QLabel
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import Answer, ReturnStatus
from livenon_desk.models import ReturnLine
from livenon_desk.services.desk import Desk
from livenon_desk.services.document_kinds import DocumentKind
from livenon_desk.services.inspection_dto import DraftInput
from livenon_desk.services.user_settings import change_user_settings
from livenon_desk.store.database import Store
from livenon_desk.views.inspection_dialog import InspectionDialog
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.print_preview_dialog import PrintPreviewDialog
from livenon_desk.views.reason_dialog import ReasonDialog
from livenon_desk.views.receive_dialog import ReceiveDialog
from livenon_desk.views.settings_dialog import SettingsDialog
from livenon_desk.views.sign_in_dialog import Mode, SignInDialog
from livenon_desk.views.task_runner import TaskRunner
from livenon_desk.views.unexpected_parcel_dialog import UnexpectedParcelDialog
from livenon_desk.views.window_keeper import WindowKeeper
from tests.builders import NOW, LineSpec, add_return
from tests.documents.pdf_reading import page_sizes
from tests.views.conftest import INSPECTOR, SUPERVISOR
from tests.views.keyboard import WAIT, focused, press, scan, type_text


def _window(qtbot: QtBot, desk: Desk, runner: TaskRunner, actor: object = INSPECTOR
            ) -> MainWindow:
    window = MainWindow(desk, runner, actor=actor,  # type: ignore[arg-type]
                        database_label="x", clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is window,  # type: ignore[union-attr]
                    timeout=WAIT)
    return window


def test_a_reopened_draft_focuses_the_first_unanswered_item(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    with store.read_session() as s:
        line = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
    sheet = desk.inspections.open_sheet(INSPECTOR, line)
    first, second = sheet.questions[0].item_id, sheet.questions[1].item_id
    desk.inspections.save_draft(INSPECTOR, sheet.inspection_id,
                                DraftInput({first: Answer.NO}, "", None))
    dialog = InspectionDialog(desk.inspections.open_sheet(INSPECTOR, line), desk.inspections,
                              runner, INSPECTOR, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused(qtbot).window() is dialog, timeout=WAIT)
    press(qtbot, "Y")
    answers = {row.question.item_id: row.answer() for row in dialog.rows}
    assert answers[first] is Answer.NO  # the answer given before is kept
    assert answers[second] is Answer.YES
    dialog.close()


def test_a_restricted_return_disables_inspect_and_printing_and_the_keys_say_why(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW, restricted=True,
                       restricted_reason="Customer objected (IV.3)")
    window = _window(qtbot, desk, runner)
    scan(qtbot, built.rma_number)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=WAIT)
    assert not window.return_actions.inspect.isEnabled()
    assert "Customer objected (IV.3)" in window.return_actions.inspect.toolTip()
    label = window.print_actions.single[DocumentKind.LABEL]
    assert not label.isEnabled() and "Customer objected (IV.3)" in label.toolTip()
    for keys in ("Ctrl+P", "Ctrl+I"):
        window.message.clear()
        press(qtbot, keys)
        assert built.rma_number in window.message.text(), keys
        assert "Customer objected (IV.3)" in window.message.text(), keys
    assert window.return_actions.dialog is None and window.print_actions.preview is None


def test_an_empty_user_name_gets_its_own_message(
    qtbot: QtBot, desk: Desk, runner: TaskRunner
) -> None:
    dialog = SignInDialog(desk, runner, "en", Mode.SIGN_IN)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused(qtbot) is dialog.username, timeout=WAIT)
    press(qtbot, "Tab")
    type_text(qtbot, "some-password\n")
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    assert dialog.error.text() == "Type your user name."
    press(qtbot, "Shift+Tab")
    type_text(qtbot, "inspector")
    dialog.password.clear()
    press(qtbot, "Return")
    qtbot.waitUntil(lambda: dialog.error.text() == "Type your password.", timeout=WAIT)


def test_one_page_is_one_page_and_a_form_prints_on_the_company_s_paper(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, tmp_path: Path
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    window = _window(qtbot, desk, runner)
    scan(qtbot, built.rma_number)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=WAIT)
    qtbot.waitUntil(window.print_actions.single[DocumentKind.RETURN_FORM].isEnabled, timeout=WAIT)
    press(qtbot, "Ctrl+Shift+F")
    qtbot.waitUntil(lambda: isinstance(window.print_actions.preview, PrintPreviewDialog),
                    timeout=WAIT)
    preview = window.print_actions.preview
    assert isinstance(preview, PrintPreviewDialog)
    assert preview.pdf.pageCount() == 1
    assert preview.pages.text() == "1 page"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "form.pdf"
    printer.setOutputFileName(str(out))
    preview.prepare(printer)
    with qtbot.waitSignal(preview.printed, timeout=20_000) as done:
        preview.print_to(printer)
    assert done.args == [True]
    assert page_sizes(out.read_bytes()) == [(612.0, 792.0)]  # letter, as company.toml says
    preview.close()


_MNEMONIC = re.compile(r"&([^&\s])")


def _mnemonics(dialog: QDialog) -> list[str]:
    letters: list[str] = []
    for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        if widget.isHidden() or (isinstance(widget, QLabel) and widget.buddy() is None):
            continue
        letters.extend(m.group(1).lower() for m in _MNEMONIC.finditer(widget.text()))
    for box in dialog.findChildren(QGroupBox):
        letters.extend(m.group(1).lower() for m in _MNEMONIC.finditer(box.title()))
    return letters


def test_no_dialog_has_two_identical_accelerators(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, language: str
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=2)], cross_border=True)
    received = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    with store.read_session() as s:
        line = s.query(ReturnLine).filter_by(return_id=received.return_id).one().id
    dialogs: list[QDialog] = [
        ReceiveDialog(desk.returns.detail(built.return_id), runner, NOW, language == "zh"),
        UnexpectedParcelDialog("X", NOW),
        SettingsDialog(),
        SignInDialog(desk, runner, language, Mode.SIGN_IN),
        ReasonDialog("t", "p", "&Approve", 10),
        InspectionDialog(desk.inspections.open_sheet(SUPERVISOR, line), desk.inspections,
                         runner, SUPERVISOR, language),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        letters = _mnemonics(dialog)
        twice = sorted({c for c in letters if letters.count(c) > 1})
        assert not twice, f"{dialog.objectName()}: {twice} in {letters}"
        dialog.close()


@pytest.mark.usefixtures("qapp")
def test_choosing_chinese_in_settings_retranslates_the_open_window_at_once(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    keeper = WindowKeeper(desk, runner, language="en", translators=[],
                          database_label="x", clock=lambda: NOW)
    window = keeper.open(INSPECTOR)  # the keeper closes and deletes the windows it replaces
    window.activateWindow()
    qtbot.waitUntil(lambda: focused(qtbot).window() is window, timeout=WAIT)
    try:
        scan(qtbot, built.rma_number)
        qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=WAIT)
        press(qtbot, "Ctrl+,")
        [settings] = window.findChildren(SettingsDialog)
        settings.activateWindow()
        qtbot.waitUntil(lambda: focused(qtbot).window() is settings, timeout=WAIT)
        assert focused(qtbot) is settings.language
        press(qtbot, "End")  # 简体中文, the last choice
        press(qtbot, "Return")
        qtbot.waitUntil(lambda: keeper.window is not window, timeout=WAIT)
        reopened = keeper.window
        assert reopened is not None
        assert reopened.menuBar().actions()[0].text() == "文件(&F)"
        assert "扫描" in reopened.search.placeholderText()
        qtbot.waitUntil(lambda: reopened.detail.detail is not None, timeout=WAIT)
        assert reopened.detail.detail is not None
        assert reopened.detail.detail.rma_number == built.rma_number
        assert reopened.actor == INSPECTOR
    finally:
        change_user_settings(language=None)
        keeper.switch_language("en")
        assert keeper.window is not None
        keeper.window.close()
        keeper.window.deleteLater()
