"""Every figure of the product brief's targets, measured in one run and printed as one table.

    python benchmarks/run_all.py [--returns 1000000] [--runs 5] [--inspections 10000]

One run builds a demo database of ``--returns`` returns in a temporary folder (the demo
data figure), then measures the window, the work queue and the lookups on it, the labels,
and the sync push (against a reference server in its own process). Each line gives the
figure, its anchor where the target is a ratio (a bare PySide6 window, bare ReportLab),
the target, the ratio to it, and whether it is within. The machine's load average is
printed before and after: on the shared 2-core machine the figures move with it.
Run by hand; no test depends on a timing.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

import demo_data
import desk_window
import label_throughput
import lookup_latency
import sync_push
import work_queue

T = TypeVar("T")


@dataclass(frozen=True)
class Row:
    figure: str
    value: float
    unit: str
    target: float
    anchor: float | None = None  # the figure is a ratio to this (same unit)
    higher_is_better: bool = False

    @property
    def ratio(self) -> float:
        """The figure against its anchor (a ratio target), else against the target."""
        if self.anchor is not None:
            return self.value / self.anchor
        return self.value / self.target

    @property
    def within(self) -> bool:
        measured = self.ratio if self.anchor is not None else self.value
        return measured >= self.target if self.higher_is_better else measured <= self.target


def _amount(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:,.1f}{unit}"


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min; {os.cpu_count()} CPUs)"


def _print_table(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    print(f"{'figure':<50}{'measured':>12}{'anchor':>12}{'ratio':>8}{'target':>12}  within")
    for r in rows:
        anchor = _amount(r.anchor, r.unit) if r.anchor is not None else "-"
        if r.anchor is not None:
            ratio, target = f"{r.ratio:.2f}x", f"{r.target:g}x"
        else:
            ratio, target = f"{r.ratio:.2f}", _amount(r.target, r.unit)
        print(f"{r.figure:<50}{_amount(r.value, r.unit):>12}{anchor:>12}{ratio:>8}"
              f"{target:>12}  {'yes' if r.within else 'NO'}")


def _step(name: str, fn: Callable[[], T]) -> T:
    started = time.perf_counter()
    print(f"  {name} ...", end="", flush=True)
    result = fn()
    print(f" {time.perf_counter() - started:.0f} s (load {os.getloadavg()[0]:.2f})", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--returns", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5, help="cold starts of each kind")
    parser.add_argument("--inspections", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=300, help="lookups of each kind")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    started = datetime.now(UTC)
    print(f"Livenon Desk benchmarks, {started:%Y-%m-%d %H:%M} UTC, Python "
          f"{sys.version.split()[0]}")
    print(f"load average at start: {_load()}")
    million = f"{args.returns:,} returns"
    with tempfile.TemporaryDirectory(prefix="livenon-bench-all-") as folder:
        db = Path(folder) / "demo.sqlite3"
        demo = _step(f"demo data, {million}", lambda: demo_data.build(
            db, args.returns, seed=1, today=date.today()))
        window = _step("cold starts and scrolling", lambda: desk_window.window_figures(
            db, args.runs))
        week = _step("the week's statistics", lambda: work_queue.week_ms(db))
        lookups = _step("scans and search-as-you-type", lambda: lookup_latency.measure(
            db, args.samples))
    labels = _step("return labels", label_throughput.measure)
    push = _step(f"sync push, {args.inspections:,} inspections",
                 lambda: sync_push.measure(args.inspections))

    issue = [
        Row("the program's first window (sign-in) shown", window.sign_in, "s", 1.5,
            anchor=window.bare),
        Row("main window shown vs a bare PySide6 window", window.shown, "s", 1.5,
            anchor=window.bare),
        Row(f"window with the {args.returns:,}-row list counted", window.counted, "s", 2.0,
            anchor=window.bare),
        Row(f"{push.queued:,} queued inspections pushed over loopback", push.seconds, "s",
            sync_push.TARGET_SECONDS),
        Row("longest UI-thread stall while pushing", push.stall_ms, "ms",
            sync_push.TARGET_STALL_MS),
        Row(f"the week's statistics on {million}", week, "ms", work_queue.WEEK_TARGET_MS),
        Row(f"{label_throughput.BATCH} return labels, one batch (CPU)", labels.batch_cpu, "s",
            label_throughput.TARGET_BATCH_CPU),
        Row(f"demo data, {million}", demo.seconds, "s",
            demo_data.TARGET_SECONDS_PER_MILLION * args.returns / 1_000_000),
    ]
    kept = [
        *(Row(f"{name} p95", value, "ms", target) for name, value, target in lookups),
        Row(f"scrolling all {window.rows:,} rows: peak memory", window.peak_mb, "MB", 300.0),
        Row("return labels per second vs bare ReportLab", labels.desk_rate, "/s",
            label_throughput.TARGET_RATIO, anchor=labels.bare_rate, higher_is_better=True),
    ]
    _print_table("The figures of issue 19", issue)
    _print_table("The figures already met (kept)", kept)
    print(f"\nsync: {sync_push.accounted(push)}")
    print(f"the UI thread's longest gap with nothing to do, same timer, same run: "
          f"{push.idle_ms:.0f} ms (the machine's load alone)")
    print(f"load average at end: {_load()}; took "
          f"{(datetime.now(UTC) - started).total_seconds():.0f} s")


if __name__ == "__main__":
    main()
