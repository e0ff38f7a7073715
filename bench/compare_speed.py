"""Latency of ``compare`` for 2, 10, 30 and 50 articles, with and without the analysis.

Also with fact vectors from the store's sentence-vector cache (``CachedEncoder`` over a
temporary SQLite store, as ``storylens show`` uses it): *cache cold* starts from an empty store
each run (encode everything, write the vectors back), *cache warm* finds every vector stored.

Articles are the first N of ../shared/data/basil-dev (several stories: the worst case for the
number of candidate pairs is the same). The spaCy pipeline and the MiniLM encoder are loaded
before timing (their load times are reported separately); each figure is the best of 3 runs.

    .venv/bin/python bench/compare_speed.py
    .venv/bin/python bench/compare_speed.py --warm --sizes 30   # cached figures only
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from storylens.compare import compare_analyses
from storylens.embedding import default_encoder
from storylens.pipeline import analyze_articles, read_articles
from storylens.store import CachedEncoder, Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "basil-dev" / "articles.jsonl"
SIZES = (2, 10, 30, 50)
RUNS = 3


def _write(records: list[dict], folder: Path) -> str:
    path = folder / "articles.jsonl"
    rows = [{k: r[k] for k in ("id", "title", "outlet", "text", "date")} for r in records]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return str(path)


def _best(function) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def _cached(analyses: list, folder: Path) -> tuple[float, float, int]:
    """(cache cold, cache warm) seconds, best of RUNS each, and the vectors stored."""
    colds = []
    for run in range(RUNS):
        with Store(folder / f"cold-{len(analyses)}-{run}.db") as store:
            encoder = CachedEncoder(default_encoder(), store)
            start = time.perf_counter()
            compare_analyses(analyses, encoder=encoder)
            colds.append(time.perf_counter() - start)
    with Store(folder / f"cold-{len(analyses)}-0.db") as store:
        encoder = CachedEncoder(default_encoder(), store)
        warm = _best(lambda: compare_analyses(analyses, encoder=encoder))
        stored = store.connection.execute("SELECT count(*) FROM sentence_vectors").fetchone()[0]
    assert encoder.misses == 0, "the warm runs encoded something"
    return min(colds), warm, int(stored)


def warm_only(records: list[dict], sizes: list[int]) -> None:
    """Only the cached figures (``--warm``): one cold run fills the store, then best of 3 warm."""
    with tempfile.TemporaryDirectory() as folder:
        print("articles  facts  cache cold (s)  cache warm (s)  vectors cached")
        for size in sizes:
            sized = _write(records[:size], Path(folder))
            analyses = list(analyze_articles(read_articles([sized])))
            with Store(Path(folder) / f"warm-{size}.db") as store:
                encoder = CachedEncoder(default_encoder(), store)
                start = time.perf_counter()
                facts = len(compare_analyses(analyses, encoder=encoder).facts)
                cold = time.perf_counter() - start
                warm = _best(lambda a=analyses, e=encoder: compare_analyses(a, encoder=e))
                stored = store.connection.execute("SELECT count(*) FROM sentence_vectors")
                count = int(stored.fetchone()[0])
            print(f"{size:8d}  {facts:5d}  {cold:14.3f}  {warm:14.3f}  {count:14d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--warm", action="store_true", help="only the cached figures")
    args = parser.parse_args()
    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    if args.warm:
        warm_only(records, args.sizes)
        return
    start = time.perf_counter()
    default_encoder()
    encoder_load = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        path = _write(records[: max(SIZES)], Path(folder))
        start = time.perf_counter()
        list(analyze_articles(read_articles([path])))
        first = time.perf_counter() - start
        print(
            f"encoder load {encoder_load:.2f} s; first analysis of 50 (incl. spaCy load) "
            f"{first:.2f} s"
        )
        print(
            "articles  facts  compare only (s)  analyse + compare (s)  "
            "cache cold (s)  cache warm (s)  vectors cached"
        )
        for size in args.sizes:
            sized = _write(records[:size], Path(folder))
            analyses = list(analyze_articles(read_articles([sized])))
            only = _best(lambda a=analyses: compare_analyses(a))
            both = _best(
                lambda p=sized: compare_analyses(list(analyze_articles(read_articles([p]))))
            )
            facts = len(compare_analyses(analyses).facts)
            cold, warm, stored = _cached(analyses, Path(folder))
            print(
                f"{size:8d}  {facts:5d}  {only:16.3f}  {both:21.3f}  "
                f"{cold:14.3f}  {warm:14.3f}  {stored:14d}"
            )


if __name__ == "__main__":
    main()
