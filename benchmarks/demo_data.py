"""Demo-data generation speed: N returns into a new database in a temporary folder.

Target (PRODUCT.md, benchmarks/README.md): 1,000,000 returns in under 60 s on the
2-core reference machine.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from livenon_desk.demo.generator import DemoSummary, generate_demo_data
from livenon_desk.store.opening import open_store

TARGET_SECONDS_PER_MILLION = 60.0


def cpu_seconds() -> tuple[float, float] | None:
    """CPU seconds (user and system) of this process, the writer, and of its finished
    children, the row-making worker; None where the platform does not count them."""
    if os.name != "posix":
        return None
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def build(path: Path, returns: int, seed: int, today: date,
          progress: Callable[[int, int], None] | None = None) -> DemoSummary:
    """Fill a new database at ``path`` as ``livenon-desk demo-data`` does; the summary's
    seconds are the generator's own (rows and search index)."""
    store = open_store(path)
    try:
        return generate_demo_data(store, returns=returns, seed=seed, today=today,
                                  progress=progress)
    finally:
        store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--returns", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 25))
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args()
    # The generator logs how the time splits between rows and the search index.
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("  %(message)s"))
    demo_log = logging.getLogger("livenon_desk.demo")
    demo_log.setLevel(logging.INFO)
    demo_log.addHandler(handler)

    print(f"  load average before: {_load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="livenon-demo-bench-") as folder:
        path = Path(folder) / "demo.sqlite3"
        started = time.perf_counter()
        cpu_before = cpu_seconds()

        def progress(done: int, total: int) -> None:
            if not args.quiet:
                elapsed = time.perf_counter() - started
                print(f"  {done:>10,} / {total:,} returns  {elapsed:6.1f} s", flush=True)

        summary = build(path, args.returns, args.seed, args.today, progress)
        cpu_after = cpu_seconds()
        size = sum(p.stat().st_size for p in Path(folder).iterdir())
    print(f"  load average after: {_load()}")
    if cpu_before is not None and cpu_after is not None:
        writer, worker = (after - before for after, before in zip(cpu_after, cpu_before,
                                                                   strict=True))
        print(f"  CPU: writer {writer:.1f} s, row-making worker {worker:.1f} s, "
              f"together {writer + worker:.1f} s")
    target = TARGET_SECONDS_PER_MILLION * args.returns / 1_000_000
    verdict = "ok" if summary.seconds < target else "TOO SLOW"
    print(
        f"{summary.returns:,} returns, {summary.orders:,} orders, {summary.customers:,} "
        f"customers in {summary.seconds:.1f} s ({summary.returns / summary.seconds:,.0f} "
        f"returns/s), {size / 1e6:,.0f} MB; target < {target:.0f} s: {verdict}"
    )


def _load() -> str:
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:  # not counted on this platform
        return "-"


if __name__ == "__main__":
    main()
