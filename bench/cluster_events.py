"""Stories as events on ECB+ dev: storylens vs TF-IDF agglomerative vs HDBSCAN, grouped CV.

ECB+ dev has 33 topics, each with two different events of the same kind (``<t>_ecb`` and
``<t>_ecbplus``), many outlets per event and no publication dates. All 772 articles are
clustered together, in file order, through the real ingest path (store, syndication,
ANN, assignment) with cached analyses and vectors (bench/cluster_cache.py).

Every knob is chosen by **grouped 5-fold cross-validation over topics**: for each fold, the
setting with the best mean B-cubed F1 on the training topics is applied to the held-out
topics, clustered on their own. The headline is the out-of-fold figure (B-cubed over all
772 articles, each scored in the fold where it was held out); the in-sample best is shown
beside it. The baselines get the same treatment with their own knobs.

Run: .venv/bin/python bench/cluster_events.py [--only storylens|tfidf_agglomerative|hdbscan]
(writes bench/out/cluster_events.json; ``--only`` reruns one method and keeps the others')
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.cluster import HDBSCAN

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_cache import cached_analyses, cached_vectors, ecbplus_articles
from cluster_corpora import OUT, bcubed
from cluster_quality import tfidf_agglomerative

from storylens.cluster import ClusterSettings, story_text
from storylens.store import CorpusWriter, Store, story_partition

FOLDS = 5
THRESHOLDS = (0.45, 0.5, 0.55, 0.6, 0.65)
CUE_WEIGHTS = (0.3, 0.5, 0.7)
MERGE_THRESHOLDS = (0.7,)
STATED_SPANS = (30,)
SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() else None
CUTS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
HDBSCAN_GRID = [(m, e) for m in (1, 2, 3) for e in (0.0, 0.2, 0.3, 0.4, 0.5)]


class FixedEncoder:
    """Cached vectors by story text."""

    def __init__(self, table):
        self.table = table

    def encode(self, sentences):
        return np.array([self.table[s] for s in sentences], dtype=np.float32).reshape(-1, 384)


class CachedAnalyzer:
    """Cached analyses by article id, in the order asked."""

    def __init__(self, analyses):
        self.by_id = {a.article.id: a for a in analyses}

    def __call__(self, articles):
        return [self.by_id[a.id] for a in articles]


def ours(articles, encoder, analyzer, settings):
    """storylens story ids for ``articles`` ingested in order into a fresh store."""
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder, Store(Path(folder) / "e.db") as store:
        writer = CorpusWriter(store, encoder=encoder, analyzer=analyzer, settings=settings)
        for start in range(0, len(articles), 32):
            writer.add_batch(articles[start : start + 32])
        partition = story_partition(store.connection)
    return {a.id: f"s{partition[a.id]}" for a in articles}


def tfidf(articles, cut):
    labels = tfidf_agglomerative(articles, cut)
    return {a.id: f"c{c}" for a, c in zip(articles, labels, strict=True)}


def hdbscan(articles, table, params):
    vectors = np.stack([table[story_text(a)] for a in articles]).astype(np.float64)
    model = HDBSCAN(
        min_cluster_size=2, min_samples=params[0], cluster_selection_epsilon=params[1], copy=True
    )
    try:
        labels = model.fit_predict(vectors)
    except TypeError:  # sklearn's epsilon search fails on some small inputs: all noise
        labels = np.full(len(articles), -1)
    return {
        a.id: f"h{label}" if label >= 0 else f"noise-{a.id}"
        for a, label in zip(articles, labels, strict=True)
    }


def score(predicted, gold, ids):
    precision, recall, f1 = bcubed([gold[i] for i in ids], [predicted[i] for i in ids])
    return {"P": round(precision, 4), "R": round(recall, 4), "F1": round(f1, 4)}


def folds_of(topics):
    """Topics dealt round-robin, in sorted order, into `FOLDS` groups."""
    ordered = sorted(set(topics.values()))
    return [set(ordered[k::FOLDS]) for k in range(FOLDS)]


def cross_validate(name, grid, run, articles, gold, topics):
    """Grouped CV: choose on training topics (one run over all), test on held-out ones alone."""
    folds = folds_of(topics)
    everything = {key: run(articles, key) for key in grid}
    in_sample = {str(k): score(p, gold, [a.id for a in articles]) for k, p in everything.items()}
    predicted, chosen = {}, []
    for number, held_out in enumerate(folds):
        train_ids = [a.id for a in articles if topics[a.id] not in held_out]
        best = max(grid, key=lambda k: score(everything[k], gold, train_ids)["F1"])
        chosen.append(best)
        test = [a for a in articles if topics[a.id] in held_out]
        predicted.update({i: f"f{number}-{p}" for i, p in run(test, best).items()})
    out_of_fold = score(predicted, gold, [a.id for a in articles])
    best_in = max(in_sample, key=lambda k: in_sample[k]["F1"])
    print(f"{name:<28} CV {out_of_fold}  chosen {chosen}")
    print(f"{'':<28} in-sample best {best_in} {in_sample[best_in]}", flush=True)
    return {"cv": out_of_fold, "chosen": [str(c) for c in chosen], "in_sample": in_sample}


def main():
    started = time.perf_counter()
    articles, gold, topics = ecbplus_articles()
    table = cached_vectors("ecbplus", articles)
    analyses = cached_analyses("ecbplus", articles)
    encoder, analyzer = FixedEncoder(table), CachedAnalyzer(analyses)
    base = ClusterSettings()
    grid = [
        (t, w, m, s)
        for w in CUE_WEIGHTS
        for t in THRESHOLDS
        for m in MERGE_THRESHOLDS
        for s in STATED_SPANS
    ]

    def run_ours(subset, key):
        settings = replace(
            base,
            threshold=key[0],
            cue_weight=key[1],
            merge_threshold=key[2],
            stated_span_days=key[3],
        )
        return ours(subset, encoder, analyzer, settings)

    methods = {
        "storylens": lambda: cross_validate(
            "storylens (t, cue w, merge t, stated span)", grid, run_ours, articles, gold, topics
        ),
        "tfidf_agglomerative": lambda: cross_validate(
            "TF-IDF agglomerative (cut)", CUTS, tfidf, articles, gold, topics
        ),
        "hdbscan": lambda: cross_validate(
            "HDBSCAN (min_samples, eps)",
            HDBSCAN_GRID,
            lambda subset, key: hdbscan(subset, table, key),
            articles,
            gold,
            topics,
        ),
    }
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    path = OUT / "cluster_events.json"
    report = json.loads(path.read_text()) if only and path.exists() else {}
    report.update({"articles": len(articles), "folds": [sorted(f) for f in folds_of(topics)]})
    for name, run in methods.items():
        if only in (None, name):
            report[name] = run()
    report["seconds"] = round(time.perf_counter() - started)
    OUT.mkdir(exist_ok=True)
    path.write_text(json.dumps(report, indent=2, default=str))
    print(f"wrote {OUT / 'cluster_events.json'} in {report['seconds']} s")


if __name__ == "__main__":
    main()
