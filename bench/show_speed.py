"""`storylens show` of one story with many accounts: first showing and shown again (cached).

The story is built as a user would build it: the first ``--articles`` ECB+ dev articles (real
news, several topics, ../shared/data/ecbplus-dev) are ingested with ``storylens ingest -j 2``
into a new store, and every story they formed is merged into the largest with ``storylens
stories merge``. Then ``storylens show STORY --format json -o report.json`` runs twice, each a
fresh process as a user runs it: the first computes and stores the fact vectors, the second
finds them in the store; then the terminal report and the HTML page, cached. Wall time of
each command (process start and model loads included),
the accounts compared (copies count once), and the rows, quote groups and conflicts of the
report.

    .venv/bin/python bench/show_speed.py [--articles 200]   (writes bench/out/show_speed.json)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"
OUT = ROOT / "bench" / "out" / "show_speed.json"
STORYLENS = Path(sys.executable).with_name("storylens")


def run(*args: str) -> tuple[float, str]:
    """Seconds and standard output of one storylens command (exit status 0 required)."""
    start = time.perf_counter()
    done = subprocess.run([str(STORYLENS), *args], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"storylens {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return seconds, done.stdout


def corpus(folder: Path, count: int) -> Path:
    """The first ``count`` ECB+ articles as a JSONL file storylens reads."""
    path = folder / "articles.jsonl"
    with DATA.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for n, line in enumerate(source):
            if n >= count:
                break
            r = json.loads(line)
            record = {"id": r["id"], "text": r["text"], "outlet": r["outlet"] or r["id"]}
            if r["url"]:
                record["url"] = r["url"]
            out.write(json.dumps(record) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = str(folder / "s.db")
        ingest_s, _ = run(
            "ingest", "--quiet", "-j", "2", "--db", db, str(corpus(folder, args.articles))
        )
        _, listing = run("stories", "--db", db, "--format", "json", "--limit", "100000")
        stories = sorted(json.loads(listing), key=lambda s: -len(s["article_ids"]))
        target, others = stories[0]["id"], [str(s["id"]) for s in stories[1:]]
        if others:
            run("stories", "merge", "--db", db, str(target), *others)
        report = folder / "report.json"
        first, _ = run("show", "--db", db, str(target), "--format", "json", "-o", str(report))
        again, _ = run("show", "--db", db, str(target), "--format", "json", "-o", str(report))
        text, _ = run("show", "--db", db, str(target), "--format", "text")
        html, _ = run("show", "--db", db, str(target), "-o", str(folder / "report.html"))
        comparison = json.loads(report.read_text(encoding="utf-8"))["comparison"]
    figures = {
        "articles": args.articles,
        "stories_merged": len(stories),
        "accounts_compared": len(comparison["articles"]),
        "rows": len(comparison["rows"]),
        "quote_groups": len(comparison["quote_groups"]),
        "conflicts": len(comparison["conflicts"]),
        "ingest_s": round(ingest_s, 1),
        "show_first_s": round(first, 2),
        "show_cached_s": round(again, 2),
        "show_cached_text_s": round(text, 2),
        "show_cached_html_s": round(html, 2),
    }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
