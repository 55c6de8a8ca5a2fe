"""Issue 17: units and their moves reach the real server through the outbox, once each,
also when the answer is lost or the desk is killed after the server committed."""

from __future__ import annotations

from sqlalchemy import select

from livenon_desk.central import tables
from livenon_desk.domain.enums import Answer, ReasonCategory
from livenon_desk.domain.policy import default_policies
from livenon_desk.models import Unit
from livenon_desk.services.unit_service import UnitService
from livenon_desk.sync.worker import Outcome
from tests.builders import ALL_YES, NOW, confirmed
from tests.central_server import Central
from tests.sync.desk import INSPECTOR, Desk
from tests.sync.test_outbox_and_push import _receipt, killed_round

UNIT_KINDS = ("unit", "unit_move")


def _stored_units(desk: Desk) -> list[str]:
    """A personal-reason return received, inspected all yes (grade A: restock) and its
    units put away: their LPNs."""
    ret = next(r for n in range(50) if (r := desk.receivable(n)).reason_category
               is ReasonCategory.PERSONAL)
    desk.receiving.receive(INSPECTOR, ret.id, _receipt(desk, ret.id))
    units = UnitService(desk.store, default_policies(), clock=lambda: NOW)
    for line in desk.lines(ret.id):
        sheet = desk.inspections.open_sheet(INSPECTOR, line.id)
        answers = {k: Answer(v) for k, v in ALL_YES.items()}
        desk.inspections.finish(INSPECTOR, sheet.inspection_id, confirmed(sheet, answers))
    with desk.store.read_session() as s:
        codes = [u.code for u in s.scalars(select(Unit).order_by(Unit.id))]
    for code in codes:
        plan = units.plan(INSPECTOR, code)
        assert plan.suggested_bin is not None
        units.move(INSPECTOR, code, plan.suggested_bin)
    return codes


def test_units_and_their_moves_reach_the_server_once(desk: Desk, central: Central) -> None:
    codes = _stored_units(desk)
    queued = [r for r in desk.outbox() if r.kind in UNIT_KINDS]
    # Each unit's changes (received, graded, put away) collapsed into one; each move its own.
    assert sorted(r.kind for r in queued) == sorted(["unit"] * len(codes)
                                                    + ["unit_move"] * len(codes))
    assert desk.worker().run_round().outcome is Outcome.OK
    for code in codes:
        unit = central.entity("unit", code)
        assert (unit.data or {})["state"] == "stored"
        assert (unit.data or {})["grade"] == "A"
        assert (unit.data or {})["route_rule"] == "R3"
        assert (unit.data or {})["bin_code"]
    assert central.count(tables.unit_moves) == len(codes)
    with desk.store.read_session() as s:
        assert {u.server_version for u in s.scalars(select(Unit))} == {1}
    # A later move is a new version of the unit and one more move, sent once.
    UnitService(desk.store, default_policies(), clock=lambda: NOW).move(
        INSPECTOR, codes[0], "RS-08")
    assert desk.worker().run_round().push.sent == 2
    assert desk.worker().run_round().push.sent == 0
    assert central.entity("unit", codes[0]).version == 2
    assert (central.entity("unit", codes[0]).data or {})["bin_code"] == "RS-08"
    assert central.count(tables.unit_moves) == len(codes) + 1


def test_a_lost_answer_sends_the_units_again_without_a_duplicate(
        desk: Desk, central: Central) -> None:
    codes = _stored_units(desk)
    central.faults.drop_after_commit("/batch", times=1)
    assert desk.worker().run_round().outcome is Outcome.OK
    assert central.faults.dropped == 1
    assert central.count(tables.unit_moves) == len(codes)
    assert {central.entity("unit", code).version for code in codes} == {1}
    assert {r.state for r in desk.outbox()} == {"sent"}


def test_a_desk_killed_mid_push_sends_its_units_again_without_a_duplicate(
        desk: Desk, central: Central) -> None:
    codes = _stored_units(desk)
    killed_round(desk, central)
    # The server has the units and moves; the desk does not know it.
    assert central.count(tables.unit_moves) == len(codes)
    assert {r.state for r in desk.outbox() if r.kind in UNIT_KINDS} == {"pending"}

    result = desk.worker().run_round()
    assert result.outcome is Outcome.OK
    assert central.count(tables.unit_moves) == len(codes)
    assert {central.entity("unit", code).version for code in codes} == {1}
    assert {r.state for r in desk.outbox()} == {"sent"}
