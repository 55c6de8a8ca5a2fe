"""Reliability harness figures: kills, requests, faults, lost, duplicated.

Runs the harnesses of tests/reliability at full length (or the lengths given) and prints
each one's figures: `python benchmarks/reliability.py [--kills 1000] [--fault-steps 2000]
[--fuzz-examples 200]`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--fault-steps", type=int, default=2000)
    parser.add_argument("--fuzz-examples", type=int, default=200)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "LIVENON_KILLS": str(args.kills), "LIVENON_FAULT_STEPS": str(args.fault_steps),
           "LIVENON_FUZZ_EXAMPLES": str(args.fuzz_examples)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
         "-m", "reliability", "tests/reliability"], cwd=ROOT, env=env, check=False,
        capture_output=True, text=True)
    for line in done.stdout.splitlines():
        if line.startswith(("kills ", "fault proxy:", "contract fuzzing")):
            print(line)
    tail = done.stdout.strip().splitlines()[-1:] if done.stdout.strip() else []
    print(*tail, sep="\n")
    sys.exit(done.returncode)


if __name__ == "__main__":
    main()
