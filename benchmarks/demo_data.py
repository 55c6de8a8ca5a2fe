"""Demo-data generation speed: N returns into a new database in a temporary folder.

Target (PRODUCT.md, benchmarks/README.md): 1,000,000 returns in under 60 s on the
2-core reference machine.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from livenon_desk.demo.generator import DemoSummary, generate_demo_data
from livenon_desk.store.opening import open_store

TARGET_SECONDS_PER_MILLION = 60.0


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

    with tempfile.TemporaryDirectory(prefix="livenon-demo-bench-") as folder:
        path = Path(folder) / "demo.sqlite3"
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if not args.quiet:
                elapsed = time.perf_counter() - started
                print(f"  {done:>10,} / {total:,} returns  {elapsed:6.1f} s", flush=True)

        summary = build(path, args.returns, args.seed, args.today, progress)
        size = sum(p.stat().st_size for p in Path(folder).iterdir())
    target = TARGET_SECONDS_PER_MILLION * args.returns / 1_000_000
    verdict = "ok" if summary.seconds < target else "TOO SLOW"
    print(
        f"{summary.returns:,} returns, {summary.orders:,} orders, {summary.customers:,} "
        f"customers in {summary.seconds:.1f} s ({summary.returns / summary.seconds:,.0f} "
        f"returns/s), {size / 1e6:,.0f} MB; target < {target:.0f} s: {verdict}"
    )


if __name__ == "__main__":
    main()
