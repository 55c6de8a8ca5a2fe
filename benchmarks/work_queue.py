"""The work queue and the returns list on a large database: every query the start screen
and the list make, timed. A page of the list is fetched in the background while the
placeholder rows show; it should arrive within a frame or two (target 100 ms), the queue
counts within a refresh (target 250 ms for all four).

    python benchmarks/work_queue.py --db PATH   (a demo database: livenon-desk demo-data)
"""

from __future__ import annotations

import argparse
import time
from array import array
from collections.abc import Callable
from functools import partial
from pathlib import Path

from livenon_desk.domain.enums import ReasonCode, ReturnStatus
from livenon_desk.domain.policy import default_policies
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.services.work_queue_service import WorkQueueService
from livenon_desk.store.opening import open_store
from livenon_desk.store.rows import ReturnFilter, SortKey, pages_by_offset

PAGE = 200
PAGE_TARGET_MS = 100.0
WEEK_TARGET_MS = 50.0
QUEUES_TARGET_MS = 250.0


def best_of(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def week_ms(path: Path) -> float:
    """The work queue's weekly figures on ``path``, best of three, in ms."""
    store = open_store(path, create=False)
    try:
        return best_of(WorkQueueService(store, default_policies()).week)
    finally:
        store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    store = open_store(args.db, create=False)
    policies = default_policies()
    returns = ReturnsService(store, policies)
    queue = WorkQueueService(store, policies)

    queues_ms = best_of(queue.queues)
    week_ms = best_of(queue.week)
    print(f"queue counts (4 queues): {queues_ms:7.1f} ms  ratio to target "
          f"{queues_ms / QUEUES_TARGET_MS:.2f}")
    print(f"week statistics:         {week_ms:7.1f} ms  ratio to target "
          f"{week_ms / WEEK_TARGET_MS:.2f}")

    filters = {q.key: q.filter for q in queue.queues()}
    filters["all"] = ReturnFilter()
    filters["received+defective"] = ReturnFilter(statuses=frozenset({ReturnStatus.RECEIVED}),
                                                 reason_code=ReasonCode.DEFECTIVE)
    worst_page = worst_ids = 0.0
    print(f"\n{'list':<22}{'sort':<14}{'ids once':>10}{'first':>9}{'middle':>9}{'last':>9}"
          "  (ms)")
    for name, flt in filters.items():
        for sort in SortKey:
            if pages_by_offset(flt, sort):
                count = returns.count(flt)
                ids_ms = 0.0

                def by_offset(offset: int, f: ReturnFilter = flt, s: SortKey = sort) -> object:
                    return returns.page(f, s, True, offset, PAGE)
                page: Callable[[int], object] = by_offset
            else:
                start = time.perf_counter()
                ids = returns.ordered_ids(flt, sort, True)
                ids_ms = (time.perf_counter() - start) * 1000
                count = len(ids)

                def by_ids(offset: int, ids: array[int] = ids) -> object:
                    return returns.rows(ids[offset:offset + PAGE])
                page = by_ids
            cells = [best_of(partial(page, o), 2)
                     for o in (0, count // 2, max(count - PAGE, 0))]
            worst_page = max(worst_page, *cells)
            worst_ids = max(worst_ids, ids_ms)
            print(f"{name:<22}{sort.value:<14}{ids_ms:10.1f}" + "".join(f"{c:9.1f}" for c in cells))
    print(f"\nslowest page: {worst_page:.1f} ms  ratio to target {worst_page / PAGE_TARGET_MS:.2f}")
    print(f"slowest ordering (once per sort or filter): {worst_ids:.1f} ms")


if __name__ == "__main__":
    main()
