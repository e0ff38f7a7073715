"""Ingest PolNeAR-derived articles with a sprinkling of hostile records, through the real CLI.

The corpus: ``COUNT`` articles made from PolNeAR train + dev (new dates, shuffled paragraphs,
swapped names: `cluster_corpora.perturbed_records`), and every ``EVERY``-th line a hostile
record from the audit of issue 19 (a paragraph over spaCy's 1,000,000 characters, a lone
surrogate, JSON nested 100,000 deep, rich markup in outlet and title, a 1 MB id, Feb. 29 in
an article dated January 2016, ESC/OSC sequences, a broken line, a record over --max-bytes).
Records the reader must refuse are "bad"; the others, hostile or not, are "good".

It runs ``storylens ingest`` once (a child process; peak RSS is that process's) and checks:
stored articles = good records (none lost to a bad neighbour), exactly one error line per bad
record, exit status 1. It reports articles/s, peak RSS and the store's size per article.

Run: .venv/bin/python bench/reliability_ingest.py [COUNT [EVERY]] [--no-analyze] [--jobs=N]
(default 10,000 analysed, a hostile record every 500; writes bench/out/). Speed figures depend
on the machine's load: the script prints the conditions (cores, load average) it ran under.
"""

from __future__ import annotations

import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_corpora import OUT, perturbed_records, polnear_records

EVERY = 500
"""One hostile record after every this many good ones."""

MAX_BYTES = 5_000_000


def hostile_lines(n: int) -> list[tuple[str, bool]]:
    """The hostile records (JSONL line, whether ingest must accept it), numbered by ``n``."""
    body = "The committee met again on Monday and officials said the talks would go on. "
    deep = "[" * 100_000 + "]" * 100_000
    return [
        (json.dumps({"id": f"huge-{n}", "text": body * 13_500, "outlet": "Huge Wire"}), True),
        (json.dumps({"id": f"surrogate-{n}", "text": body * 5 + "\ud800", "outlet": "S"}), True),
        (f'{{"id": "deep-{n}", "text": "{body}", "meta": {deep}}}', False),
        (
            json.dumps(
                {"id": f"markup-{n}", "text": body * 4, "outlet": "[/bold]", "title": "[link=x]y"}
            ),
            True,
        ),
        (json.dumps({"id": "i" * 1_000_000, "text": body * 4}), False),
        (
            json.dumps(
                {
                    "id": f"leap-{n}",
                    "text": "The review ends on Feb. 29, officials said. " + body * 4,
                    "date": "2016-01-07",
                }
            ),
            True,
        ),
        (
            json.dumps({"id": f"esc-{n}", "text": body * 4, "title": "\x1b[2J\x1b]0;t\x07 t"}),
            True,
        ),
        ('{"id": "broken", "text": "unterminated', False),
        (json.dumps({"id": f"big-{n}", "text": "word " * (MAX_BYTES // 4)}), False),
    ]


def build_corpus(count: int, path: Path, every: int) -> tuple[int, int]:
    """Write the corpus; returns (good records, bad records)."""
    good = bad = slot = 0
    base = polnear_records()
    with path.open("w", encoding="utf-8") as handle:
        for n, record in enumerate(perturbed_records(base, count)):
            handle.write(json.dumps(record) + "\n")
            good += 1
            if (n + 1) % every == 0:
                hostile = hostile_lines(n)
                line, accepted = hostile[slot % len(hostile)]
                slot += 1
                handle.write(line + "\n")
                good += accepted
                bad += not accepted
    return good, bad


def main() -> None:
    """Build, ingest, check and report."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 10_000
    every = int(args[1]) if len(args) > 1 else EVERY
    analyze = "--no-analyze" not in sys.argv
    jobs = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--jobs=")), "1")
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        good, bad = build_corpus(count, corpus, every)
        db = Path(folder) / "bench.db"
        command = [sys.executable, "-c", "from storylens.cli import main; main()", "ingest"]
        command += [str(corpus), "--db", str(db), "--quiet", "--max-bytes", str(MAX_BYTES)]
        command += ["-j", jobs] if analyze else ["--no-analyze"]
        load = os.getloadavg()
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        stored = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        size = sum(p.stat().st_size for p in Path(folder).glob("bench.db*"))
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    summary = next((line for line in lines if line.startswith("ingested ")), "")
    errors = [line for line in lines if not line.startswith("ingested ")]
    found = re.search(r"(\d+) duplicates? skipped", summary)
    duplicates = int(found.group(1)) if found else 0
    report = {
        "records": good + bad,
        "good": good,
        "bad": bad,
        "analysed": analyze,
        "stored": stored,
        "duplicates_skipped": duplicates,
        "stored_equals_good": stored + duplicates == good,
        "error_lines": len(errors),
        "one_line_per_bad": len(errors) == bad,
        "exit_status": result.returncode,
        "traceback": "Traceback" in result.stderr,
        "seconds": round(seconds, 1),
        "articles_per_second": round(good / seconds, 2),
        "peak_rss_mb": round(peak_kib / 1024),
        "store_kb_per_article": round(size / max(stored, 1) / 1024, 1),
        "processes": int(jobs),
        "conditions": {"cores": os.cpu_count(), "load_average_at_start": load},
        "summary_line": summary,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    name = f"reliability_ingest{'' if analyze else '_no_analyze'}_{count}.json"
    (OUT / name).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
