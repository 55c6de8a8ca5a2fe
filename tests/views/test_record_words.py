"""The audit trail and the sync view speak the reader's language, not the desk's keys."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import Answer, Decision, ReturnStatus
from livenon_desk.models import ReturnLine
from livenon_desk.services.central_service import CentralService
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.sync.credentials import TokenStore
from livenon_desk.views.audit_view import AuditView
from livenon_desk.views.labels import decision_texts
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.sync_controller import SyncController
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, Built, add_return, confirmed
from tests.images import write_png
from tests.views.conftest import INSPECTOR, SUPERVISOR
from tests.views.keyboard import WAIT, press, scan

INTERNALS = re.compile(
    r"not_eligible|needs_review|\beligible\b|\[|\]|\boffline\b|\bonline\b"
    r"|[0-9a-f]{8}-[0-9a-f]{4}-|[0-9a-f]{32}")


def _reviewed_and_approved(store: Store, desk: Desk, tmp_path: Path) -> Built:
    """An inspection that needs review (no return form, P3), approved by a supervisor."""
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    with store.read_session() as s:
        line = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
    sheet = desk.inspections.open_sheet(INSPECTOR, line)
    desk.inspections.attach_photo(INSPECTOR, sheet.inspection_id, write_png(tmp_path / "a.png"))
    answers = {q.item_id: Answer.NO if q.item_id == "return_form" else Answer.YES
               for q in sheet.questions}
    desk.inspections.finish(INSPECTOR, sheet.inspection_id,
                            confirmed(sheet, answers))
    desk.inspections.override(SUPERVISOR, sheet.inspection_id, "Form came by email")
    return built


def _cells(model: object) -> list[str]:
    from PySide6.QtCore import QAbstractItemModel

    assert isinstance(model, QAbstractItemModel)
    return [str(model.data(model.index(r, c, QModelIndex())) or "")
            for r in range(model.rowCount()) for c in range(model.columnCount())]


def _in(window: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and focused.window() is window


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_the_audit_trail_tells_an_exception_in_words(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, language: str, tmp_path: Path
) -> None:
    built = _reviewed_and_approved(store, desk, tmp_path)
    window = MainWindow(desk, runner, actor=SUPERVISOR, database_label="x", language=language)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: _in(window), timeout=WAIT)
    press(qtbot, "Ctrl+Shift+A")
    qtbot.waitUntil(lambda: bool(window.findChildren(AuditView)), timeout=WAIT)
    [view] = window.findChildren(AuditView)
    view.activateWindow()
    view.record.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.record, timeout=WAIT)
    scan(qtbot, built.rma_number)
    qtbot.waitUntil(lambda: len(view.model.rows) >= 3,
                    timeout=WAIT)  # started, inspected, overridden
    cells = _cells(view.model)
    text = " | ".join(cells)
    assert not INTERNALS.search(text), text
    decisions = decision_texts()
    inspection = QCoreApplication.translate("Labels", "Inspection")
    assert (f"{decisions[Decision.NEEDS_REVIEW]} \u2192 {decisions[Decision.ELIGIBLE]}"
            in text)
    assert f"{inspection} {built.rma_number} \u00b7 {built.tag_codes[0]}" in text
    assert re.search(r"\b[EXPT]\d\b", text)  # a rule id is what a supervisor needs
    view.close()


def test_the_sync_view_names_records_by_rma_not_by_uuid(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, language: str, tmp_path: Path
) -> None:
    built = _reviewed_and_approved(store, desk, tmp_path)
    central = CentralService(TokenStore(use_keyring=False, folder=tmp_path))
    sync = SyncController(desk, runner, central=central)
    window = MainWindow(desk, runner, actor=INSPECTOR, database_label="x", language=language,
                        sync=sync)
    qtbot.addWidget(window)
    window.sync_action.trigger()
    view = window.sync_view
    assert view is not None
    qtbot.waitUntil(lambda: view.waiting_model.rowCount() >= 2, timeout=WAIT)
    text = " | ".join(_cells(view.waiting_model))
    assert not INTERNALS.search(text), text
    assert f"{built.rma_number} \u00b7 {built.tag_codes[0]}" in text
    view.close()
