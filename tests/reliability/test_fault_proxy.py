"""A desk syncing through a proxy that drops answers after the server's commit, resets
connections, delays and truncates answers (issue 14): nothing lost, nothing twice, both
databases intact. CI runs 80 steps; `LIVENON_FAULT_STEPS=2000` runs the full length."""

from __future__ import annotations

import os

import pytest

from tests.central_server import Central
from tests.reliability.fault_proxy import FAULTS
from tests.reliability.faults import run_faults
from tests.sync.desk import Desk

pytestmark = [pytest.mark.reliability, pytest.mark.timeout(1800)]


def test_a_desk_behind_a_faulty_network_loses_and_doubles_nothing(
        desk: Desk, central: Central) -> None:
    steps = int(os.environ.get("LIVENON_FAULT_STEPS", "80"))
    desk.store.dispose()

    report = run_faults(desk.store.path, central, desk.client, steps, seed=1414, rate=0.35)

    outcome = report.outcome
    faults = ", ".join(f"{k} {report.faults[k]}" for k in FAULTS)
    print(f"\nfault proxy: requests {report.requests}, faults {sum(report.faults.values())} "
          f"({faults}), rounds {report.rounds}, saved {outcome.saved}, lost {outcome.lost}, "
          f"duplicated {outcome.duplicated}, unsent {outcome.unsent}, "
          f"integrity {'ok' if outcome.integrity_ok else 'FAILED'}")
    assert set(report.faults) == set(FAULTS)  # every kind of fault happened
    assert report.requests > sum(report.faults.values()) > 0
    assert outcome.saved > 0
    assert (outcome.lost, outcome.duplicated, outcome.unsent) == (0, 0, 0)
    assert outcome.integrity_ok
