"""The inspector's day, end to end on real widgets, a real database and real photo files."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from pytestqt.qtbot import QtBot

from livenon_desk.domain.eligibility import LineFacts, evaluate_line
from livenon_desk.domain.enums import (
    Answer,
    Decision,
    LabelType,
    ReasonCategory,
    ReasonCode,
    ReturnStatus,
)
from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.refund import recommend_refund
from livenon_desk.domain.roles import Actor
from livenon_desk.models import Inspection, Photo, ReturnRequest, UnexpectedParcel
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.views.carton_dialog import CartonDialog
from livenon_desk.views.formatting import format_money
from livenon_desk.views.inspection_dialog import InspectionDialog
from livenon_desk.views.labels import decision_texts
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.reason_dialog import ReasonDialog
from livenon_desk.views.receive_dialog import ReceiveDialog
from livenon_desk.views.task_runner import TaskRunner
from livenon_desk.views.unexpected_parcel_dialog import UnexpectedParcelDialog
from tests.builders import NOW, Built, LineSpec, add_return
from tests.images import write_png
from tests.views.conftest import INSPECTOR, SUPERVISOR
from tests.views.keyboard import WAIT
from tests.views.workbench import (
    confirm_grade,
    drop_files,
    inspection_dialog,
    open_record,
    scan,
    wait_dialog,
)


def _now() -> datetime:
    return NOW


def _window(qtbot: QtBot, desk: Desk, runner: TaskRunner, actor: Actor,
            language: str = "en") -> MainWindow:
    window = MainWindow(desk, runner, actor=actor, database_label="desk.sqlite3",
                        language=language, clock=_now)
    qtbot.addWidget(window)
    window.show()
    return window


def _status(store: Store, return_id: int) -> ReturnStatus:
    with store.read_session() as s:
        return s.get_one(ReturnRequest, return_id).status


def test_scan_receive_inspect_with_a_photo_and_finish(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, tmp_path: Path, language: str
) -> None:
    # A personal reason: damage fails E4 and X3 (a quality return's reported damage would not).
    built = add_return(store, lines=[LineSpec(cartons=2)], reason=ReasonCode.CHANGED_MIND)
    window = _window(qtbot, desk, runner, INSPECTOR, language)

    open_record(qtbot, window, built.rma_number)
    assert window.return_actions.receive.isEnabled()
    assert not window.return_actions.inspect.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    receive = wait_dialog(qtbot, window, ReceiveDialog)
    assert isinstance(receive, ReceiveDialog)
    assert receive.tracking.text() == built.tracking_number
    for _ in range(2):
        qtbot.keyClicks(receive.carton_scan, built.tag_codes[0])
        qtbot.keyClick(receive.carton_scan, Qt.Key.Key_Return)
    assert receive.isVisible()  # the scanner's Enter did not submit the form
    assert [spin.value() for spin in receive.carton_spins.values()] == [2]
    receive.invoice.setChecked(True)
    receive.return_form.setChecked(True)
    [submit] = [sc for sc in receive.findChildren(QShortcut)
                if sc.key() == QKeySequence("Ctrl+Return")]
    submit.activated.emit()  # the offscreen platform never makes a dialog the active window
    qtbot.waitUntil(lambda: window.return_actions.dialog is None or receive.error.text() != "",
                    timeout=WAIT)
    assert receive.error.text() == ""
    runner.wait_for_done()
    assert _status(store, built.return_id) is ReturnStatus.RECEIVED, window.message.text()
    qtbot.waitUntil(lambda: window.detail.detail is not None
                    and window.detail.detail.status is ReturnStatus.RECEIVED, timeout=WAIT)

    qtbot.waitUntil(window.return_actions.inspect.isEnabled, timeout=WAIT)
    window.return_actions.inspect.trigger()
    dialog = inspection_dialog(qtbot, window)
    answers = {"undamaged": Qt.Key.Key_N, "unused": Qt.Key.Key_Y}
    for row in dialog.rows:
        row.setFocus()
        qtbot.keyClick(row, answers.get(row.question.item_id, Qt.Key.Key_Y))
    assert all(row.answer() is not Answer.UNANSWERED for row in dialog.rows)
    preview = dialog.preview()
    assert preview.evaluation.decision is Decision.NOT_ELIGIBLE
    assert any("E4" in p.text() for p in preview.problems)  # a failed E4 needs a photo

    photo = write_png(tmp_path / "scratch.png", 1600, 1200)
    drop_files(dialog.photos.viewport(), [photo])
    qtbot.waitUntil(lambda: dialog.photos.count() == 1 or dialog.error.text() != "", timeout=WAIT)
    assert dialog.error.text() == ""
    qtbot.waitUntil(lambda: not dialog.photos.item(0).icon().isNull(), timeout=WAIT)
    confirm_grade(dialog)
    dialog.notes.setPlainText("Deep scratch on the left arm")
    assert dialog.preview().problems == ()

    # What the screen says is what the policy engine decides.
    facts = LineFacts(customized=False, customization=None, clearance=False,
                      delivered_at=dialog.sheet.facts.delivered_at,
                      applied_at=dialog.sheet.facts.applied_at,
                      answers=dialog.draft().answers, photo_count=1)
    engine = evaluate_line(default_policies().latest, facts)
    shown = dialog.decision_view.toPlainText()
    decision_word = decision_texts()[Decision.NOT_ELIGIBLE]
    assert shown.startswith(decision_word)
    for rule in engine.rules:
        assert (rule.reason_zh if language == "zh" else rule.reason_en) in shown

    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    qtbot.waitUntil(lambda: _status(store, built.return_id) is ReturnStatus.INSPECTED,
                    timeout=WAIT)
    with store.read_session() as s:
        inspection = s.query(Inspection).one()
        assert inspection.decision is engine.decision
        assert [r["rule_id"] for r in inspection.rule_results] == [r.rule_id for r in engine.rules]
        assert inspection.notes == "Deep scratch on the left arm"
        assert s.query(Photo).filter_by(inspection_id=inspection.id).count() == 1
    qtbot.waitUntil(lambda: window.detail.detail is not None
                    and window.detail.detail.status is ReturnStatus.INSPECTED, timeout=WAIT)
    assert decision_word in window.detail.toPlainText()


def test_a_supervisor_approves_an_exception_and_the_refund_appears(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, language: str
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       reason=ReasonCode.CHANGED_MIND)
    inspector = _window(qtbot, desk, runner, INSPECTOR, language)
    open_record(qtbot, inspector, built.rma_number)
    inspector.return_actions.inspect.trigger()
    dialog = inspection_dialog(qtbot, inspector)
    for row in dialog.rows:
        row.set_answer(Answer.NO if row.question.item_id == "return_form" else Answer.YES)
    confirm_grade(dialog)
    dialog.finish()
    qtbot.waitUntil(lambda: _status(store, built.return_id) is ReturnStatus.INSPECTED,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: inspector.detail.detail is not None
                    and inspector.detail.detail.lines[0].decision is Decision.NEEDS_REVIEW,
                    timeout=WAIT)
    assert not inspector.return_actions.override.isEnabled()
    inspector.close()

    supervisor = _window(qtbot, desk, runner, SUPERVISOR, language)
    open_record(qtbot, supervisor, built.rma_number)
    qtbot.waitUntil(supervisor.return_actions.override.isEnabled, timeout=WAIT)
    qtbot.keyClick(supervisor, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    reason = wait_dialog(qtbot, supervisor, ReasonDialog)
    assert isinstance(reason, ReasonDialog)
    qtbot.keyClicks(reason.reason, "ok")
    assert not reason.ok.isEnabled()
    qtbot.keyClicks(reason.reason, " - form came by email on 11/20")
    assert reason.ok.isEnabled()
    reason.ok.click()
    qtbot.waitUntil(lambda: supervisor.return_actions.dialog is None, timeout=WAIT)
    qtbot.waitUntil(lambda: supervisor.detail.detail is not None
                    and supervisor.detail.detail.lines[0].override_by == "jrivera", timeout=WAIT)
    text = supervisor.detail.toPlainText()
    assert "form came by email" in text
    assert supervisor.message.text() == QCoreApplication.translate(
        "ReturnActions", "{tag} is approved as an exception.").format(tag=built.tag_codes[0])
    assert QCoreApplication.translate("DetailPane", "Refund recommendation (P6)") in text
    # The refund on screen is the policy engine's: T2, the pre-paid label estimated at 10 %.
    engine = recommend_refund(
        default_policies().latest, unit_price=Decimal("1299.00"), quantity=1, currency="USD",
        reason_category=ReasonCategory.PERSONAL, label_type=LabelType.PREPAID, label_cost=None,
        cross_border=False)
    assert engine.amount == Decimal("1169.10")
    assert format_money(engine.amount, "USD") in text
    with store.read_session() as s:
        record = s.query(Inspection).one()
        assert (record.decision, record.override_decision) == (Decision.NEEDS_REVIEW,
                                                               Decision.ELIGIBLE)


def test_a_draft_survives_closing_the_window(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    window, dialog = _inspect(qtbot, desk, runner, built.rma_number)
    qtbot.keyClick(dialog.rows[0], Qt.Key.Key_Y)
    qtbot.keyClick(dialog.rows[1], Qt.Key.Key_N)
    dialog.notes.setPlainText("Legs missing from carton 2")
    window.close()  # closes the inspection too, with no explicit save
    runner.wait_for_done()
    qtbot.waitUntil(lambda: _draft_notes(store) == "Legs missing from carton 2", timeout=WAIT)

    _, resumed = _inspect(qtbot, desk, runner, built.rma_number)
    assert resumed.notes.toPlainText() == "Legs missing from carton 2"
    assert [row.answer() for row in resumed.rows[:2]] == [Answer.YES, Answer.NO]


def test_drafts_save_by_themselves_while_typing(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    _, dialog = _inspect(qtbot, desk, runner, built.rma_number)
    qtbot.keyClicks(dialog.notes, "wobbly leg")
    # Nothing closed, nothing clicked: if the program died now, the draft is on disk.
    qtbot.waitUntil(lambda: _draft_notes(store) == "wobbly leg", timeout=3000)
    assert dialog.save_state.text()


def _inspect(qtbot: QtBot, desk: Desk, runner: TaskRunner,
             rma: str) -> tuple[MainWindow, InspectionDialog]:
    window = _window(qtbot, desk, runner, INSPECTOR)
    open_record(qtbot, window, rma)
    window.return_actions.inspect.trigger()
    return window, inspection_dialog(qtbot, window)


def _draft_notes(store: Store) -> str | None:
    with store.read_session() as s:
        row = s.query(Inspection).one_or_none()
        return None if row is None else row.notes


def test_a_code_that_matches_nothing_offers_an_unexpected_parcel(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, language: str
) -> None:
    add_return(store)
    window = _window(qtbot, desk, runner, INSPECTOR, language)
    scan(qtbot, window, "1Z999NOTHING")
    qtbot.waitUntil(window.unexpected_button.isVisible, timeout=WAIT)
    assert "1Z999NOTHING" in window.message.text()
    assert window.search.hasFocus()
    window.unexpected_button.click()
    dialog = wait_dialog(qtbot, window, UnexpectedParcelDialog)
    assert isinstance(dialog, UnexpectedParcelDialog)
    assert dialog.tracking.text() == "1Z999NOTHING"
    qtbot.keyClicks(dialog.sender_name, "J. Doe")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.return_actions.dialog is None, timeout=WAIT)
    with store.read_session() as s:
        parcel = s.query(UnexpectedParcel).one()
        assert (parcel.scanned_code, parcel.sender) == ("1Z999NOTHING", "J. Doe")


def test_missing_cartons_are_counted_in_by_scanning(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, lines=[LineSpec(cartons=3)])
    window = _window(qtbot, desk, runner, INSPECTOR)
    open_record(qtbot, window, built.rma_number)
    window.return_actions.receive.trigger()
    receive = wait_dialog(qtbot, window, ReceiveDialog)
    assert isinstance(receive, ReceiveDialog)
    qtbot.keyClicks(receive.carton_scan, built.tag_codes[0])
    qtbot.keyClick(receive.carton_scan, Qt.Key.Key_Return)
    receive.buttons.accepted.emit()
    qtbot.waitUntil(lambda: _status(store, built.return_id) is ReturnStatus.PARTIALLY_RECEIVED,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: "1/3" in window.detail.toPlainText(), timeout=WAIT)
    assert not window.return_actions.inspect.isEnabled()
    qtbot.waitUntil(window.return_actions.count_cartons.isEnabled, timeout=WAIT)
    window.return_actions.count_cartons.trigger()
    cartons = wait_dialog(qtbot, window, CartonDialog)
    assert isinstance(cartons, CartonDialog)
    for _ in range(2):
        qtbot.keyClicks(cartons.scan, built.tag_codes[0])
        qtbot.keyClick(cartons.scan, Qt.Key.Key_Return)
        runner.wait_for_done()
    qtbot.waitUntil(lambda: "3" in cartons.feedback.text(), timeout=WAIT)
    assert _status(store, built.return_id) is ReturnStatus.RECEIVED


def test_a_restricted_record_opens_read_only_with_its_reason(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, restricted=True, restricted_reason="Customer objected (IV.3)")
    window = _window(qtbot, desk, runner, SUPERVISOR)
    open_record(qtbot, window, built.rma_number)
    assert "Customer objected (IV.3)" in window.detail.toPlainText()
    actions = window.return_actions
    assert not any(a.isEnabled() for a in (actions.receive, actions.count_cartons,
                                          actions.override, actions.close_short))
    assert "Customer objected (IV.3)" in actions.receive.toolTip()


def test_the_work_queue_lists_what_waits_and_marks_the_overdue(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    from datetime import timedelta

    late: Built = add_return(store, status=ReturnStatus.RECEIVED,
                             received_at=NOW - timedelta(days=12))
    add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    add_return(store, status=ReturnStatus.IN_TRANSIT)
    window = _window(qtbot, desk, runner, INSPECTOR)
    qtbot.waitUntil(lambda: window.queues.queue("overdue") is not None, timeout=WAIT)
    texts = [window.queues.list.item(i).text() for i in range(window.queues.list.count())]
    assert any(t.endswith("(2)") and "inspection" in t for t in texts)
    window.queues.select("overdue")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and window.model.row_at(0) is not None,
                    timeout=WAIT)
    row = window.model.row_at(0)
    assert row is not None and row.rma_number == late.rma_number
    assert window.model.data(window.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None
    window.queues.select("awaiting_receipt")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)
    window.queues.select("all")
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=WAIT)
    qtbot.waitUntil(lambda: window.week_chart is not None, timeout=WAIT)
    assert window.week_chart is not None and window.week_chart.stats is not None
    assert len(window.week_chart.stats.days) == 7
