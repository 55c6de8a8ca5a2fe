from __future__ import annotations

from livenon_desk.domain.receiving import counted_by_hand


def test_only_cartons_claimed_beyond_the_scanned_ones_count_as_by_hand() -> None:
    assert counted_by_hand({1: 3, 2: 2, 3: 0}, {1: 1, 2: 2}) == {1: 2}
    assert counted_by_hand({1: 1}, {1: 2}) == {}  # fewer claimed than scanned: none by hand
    assert counted_by_hand({1: 2}, {}) == {1: 2}
    assert counted_by_hand({}, {}) == {}
