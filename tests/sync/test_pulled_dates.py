"""Dates as the central API sends them: a date alone is a day in the warehouse's zone, a
missing application date is never "now", and a malformed date refuses that record only."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from livenon_desk.central import records
from livenon_desk.domain.enums import RuleOutcome
from livenon_desk.domain.policy import default_policies
from livenon_desk.models import Order, ReturnRequest
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.sync.worker import Outcome
from tests.builders import NOW
from tests.central_server import Central
from tests.sync.desk import Desk

LA = ZoneInfo("America/Los_Angeles")


def _change(central: Central, kind: str, key: str, **fields: Any) -> None:
    """The server's record rewritten with ``fields`` (None: the field left out)."""
    with central.context.db.write() as c:
        current = records.get_live(c, kind, key, kind)
        data = dict(current.data or {})
        for name, value in fields.items():
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value
        records.write(c, kind, key, data, expected=current)


def _desk_return(desk: Desk, rma: str) -> ReturnRequest:
    with desk.store.read_session() as s:
        return s.scalars(select(ReturnRequest).where(ReturnRequest.rma_number == rma)).one()


def _desk_order(desk: Desk, number: str) -> Order:
    with desk.store.read_session() as s:
        return s.scalars(select(Order).where(Order.order_number == number)).one()


def _e2(desk: Desk, return_id: int) -> tuple[RuleOutcome, str]:
    detail = ReturnsService(desk.store, default_policies(), lambda: NOW).detail(return_id)
    e2 = next(r for r in detail.lines[0].rules if r.rule_id == "E2")
    return e2.outcome, e2.reason_en


def test_a_date_only_sign_off_is_that_day_in_the_warehouse(desk: Desk, central: Central) -> None:
    ret = central.find_return("in_transit")
    order_number = (ret.data or {})["order_number"]
    # Signed off on 26 October; applied for on 25 November, 09:00 in Los Angeles: day 30.
    _change(central, "order", order_number, delivered_at="2026-10-26")
    _change(central, "return", ret.key, applied_at="2026-11-25T09:00:00-08:00")
    assert desk.worker().run_round().outcome is Outcome.OK
    order = _desk_order(desk, order_number)
    assert order.delivered_at is not None
    assert order.delivered_at.astimezone(LA).date() == date(2026, 10, 26)
    outcome, reason = _e2(desk, _desk_return(desk, ret.key).id)
    assert (outcome, "day 30" in reason) == (RuleOutcome.PASS, True)


def test_a_time_without_offset_is_the_warehouses_local_time(
        desk: Desk, central: Central) -> None:
    ret = central.find_return("in_transit")
    order_number = (ret.data or {})["order_number"]
    _change(central, "order", order_number, delivered_at="2026-10-26T20:30:00")
    assert desk.worker().run_round().outcome is Outcome.OK
    delivered = _desk_order(desk, order_number).delivered_at
    assert delivered is not None
    assert delivered.astimezone(LA).replace(tzinfo=None) == datetime(2026, 10, 26, 20, 30)


def test_a_missing_date_is_never_today(desk: Desk, central: Central) -> None:
    ret = central.find_return("in_transit")
    order_number = (ret.data or {})["order_number"]
    before = _desk_return(desk, ret.key)
    _change(central, "order", order_number, delivered_at=None)
    _change(central, "return", ret.key, applied_at=None, carrier="DHL Express")
    assert desk.worker().run_round().outcome is Outcome.OK
    # No sign-off: E2 is for a supervisor to review.
    assert _desk_order(desk, order_number).delivered_at is None
    outcome, _ = _e2(desk, before.id)
    assert outcome is RuleOutcome.REVIEW
    # No application date: the record is refused, the desk keeps what it had, never now.
    after = _desk_return(desk, ret.key)
    assert after.applied_at == before.applied_at != NOW
    assert after.carrier == before.carrier
    [refused] = desk.sync.refused()
    assert (refused.kind, refused.entity_key) == ("return", ret.key)
    assert "applied_at" in refused.reason_en and "no application date" in refused.reason_en
    assert "申请日期" in refused.reason_zh


def test_a_malformed_date_refuses_that_record_only(desk: Desk, central: Central) -> None:
    ret = central.find_return("in_transit")
    order_number = (ret.data or {})["order_number"]
    other = central.find_return("received")
    assert other.key != ret.key
    old = _desk_order(desk, order_number).delivered_at
    _change(central, "order", order_number, delivered_at="31/10/2026")
    _change(central, "return", other.key, carrier="DHL")
    result = desk.worker().run_round()
    assert result.outcome is Outcome.OK
    # The good record of the same page is applied, the bad one is not.
    assert _desk_return(desk, other.key).carrier == "DHL"
    assert _desk_order(desk, order_number).delivered_at == old
    [refused] = desk.sync.refused()
    assert (refused.kind, refused.entity_key) == ("order", order_number)
    assert "delivered_at" in refused.reason_en and "31/10/2026" in refused.reason_en
    assert "31/10/2026" in refused.reason_zh
    # A later, whole version of the record is taken and the refusal goes.
    _change(central, "order", order_number, delivered_at="2026-10-20T10:00:00-07:00")
    assert desk.worker().run_round().outcome is Outcome.OK
    assert _desk_order(desk, order_number).delivered_at == datetime(
        2026, 10, 20, 17, 0, tzinfo=UTC)
    assert desk.sync.refused() == []

