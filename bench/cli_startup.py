"""CLI start-up: wall time of ``storylens --help`` and each ``storylens COMMAND --help``.

Each run is a fresh subprocess of the installed ``storylens`` script (median and max of
``--runs``), beside the peer ``python -c pass`` in the same run, so the figure that matters is
the ratio: what storylens adds to starting Python. A help screen imports no stage (no spaCy,
faiss, onnxruntime, trafilatura, store or comparison code; ``tests/cli/test_first_hour.py``
pins that), and this measures what is left.

Run: .venv/bin/python bench/cli_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORYLENS = Path(sys.executable).with_name("storylens")
COMMANDS = ["analyze", "compare", "ingest", "stories", "show", "export", "serve"]


def _time(argv: list[str], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    peer, _ = _time([sys.executable, "-c", "pass"], args.runs)
    print(f"python -c pass: median {peer:.3f} s (the peer)")
    settings = [("storylens --help", [str(STORYLENS), "--help"])]
    settings += [(f"storylens {c} --help", [str(STORYLENS), c, "--help"]) for c in COMMANDS]
    for name, argv in settings:
        median, worst = _time(argv, args.runs)
        print(f"{name:28s} median {median:.3f} s, max {worst:.3f} s, {median / peer:.1f}× python")


if __name__ == "__main__":
    main()
