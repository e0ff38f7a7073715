"""The driver's share of a run: what the one writer spends per article, by part.

Analyses and story vectors of the first ``--articles`` PolNeAR train texts are prepared once
(local engine, this process); then the driver's work is timed on them alone, each part over
every article, ``--repeat`` times into fresh stores (median):

- ``decode``: a Ray unit's columns back into analyses and vectors (`result_from_columns`),
  what the driver does for every unit from a Ray cluster (the local pool gets pickles);
- ``write_with_analysis``: `CorpusWriter.add_prepared` as ``ingest`` does it (article,
  analysis JSON, MinHash signature and syndication, embedding, story assignment, one
  transaction per article);
- ``write_without_analysis``: the same with no analysis (``ingest --no-analyze``), the path
  bench/cluster_scale.py measures at 1k/10k/100k stored.

Run: .venv/bin/python bench/engine_driver.py [--articles 128] [--repeat 3]
(writes bench/out/engine_driver.json)
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from itertools import islice
from pathlib import Path

from storylens.engine import Work
from storylens.engine.worker import Worker, result_from_columns, result_to_columns
from storylens.pipeline import read_articles
from storylens.store import CorpusWriter, Store

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
OUT = ROOT / "bench" / "out" / "engine_driver.json"
UNIT = 32


def prepared_units(count):
    paths = [str(p) for p in sorted(TEXTS.glob("*.txt"))[:count]]
    articles = iter(read_articles(paths))
    worker = Worker(Work())
    units = []
    while unit := list(islice(articles, UNIT)):
        units.append((unit, worker.run(unit)))
    return units


def time_decode(units):
    columns = [result_to_columns(result) for _, result in units]
    began = time.perf_counter()
    for column in columns:
        result_from_columns(column)
    return time.perf_counter() - began


def time_write(units, *, with_analysis):
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "d.db") as store:
        writer = CorpusWriter(store)
        seconds = 0.0
        for articles, result in units:
            fresh, _ = writer.select_fresh(articles)
            analyses = result.analyses if with_analysis else (None,) * len(articles)
            began = time.perf_counter()
            writer.add_prepared(list(fresh.values()), (result.vectors, analyses))
            seconds += time.perf_counter() - began
    return seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=128)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    units = prepared_units(args.articles)
    count = sum(len(articles) for articles, _ in units)
    parts = {
        "decode": lambda: time_decode(units),
        "write_with_analysis": lambda: time_write(units, with_analysis=True),
        "write_without_analysis": lambda: time_write(units, with_analysis=False),
    }
    result = {"articles": count, "repeat": args.repeat, "ms_per_article": {}}
    for name, part in parts.items():
        runs = [1000 * part() / count for _ in range(args.repeat)]
        result["ms_per_article"][name] = {
            "median": round(statistics.median(runs), 2),
            "runs": [round(r, 2) for r in runs],
        }
        print(name, result["ms_per_article"][name], flush=True)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
