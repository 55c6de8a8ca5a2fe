"""Random SIGKILLs of a desk while it saves and syncs (issue 14): nothing lost, nothing
twice, both databases intact. CI runs 50 kills; `LIVENON_KILLS=1000` runs the full length."""

from __future__ import annotations

import os

import pytest

from tests.central_server import Central
from tests.reliability.kills import run_kills
from tests.sync.desk import Desk

pytestmark = [pytest.mark.reliability, pytest.mark.timeout(1800)]


def test_a_desk_killed_at_random_loses_and_doubles_nothing(desk: Desk,
                                                            central: Central) -> None:
    kills = int(os.environ.get("LIVENON_KILLS", "50"))
    desk.store.dispose()

    report = run_kills(desk.store.path, central, desk.client, kills, seed=1414)

    outcome = report.outcome
    print(f"\nkills {report.kills} (runs that finished first {report.finished}), "
          f"saved {outcome.saved}, lost {outcome.lost}, duplicated {outcome.duplicated}, "
          f"unsent {outcome.unsent}, integrity {'ok' if outcome.integrity_ok else 'FAILED'}")
    assert report.kills == kills
    assert outcome.saved > 0
    assert (outcome.lost, outcome.duplicated, outcome.unsent) == (0, 0, 0)
    assert outcome.integrity_ok
