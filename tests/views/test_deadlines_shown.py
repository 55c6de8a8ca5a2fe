"""The P2 and P6 deadlines on screen: the detail pane and the work queue's overdue lists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from livenon_desk.domain.enums import Decision, ReturnStatus
from livenon_desk.models import Inspection, ReturnLine, ReturnRequest
from livenon_desk.services.desk import Desk
from livenon_desk.services.work_queue_dto import Queue
from livenon_desk.store.database import Store
from livenon_desk.store.rows import ReturnFilter, SortKey
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.queue_panel import QueuePanel
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import ALL_YES, NOW, Built, add_return
from tests.views.conftest import INSPECTOR
from tests.views.keyboard import WAIT
from tests.views.workbench import open_record


def _at(local_day: int, hour: int = 12) -> datetime:
    """A November 2026 day and hour in Los Angeles (PST, UTC-8), as UTC."""
    return datetime(2026, 11, local_day, 8, 0, tzinfo=UTC) + timedelta(hours=hour)


def _late_instructions(store: Store) -> Built:
    # Applied on Friday the 20th: instructions due by Tuesday the 24th; today is the 25th.
    built = add_return(store, status=ReturnStatus.APPLIED, applied_at=_at(20, 10))
    with store.session() as s:
        s.execute(update(ReturnRequest).where(ReturnRequest.id == built.return_id)
                  .values(instructions_sent_at=None))
    return built


def _late_refund(store: Store) -> Built:
    # Passed on the 17th: refunded by the 24th at the latest; today is the 25th.
    built = add_return(store, status=ReturnStatus.INSPECTED, received_at=_at(16),
                       applied_at=_at(10), delivered_at=_at(5), checklist=ALL_YES)
    with store.session() as s:
        line = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
        s.execute(update(Inspection).where(Inspection.return_line_id == line)
                  .values(finished_at=_at(17, 9), decision=Decision.ELIGIBLE))
    return built


def test_the_detail_pane_shows_p2_and_p6_due_dates(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, language: str
) -> None:
    late_instructions = _late_instructions(store)
    late_refund = _late_refund(store)
    window = MainWindow(desk, runner, actor=INSPECTOR, database_label="desk.sqlite3",
                        language=language, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    zh = language == "zh"
    open_record(qtbot, window, late_instructions.rma_number)
    text = window.detail.toPlainText()
    assert ("退货说明发出期限（P2）" if zh else "Instructions by (P2)") in text
    assert ("逾期" if zh else "Overdue") in text
    open_record(qtbot, window, late_refund.rma_number)
    qtbot.waitUntil(lambda: late_refund.rma_number in window.detail.toPlainText(), timeout=WAIT)
    text = window.detail.toPlainText()
    assert ("退款期限（P6）" if zh else "Refund due (P6)") in text
    assert ("逾期" if zh else "Overdue") in text.split("P6")[-1]
    runner.wait_for_done()


def test_the_work_queue_lists_instructions_and_refunds_overdue(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    late_instructions = _late_instructions(store)
    late_refund = _late_refund(store)
    add_return(store, status=ReturnStatus.IN_TRANSIT)
    window = MainWindow(desk, runner, actor=INSPECTOR, database_label="desk.sqlite3",
                        clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.queues.queue("refund_overdue") is not None, timeout=WAIT)
    texts = [window.queues.list.item(i).text() for i in range(window.queues.list.count())]
    assert "Instructions overdue  (1)" in texts and "Refund overdue  (1)" in texts
    for key, built in (("instructions_overdue", late_instructions),
                       ("refund_overdue", late_refund)):
        window.queues.select(key)
        qtbot.waitUntil(partial(_shows_only, window, built.rma_number), timeout=WAIT)
        item = next(window.queues.list.item(i) for i in range(window.queues.list.count())
                    if window.queues.list.item(i).data(Qt.ItemDataRole.UserRole) == key)
        assert item.foreground().color().name() == "#b3261e"
    runner.wait_for_done()


def _shows_only(window: MainWindow, rma: str) -> bool:
    row = window.model.row_at(0) if window.model.rowCount() == 1 else None
    return row is not None and row.rma_number == rma


def test_the_late_lists_explain_themselves_with_the_policys_days(qtbot: QtBot) -> None:
    panel = QueuePanel()
    qtbot.addWidget(panel)
    panel.set_queues([
        Queue("overdue", ReturnFilter(), SortKey.RECEIVED_AT, False, 1, deadline_days=4),
        Queue("instructions_overdue", ReturnFilter(), SortKey.APPLIED_AT, False, 0,
              deadline_days=3),
        Queue("refund_overdue", ReturnFilter(), SortKey.RECEIVED_AT, False, 0,
              deadline_days=10),
    ])
    tips = {panel.list.item(i).data(Qt.ItemDataRole.UserRole): panel.list.item(i).toolTip()
            for i in range(panel.list.count())}
    assert tips["overdue"] == "Past the P5 deadline (4 business days after receipt)"
    assert "within 3 business days" in tips["instructions_overdue"]
    assert "more than 10 days ago" in tips["refund_overdue"]
