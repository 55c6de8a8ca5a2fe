"""P2, P5 and P6 due dates shown for each return and line: detail, explain (text and
JSON) and the work queue's overdue lists."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from livenon_desk.cli.output import dumps, explanation_text
from livenon_desk.domain.enums import Answer, ReturnStatus
from livenon_desk.domain.policy import default_policies
from livenon_desk.models import ReturnLine, ReturnRequest
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.services.work_queue_service import WorkQueueService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from tests.builders import ALL_YES, Built, add_return, confirmed
from tests.images import write_png
from tests.services.conftest import INSPECTOR

# Wednesday 2026-11-25, 10:00 in Los Angeles. Thanksgiving (26th) is a holiday.
NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def _at(local_day: int, hour: int = 12) -> datetime:
    """A November 2026 day and hour in Los Angeles (PST, UTC-8), as UTC."""
    return datetime(2026, 11, local_day, 8, 0, tzinfo=UTC) + timedelta(hours=hour)


def _fixed(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def _applied(store: Store, day: int) -> Built:
    """A return applied for on ``day`` whose instructions have not gone out yet."""
    built = add_return(store, status=ReturnStatus.APPLIED, applied_at=_at(day, 10))
    with store.session() as s:
        s.execute(update(ReturnRequest).where(ReturnRequest.id == built.return_id)
                  .values(instructions_sent_at=None))
    return built


def _passed(store: Store, tmp_path: Path, finished: datetime) -> Built:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=finished,
                       applied_at=finished - timedelta(days=3),
                       delivered_at=finished - timedelta(days=6))
    inspections = InspectionService(store, default_policies(),
                                     PhotoFiles(photo_dir_for(store.path)),
                                     clock=_fixed(finished))
    with store.read_session() as s:
        line = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
    sheet = inspections.open_sheet(INSPECTOR, line)
    inspections.attach_photo(INSPECTOR, sheet.inspection_id, write_png(tmp_path / "a.png"))
    inspections.finish(INSPECTOR, sheet.inspection_id, confirmed(
        sheet, {k: Answer(v) for k, v in ALL_YES.items()}))
    return built


def test_p2_instructions_are_due_one_to_two_business_days_after_the_application(
        store: Store) -> None:
    # Applied on Tuesday the 24th: Wednesday the 25th, then Friday the 27th (Thanksgiving).
    built = _applied(store, 24)
    detail = ReturnsService(store, default_policies(), _fixed(NOW)).detail(built.return_id)
    assert (detail.instructions_target, detail.instructions_deadline) == (
        date(2026, 11, 25), date(2026, 11, 27))
    assert not detail.instructions_overdue
    later = ReturnsService(store, default_policies(), _fixed(_at(30, 9)))
    assert later.detail(built.return_id).instructions_overdue
    text = explanation_text(later.detail(built.return_id))
    assert "instructions due 2026-11-25 (P2 target), 2026-11-27 at the latest  OVERDUE" in text
    assert "退货说明应于 2026-11-25（P2 目标）、最迟 2026-11-27 发出  已逾期" in explanation_text(
        later.detail(built.return_id), "zh")


def test_sent_instructions_are_never_overdue(store: Store) -> None:
    built = add_return(store, status=ReturnStatus.INSTRUCTIONS_SENT, applied_at=_at(2, 10))
    detail = ReturnsService(store, default_policies(), _fixed(NOW)).detail(built.return_id)
    assert detail.instructions_deadline == date(2026, 11, 4)
    assert not detail.instructions_overdue


def test_p6_refund_is_due_one_to_seven_days_after_the_pass(
        store: Store, tmp_path: Path) -> None:
    built = _passed(store, tmp_path, _at(20, 9))
    detail = ReturnsService(store, default_policies(), _fixed(NOW)).detail(built.return_id)
    [line] = detail.lines
    assert (line.refund_target, line.refund_deadline) == (date(2026, 11, 21),
                                                          date(2026, 11, 27))
    assert not line.refund_overdue
    late = ReturnsService(store, default_policies(), _fixed(_at(28, 9))).detail(
        built.return_id)
    assert late.lines[0].refund_overdue
    with store.session() as s:
        s.execute(update(ReturnRequest).where(ReturnRequest.id == built.return_id)
                  .values(status=ReturnStatus.REFUND_APPROVED))
    # Approved: the central system pays it; the desk has nothing overdue.
    assert not ReturnsService(store, default_policies(), _fixed(_at(28, 9))).detail(
        built.return_id).lines[0].refund_overdue
    text = explanation_text(late)
    assert "refund due 2026-11-21 to 2026-11-27 (P6)  OVERDUE" in text
    assert "退款期限 2026-11-21 至 2026-11-27（P6）  已逾期" in explanation_text(late, "zh")


def test_explain_json_carries_iso_due_dates_for_the_return_and_each_line(
        store: Store, tmp_path: Path) -> None:
    built = _passed(store, tmp_path, _at(20, 9))
    data = json.loads(dumps(ReturnsService(store, default_policies(), _fixed(NOW))
                            .detail(built.return_id)))
    assert data["instructions_target"] == "2026-11-18"
    assert data["instructions_deadline"] == "2026-11-19"
    assert data["inspection_target"] == "2026-11-25"
    assert data["inspection_deadline"] == "2026-11-30"
    assert data["lines"][0]["refund_target"] == "2026-11-21"
    assert data["lines"][0]["refund_deadline"] == "2026-11-27"
    assert data["lines"][0]["refund_overdue"] is False


def test_explain_gives_the_p5_inspection_deadline_in_the_chosen_language(
        store: Store, tmp_path: Path) -> None:
    built = _passed(store, tmp_path, _at(20, 9))
    detail = ReturnsService(store, default_policies(), _fixed(NOW)).detail(built.return_id)
    assert ("inspect by 2026-11-25 (P5 target), 2026-11-30 at the latest"
            in explanation_text(detail))
    assert "检验应于 2026-11-25（P5 目标）、最迟 2026-11-30 完成" in explanation_text(detail, "zh")


def test_the_work_queue_lists_instructions_and_refunds_overdue(
        store: Store, tmp_path: Path) -> None:
    late_instructions = _applied(store, 20)  # Friday: due Tuesday the 24th at the latest
    _applied(store, 24)  # due Friday the 27th: not yet
    late_refund = _passed(store, tmp_path, _at(17, 9))  # due the 24th at the latest
    _passed(store, tmp_path, _at(19, 9))  # due the 26th: not yet
    queues = {q.key: q for q in WorkQueueService(store, default_policies(),
                                                 _fixed(NOW)).queues()}
    returns = ReturnsService(store, default_policies(), _fixed(NOW))
    for key, built in (("instructions_overdue", late_instructions),
                       ("refund_overdue", late_refund)):
        queue = queues[key]
        assert queue.count == 1, key
        [row] = returns.page(queue.filter, queue.sort, queue.descending, 0, 10)
        assert row.rma_number == built.rma_number
