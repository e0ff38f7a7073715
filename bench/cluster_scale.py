"""Ingest + cluster speed, and how the cost per article grows with the store.

1. Throughput: PolNeAR train (840 articles) through the real ingest path (JSONL reader, clean,
   MiniLM embedding, SQLite store, MinHash syndication, story clustering; no spaCy analysis).
2. Growth: stores of 1k, 10k and 100k articles made by perturbing real BASIL + PolNeAR
   articles (new dates over 2010–2018, shuffled paragraphs, three names swapped), each size
   in its own process (peak RSS is that process's). Two modes:
   - ``full`` (1k, 10k): real MiniLM embedding of every perturbed article;
   - ``pool`` (1k, 10k, 100k): cluster-only — vectors are real MiniLM vectors of 2,000
     perturbed articles, each reused with Gaussian noise (cosine ~0.9), so embedding is
     skipped; everything else (clean, store, MinHash, ANN, assignment) runs for real.
   The cost per article is reported over the last 10 % of each run (store at ~90–100 % of
   its final size) and over the first 1,000 articles.

Run: .venv/bin/python bench/cluster_scale.py [SIZES…] [--pool-only]
(writes bench/out/cluster_scale.json)
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_corpora import (
    BASIL,
    OUT,
    PoolEncoder,
    perturbed_records,
    polnear_records,
    write_jsonl,
)

from storylens.clean import clean_article
from storylens.cluster import story_text
from storylens.embedding import default_encoder
from storylens.ingest.records import read_record
from storylens.model import RawArticle
from storylens.store import CorpusWriter, Store, ingest_inputs

POOL = 2000
BATCH = 32


class TimedEncoder:
    """Wraps an encoder and adds up the seconds spent embedding."""

    def __init__(self, encoder):
        self.encoder = encoder
        self.seconds = 0.0

    def encode(self, sentences):
        started = time.perf_counter()
        vectors = self.encoder.encode(sentences)
        self.seconds += time.perf_counter() - started
        return vectors


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def base_records():
    with BASIL.open(encoding="utf-8") as lines:
        basil = [json.loads(line) for line in lines]
    return [*basil, *polnear_records()]


def throughput():
    corpus = write_jsonl(polnear_records(("train",)), OUT / "polnear-train.jsonl")
    encoder = TimedEncoder(default_encoder())
    encoder.encode(["warm up"])
    encoder.seconds = 0.0
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "t.db") as store:
        started = time.perf_counter()
        summary = ingest_inputs(CorpusWriter(store, encoder=encoder), [str(corpus)])
        seconds = time.perf_counter() - started
    done = summary.ingested + summary.copies + summary.duplicates
    return {
        "articles": done,
        "ingested": summary.ingested,
        "copies": summary.copies,
        "duplicates": summary.duplicates,
        "seconds": seconds,
        "articles_per_s": done / seconds,
        "embedding_seconds": encoder.seconds,
        "articles_per_s_without_embedding": done / (seconds - encoder.seconds),
        "peak_rss_mb": peak_mb(),
    }


def grow(size, mode):
    records = base_records()
    if mode == "pool":
        pool_texts = [
            story_text(clean_article(read_record(r, input_name="pool")))
            for r in perturbed_records(records, POOL, seed=99)
        ]
        encoder = TimedEncoder(PoolEncoder(default_encoder().encode(pool_texts)))
    else:
        encoder = TimedEncoder(default_encoder())
    stream = perturbed_records(records, size)
    timings = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "grow.db"
        with Store(path) as store:
            writer = CorpusWriter(store, encoder=encoder)
            while batch := list(islice(stream, BATCH)):
                started = time.perf_counter()
                embedded = encoder.seconds
                raws = [read_record(r, input_name=r["id"]) for r in batch]
                writer.add_batch([clean_article(r) for r in raws if isinstance(r, RawArticle)])
                total = time.perf_counter() - started
                timings.append((len(batch), total, total - (encoder.seconds - embedded)))
            stories = store.connection.execute("SELECT count(*) FROM stories").fetchone()[0]
            copies = store.connection.execute("SELECT count(*) FROM syndication").fetchone()[0]
            loaded = writer.index.loaded_buckets
        db_mb = sum(p.stat().st_size for p in Path(folder).iterdir()) / 1e6
    return summarise(
        size, mode, timings, stories=stories, copies=copies, db_mb=db_mb, loaded=loaded
    )


def summarise(size, mode, timings, **extra):
    def per_article(rows, column):
        return 1000 * sum(r[column] for r in rows) / sum(r[0] for r in rows)

    tail = timings[int(len(timings) * 0.9) :]
    head = timings[: max(1, 1000 // BATCH)]
    return {
        "size": size,
        "mode": mode,
        "ms_per_article_last_10pct": per_article(tail, 1),
        "ms_per_article_last_10pct_without_embedding": per_article(tail, 2),
        "ms_per_article_first_1k": per_article(head, 1),
        "ms_per_article_first_1k_without_embedding": per_article(head, 2),
        "seconds": sum(r[1] for r in timings),
        "peak_rss_mb": peak_mb(),
        **extra,
    }


def run_child(size, mode):
    command = [sys.executable, __file__, "--grow", str(size), mode]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--grow":
        print(json.dumps(grow(int(sys.argv[2]), sys.argv[3])))
        return
    pool_only = "--pool-only" in sys.argv
    sizes = [int(s) for s in sys.argv[1:] if s.isdigit()] or [1000, 10_000, 100_000]
    report = {"throughput_polnear_train": throughput()}
    t = report["throughput_polnear_train"]
    print(
        f"PolNeAR train: {t['articles']} articles in {t['seconds']:.1f} s = "
        f"{t['articles_per_s']:.1f} articles/s ({t['articles_per_s_without_embedding']:.0f}/s "
        f"without embedding), peak RSS {t['peak_rss_mb']:.0f} MB"
    )
    runs = [(s, "full") for s in sizes if s <= 10_000 and not pool_only]
    runs += [(s, "pool") for s in sizes]
    report["growth"] = []
    print(
        f"\n{'size':>7} {'mode':<5} {'ms/art last10%':>15} {'(no embed)':>11} "
        f"{'ms/art first1k':>15} {'(no embed)':>11} {'peak MB':>8} {'db MB':>7} {'stories':>8}"
    )
    for size, mode in runs:
        row = run_child(size, mode)
        report["growth"].append(row)
        print(
            f"{size:>7} {mode:<5} {row['ms_per_article_last_10pct']:15.2f} "
            f"{row['ms_per_article_last_10pct_without_embedding']:11.2f} "
            f"{row['ms_per_article_first_1k']:15.2f} "
            f"{row['ms_per_article_first_1k_without_embedding']:11.2f} "
            f"{row['peak_rss_mb']:8.0f} {row['db_mb']:7.0f} {row['stories']:8} {row['copies']:7}"
        )
    OUT.mkdir(exist_ok=True)
    (OUT / "cluster_scale.json").write_text(json.dumps(report, indent=2))
    print(f"\nwrote {OUT / 'cluster_scale.json'}")


if __name__ == "__main__":
    main()
