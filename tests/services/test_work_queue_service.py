from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from livenon_desk.domain.enums import Answer, ReasonCode, ReturnStatus
from livenon_desk.domain.policy import default_policies
from livenon_desk.models import ReturnLine
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.services.work_queue_service import WorkQueueService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from livenon_desk.store.rows import ReturnFilter, SortKey
from tests.builders import ALL_YES, add_return, confirmed
from tests.images import write_png
from tests.services.conftest import INSPECTOR

# Wednesday 2026-11-25, 10:00 in Los Angeles. Thanksgiving (26th) is a holiday.
NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def _at(local_day: int, hour: int = 12) -> datetime:
    """A November 2026 day and hour in Los Angeles (PST, UTC-8), as UTC."""
    return datetime(2026, 11, local_day, 8, 0, tzinfo=UTC) + timedelta(hours=hour)


def _fixed(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def test_queues_count_receipt_inspection_overdue_and_today(store: Store, tmp_path: Path) -> None:
    add_return(store, status=ReturnStatus.IN_TRANSIT)
    add_return(store, status=ReturnStatus.INSTRUCTIONS_SENT)
    # P5 deadline = receipt day + 5 business days; on the 25th, a receipt of the 17th
    # (deadline the 24th) is overdue, one of the 18th (deadline the 25th) is not.
    late = add_return(store, status=ReturnStatus.RECEIVED, received_at=_at(17, 23))
    add_return(store, status=ReturnStatus.RECEIVED, received_at=_at(18, 0))
    add_return(store, status=ReturnStatus.RECEIVED, received_at=_at(24))
    today = add_return(store, status=ReturnStatus.RECEIVED, received_at=_at(23))
    inspections = InspectionService(store, default_policies(),
                                    PhotoFiles(photo_dir_for(store.path)), clock=lambda: NOW)
    with store.read_session() as s:
        line = s.query(ReturnLine).filter_by(return_id=today.return_id).one().id
    sheet = inspections.open_sheet(INSPECTOR, line)
    # A quality return (T1) shows the reported defect on a photo.
    inspections.attach_photo(INSPECTOR, sheet.inspection_id, write_png(tmp_path / "a.png"))
    inspections.finish(INSPECTOR, sheet.inspection_id, confirmed(
        sheet, {k: Answer(v) for k, v in ALL_YES.items()}))

    queues = {q.key: q for q in WorkQueueService(store, default_policies(), lambda: NOW).queues()}
    assert {k: q.count for k, q in queues.items()} == {
        "awaiting_receipt": 2, "awaiting_inspection": 3, "overdue": 1, "inspected_today": 1,
        "instructions_overdue": 0, "refund_overdue": 0,
        # The inspected sofa's cartons became units at its inspection, graded, not put away.
        "to_grade": 0, "to_put_away": 1, "weight_flags": 0,
    }
    returns = ReturnsService(store, default_policies(), lambda: NOW)
    overdue = queues["overdue"]
    rows = returns.page(overdue.filter, overdue.sort, overdue.descending, 0, 10)
    assert [r.rma_number for r in rows] == [late.rma_number]
    waiting = queues["awaiting_inspection"]
    rows = returns.page(waiting.filter, waiting.sort, waiting.descending, 0, 10)
    assert rows[0].rma_number == late.rma_number
    # Each row says whether it is overdue, as the overdue list counts it (P5).
    assert [r.rma_number for r in rows if r.overdue] == [late.rma_number]
    assert [r.overdue for r in returns.rows([late.return_id, today.return_id])] == [True, False]
    assert [m.row.overdue for m in returns.lookup(late.rma_number)] == [True]


def test_the_late_lists_carry_the_policys_days(store: Store) -> None:
    policy = default_policies().latest
    queues = {q.key: q for q in WorkQueueService(store, default_policies(), lambda: NOW).queues()}
    assert {k: q.deadline_days for k, q in queues.items()} == {
        "awaiting_receipt": None, "awaiting_inspection": None, "inspected_today": None,
        "overdue": policy.inspection_deadline_bd,
        "instructions_overdue": policy.instructions_deadline_bd,
        "refund_overdue": policy.refund_max_days,
        "to_grade": None, "to_put_away": None, "weight_flags": None,
    }


def test_the_week_counts_inspections_and_pass_rates(store: Store, tmp_path: Path) -> None:
    policies = default_policies()
    days = [NOW - timedelta(days=d) for d in (0, 0, 2, 9)]
    for i, finished in enumerate(days):
        built = add_return(store, status=ReturnStatus.RECEIVED, received_at=finished,
                           reason=ReasonCode.DEFECTIVE if i else ReasonCode.CHANGED_MIND)
        service = InspectionService(store, policies, PhotoFiles(photo_dir_for(store.path)),
                                    clock=_fixed(finished))
        with store.read_session() as s:
            line = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
        sheet = service.open_sheet(INSPECTOR, line)
        service.attach_photo(INSPECTOR, sheet.inspection_id, write_png(tmp_path / f"{i}.png"))
        answers = dict(ALL_YES, return_form="no" if i == 1 else "yes")
        service.finish(INSPECTOR, sheet.inspection_id, confirmed(
            sheet, {k: Answer(v) for k, v in answers.items()}))
    week = WorkQueueService(store, policies, lambda: NOW).week()
    assert len(week.days) == 7 and week.days[-1].day.isoformat() == "2026-11-25"
    assert (week.days[-1].inspected, week.days[-1].passed) == (2, 1)
    assert sum(d.inspected for d in week.days) == 3
    by_reason = {r.reason: (r.inspected, r.passed) for r in week.reasons}
    assert by_reason == {ReasonCode.CHANGED_MIND: (1, 1), ReasonCode.DEFECTIVE: (2, 1)}


def test_the_list_filters_by_reason_carrier_and_dates_and_sorts_by_any_column(
    store: Store,
) -> None:
    a = add_return(store, customer_name="Zoe Adams", carrier="DHL",
                   reason=ReasonCode.WRONG_ITEM, applied_at=_at(10))
    b = add_return(store, customer_name="Anna Young", carrier="UPS",
                   reason=ReasonCode.WRONG_ITEM, applied_at=_at(12))
    add_return(store, customer_name="Bo Li", carrier="UPS", reason=ReasonCode.DEFECTIVE,
               applied_at=_at(14))
    returns = ReturnsService(store, default_policies(), lambda: NOW)
    flt = ReturnFilter(reason_code=ReasonCode.WRONG_ITEM)
    by_customer = returns.page(flt, SortKey.CUSTOMER, False, 0, 10)
    assert [r.rma_number for r in by_customer] == [b.rma_number, a.rma_number]
    assert returns.count(ReturnFilter(carrier="DHL")) == 1
    assert returns.count(ReturnFilter(applied_from=_at(11), applied_before=_at(13))) == 1
    for key in SortKey:
        assert len(returns.page(ReturnFilter(), key, True, 0, 10)) == 3
    carriers = WorkQueueService(store, default_policies(), lambda: NOW).carriers()
    assert carriers == ["DHL", "UPS"]
