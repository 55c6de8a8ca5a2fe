"""Issue 17: the demo database holds units in every state, in the policy's bins, with
moves, weight checks (a possible swap open and one checked) and a supervisor's route."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from livenon_desk.demo.catalogue import CATALOGUE
from livenon_desk.domain.enums import UnitState
from livenon_desk.domain.policy import default_policies
from livenon_desk.models import OrderLine, Unit, UnitMove, WeightCheck
from livenon_desk.services.demo_service import create_demo_database
from livenon_desk.store.opening import open_store
from tests.demo.conftest import RETURNS, SEED, TODAY

CATALOGUE_WEIGHTS = {p.sku: p.weight_g for p in CATALOGUE}


def test_the_demo_holds_units_in_every_state_in_the_policys_bins(tmp_path: Path) -> None:
    create_demo_database(tmp_path / "demo.sqlite3", returns=RETURNS, seed=SEED, today=TODAY)
    store = open_store(tmp_path / "demo.sqlite3")
    try:
        with store.read_session() as s:
            states = set(s.scalars(select(Unit.state).distinct()))
            units = list(s.scalars(select(Unit)))
            moves = s.scalar(select(func.count()).select_from(UnitMove))
            checks = list(s.scalars(select(WeightCheck)))
    finally:
        store.dispose()
    assert states == set(UnitState)
    layout = default_policies().latest.floor.layout
    stored = [u for u in units if u.state is UnitState.STORED]
    assert all(layout.zone_of_bin(u.bin_code or "").id == u.zone  # type: ignore[union-attr]
               for u in stored)
    for zone in layout.zones:
        assert sum(u.bin_code in zone.bins for u in units) <= zone.capacity * len(zone.bins)
    assert moves is not None and moves > len(stored)  # some were moved again
    assert any(u.override_by for u in units)
    assert any(c.flagged and c.cleared_at is None for c in checks)
    assert any(c.flagged and c.cleared_at is not None for c in checks)
    assert any(not c.flagged for c in checks)


def test_every_demo_order_line_has_its_catalogue_weight(tmp_path: Path) -> None:
    """Not only those already received: a parcel of the demo weighed at receipt is checked
    against its catalogue weight like any other."""
    create_demo_database(tmp_path / "demo.sqlite3", returns=RETURNS, seed=SEED, today=TODAY)
    store = open_store(tmp_path / "demo.sqlite3")
    try:
        with store.read_session() as s:
            lines = s.execute(select(OrderLine.sku, OrderLine.piece_weight_g)).all()
    finally:
        store.dispose()
    assert lines and all(weight == CATALOGUE_WEIGHTS[sku] for sku, weight in lines)
