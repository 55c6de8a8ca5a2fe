"""Scan-to-record and search-as-you-type latency on a large local database.

Targets (PRODUCT.md): exact code lookup plus the record's detail p95 < 16 ms;
search-as-you-type over names, emails, products p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from livenon_desk.domain.policy import default_policies
from livenon_desk.models import Customer, OrderLine, ReturnLine, ReturnRequest
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.store.opening import open_store


def p95(samples: Sequence[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def timed(fn: Callable[[str], object], inputs: Sequence[str]) -> list[float]:
    out = []
    for value in inputs:
        start = time.perf_counter()
        fn(value)
        out.append((time.perf_counter() - start) * 1000)
    return out


def measure(path: Path, samples: int = 300) -> list[tuple[str, float, float]]:
    """(measure, p95 in ms, target in ms) for scans and search-as-you-type on ``path``."""
    store = open_store(path, create=False)
    service = ReturnsService(store, default_policies())
    rng = random.Random(7)
    with store.read_session() as s:
        top = s.scalar(select(ReturnRequest.id).order_by(ReturnRequest.id.desc()).limit(1)) or 1
        ids = [rng.randint(1, top) for _ in range(samples)]
        rmas = [s.scalar(select(ReturnRequest.rma_number).where(ReturnRequest.id == i)) or ""
                for i in ids]
        tags = [s.scalar(select(ReturnLine.tag_code).where(ReturnLine.return_id == i)) or ""
                for i in ids]
        names = [s.scalar(select(Customer.name).where(Customer.id == rng.randint(1, top // 3)))
                 or "" for _ in range(samples)]
        products = [s.scalar(select(OrderLine.product_name_en).where(OrderLine.id == i)) or ""
                    for i in ids]

    def scan(code: str) -> object:
        [match] = service.lookup(code)
        return service.detail(match.row.return_id)

    typed = [n[: rng.randint(2, max(2, len(n)))] for n in names]
    typed += [p.split()[0][: rng.randint(3, 6)] for p in products]
    rows = [
        ("scan RMA -> record", p95(timed(scan, rmas)), 16.0),
        ("scan tag -> record", p95(timed(scan, tags)), 16.0),
        ("search as you type", p95(timed(service.lookup, typed)), 50.0),
    ]
    store.dispose()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--returns", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--db", type=Path, help="an existing demo database to measure")
    args = parser.parse_args()

    path = args.db or Path(tempfile.gettempdir()) / f"livenon-bench-{args.returns}.sqlite3"
    if args.db is None and (args.rebuild or not path.exists()):
        from livenon_desk.services.demo_service import create_demo_database

        start = time.perf_counter()
        create_demo_database(path, returns=args.returns, seed=1, today=date(2026, 11, 25),
                             replace=True)
        print(f"built {args.returns:,} returns in {time.perf_counter() - start:.1f} s")

    rows = measure(path, args.samples)
    print(f"\n{args.returns:,} returns, {args.samples} samples each")
    print(f"{'measure':<22}{'p95 ms':>10}{'target':>10}{'ratio':>8}")
    for name, value, target in rows:
        print(f"{name:<22}{value:>10.2f}{target:>10.1f}{value / target:>8.2f}")


if __name__ == "__main__":
    main()
