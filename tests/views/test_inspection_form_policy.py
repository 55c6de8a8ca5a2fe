"""The inspection form keeps to the policy: N/A refused where the policy allows none, the
receipt's "no invoice" shown beside its item, the T1 question for a quality return, and the
final decision above the rules' own after a supervisor's exception (issue 11)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import Answer, LabelType, ReasonCode, ReturnStatus
from livenon_desk.models import ReturnLine, ReturnRequest
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.views.checklist_row import ChecklistRow
from livenon_desk.views.detail_html import detail_html
from livenon_desk.views.inspection_dialog import InspectionDialog
from livenon_desk.views.labels import decision_texts
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import ALL_YES, NOW, LineSpec, add_return, confirmed
from tests.views.conftest import INSPECTOR, SUPERVISOR
from tests.views.keyboard import WAIT, focused, press


def _dialog(qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner,
            reason: ReasonCode = ReasonCode.CHANGED_MIND,
            invoice_enclosed: bool | None = None) -> InspectionDialog:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW, reason=reason)
    with store.session() as s:
        s.get_one(ReturnRequest, built.return_id).invoice_enclosed = invoice_enclosed
        line_id = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
    sheet = desk.inspections.open_sheet(INSPECTOR, line_id)
    dialog = InspectionDialog(sheet, desk.inspections, runner, INSPECTOR, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _row(dialog: InspectionDialog, item_id: str) -> ChecklistRow:
    return next(r for r in dialog.rows if r.question.item_id == item_id)


def test_the_na_key_is_refused_with_its_reason_where_the_policy_allows_none(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    dialog = _dialog(qtbot, store, desk, runner)
    unused = _row(dialog, "unused")
    unused.setFocus()
    qtbot.keyClick(unused, Qt.Key.Key_A)
    assert unused.answer() is Answer.UNANSWERED
    assert not unused.notice.isHidden()
    assert "N/A is not an answer here" in unused.notice.text()
    assert not unused.buttons[Answer.NOT_APPLICABLE].isEnabled()
    qtbot.keyClick(unused, Qt.Key.Key_Y)
    assert unused.answer() is Answer.YES

    accessories = _row(dialog, "accessories")
    accessories.setFocus()
    qtbot.keyClick(accessories, Qt.Key.Key_A)
    assert accessories.answer() is Answer.NOT_APPLICABLE
    assert accessories.notice.isHidden()


def test_the_receipts_missing_invoice_is_answered_and_flagged(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    dialog = _dialog(qtbot, store, desk, runner, invoice_enclosed=False)
    invoice = _row(dialog, "invoice")
    assert invoice.answer() is Answer.NO
    assert not invoice.notice.isHidden()
    assert invoice.notice.text() == "The receipt found no invoice in the parcel."
    assert _row(dialog, "return_form").notice.isHidden()


def test_a_quality_return_asks_whether_the_damage_matches(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    quality = _dialog(qtbot, store, desk, runner, reason=ReasonCode.DAMAGED_IN_TRANSIT)
    assert "damage_matches_report" in [r.question.item_id for r in quality.rows]
    personal = _dialog(qtbot, store, desk, runner)
    assert "damage_matches_report" not in [r.question.item_id for r in personal.rows]


def test_after_an_exception_the_final_decision_comes_first(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       reason=ReasonCode.CHANGED_MIND)
    with store.read_session() as s:
        line_id = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
    sheet = desk.inspections.open_sheet(INSPECTOR, line_id)
    answers = {k: Answer(v) for k, v in ALL_YES.items()} | {"return_form": Answer.NO}
    desk.inspections.finish(INSPECTOR, sheet.inspection_id,
                            confirmed(sheet, answers))
    desk.inspections.override(SUPERVISOR, sheet.inspection_id, "the form came by email")
    done = desk.inspections.open_sheet(SUPERVISOR, line_id)
    dialog = InspectionDialog(done, desk.inspections, runner, SUPERVISOR, "en")
    qtbot.addWidget(dialog)
    dialog.refresh_preview()
    shown = dialog.decision_view.toPlainText()
    words = decision_texts()
    assert shown.startswith(words[done.override.decision])  # type: ignore[union-attr]
    rules_line = "The rules decided: " + words[done.decision]  # type: ignore[index]
    assert rules_line in shown
    assert shown.index("Approved as an exception") < shown.index(rules_line)


def test_the_detail_pane_shows_one_deduction_shared_by_the_lines(
    qtbot: QtBot, store: Store, desk: Desk
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       reason=ReasonCode.CHANGED_MIND, label_type=LabelType.PREPAID,
                       label_cost_cents=15_000,
                       lines=[LineSpec(unit_price_cents=60_000),
                              LineSpec(sku="LVN-CHR-0002", unit_price_cents=40_000)])
    with store.read_session() as s:
        line_ids = [ln.id for ln in s.query(ReturnLine).filter_by(return_id=built.return_id)
                    .order_by(ReturnLine.id)]
    yes = {k: Answer(v) for k, v in ALL_YES.items()}
    for line_id in line_ids:
        sheet = desk.inspections.open_sheet(INSPECTOR, line_id)
        desk.inspections.finish(INSPECTOR, sheet.inspection_id,
                                confirmed(sheet, yes))
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.setHtml(detail_html(desk.returns.detail(built.return_id), False, QLocale("en_US")))
    text = " ".join(view.toPlainText().split())
    assert "USD 90.00 return shipping label (P7) (this line's share by price of USD 150.00 " \
           "for the return) = USD 510.00" in text
    assert "USD 60.00 return shipping label (P7) (this line's share by price of USD 150.00" \
           in text
    assert "Refund of the return (P6): USD 1,000.00 paid − USD 150.00 return shipping label " \
           "(P7) = USD 850.00" in text


def test_yes_typed_down_the_list_keeps_the_receipts_no_and_ends_on_the_grade(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner
) -> None:
    dialog = _dialog(qtbot, store, desk, runner, invoice_enclosed=False)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: isinstance(focused(qtbot), ChecklistRow), timeout=WAIT)
    open_items = [row for row in dialog.rows if row.answer() is Answer.UNANSWERED]
    assert len(open_items) == len(dialog.rows) - 1
    assert focused(qtbot) is open_items[0]
    for _ in open_items:
        press(qtbot, "Y")
    assert _row(dialog, "invoice").answer() is Answer.NO
    assert all(row.answer() is Answer.YES for row in open_items)
    assert focused(qtbot) is dialog.grade
