"""Story clustering quality: storylens vs HDBSCAN (same embeddings) vs TF-IDF agglomerative.

Settings: BASIL dev alone (150 articles, 50 stories), and BASIL mixed with every PolNeAR
train+dev article as a distractor. The mixed setting is scored two ways: on the BASIL
articles only (predicted clusters restricted to them: a distractor inside a BASIL story is
not seen), and with distractors **counted**: every distractor that lands in a story with a
BASIL article is scored too, as a story of its own in the gold (a wrong member of that
story, lowering its precision). Metrics: B-cubed precision/recall/F1 and ARI.
storylens ingests each article with its analysis (cached, bench/cluster_cache.py), as
``storylens ingest`` does.
Every tunable knob (our threshold, HDBSCAN's min_samples/epsilon, the agglomerative cut) is
chosen on BASIL dev alone and then applied unchanged to the mixed setting.

Run: .venv/bin/python bench/cluster_quality.py [--quick]
(writes bench/out/cluster_quality.json; ``--quick`` skips the storylens threshold sweep and
the random orders of the mixed setting)
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.cluster import HDBSCAN, AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_cache import cached_analyses
from cluster_corpora import OUT, basil_articles, bcubed, polnear_articles

from storylens.cluster import ClusterSettings, story_text
from storylens.embedding import default_encoder
from storylens.ingest.identity import content_hash
from storylens.store import CorpusWriter, Store, story_partition

THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
SEEDS = 10
QUICK = "--quick" in sys.argv
"""``--quick``: no threshold sweep for storylens, random orders on BASIL dev only."""


class FixedEncoder:
    """Vectors computed once per text, so every run and order sees the same embeddings."""

    def __init__(self, texts, vectors):
        self.table = dict(zip(texts, vectors, strict=True))

    def encode(self, sentences):
        return np.array([self.table[s] for s in sentences], dtype=np.float32).reshape(-1, 384)


SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() else None
ANALYSES = {}


def analyzer(articles):
    """Cached analyses of the articles asked for, in order."""
    return [ANALYSES[a.id] for a in articles]


def ours(articles, encoder, settings):
    with (
        tempfile.TemporaryDirectory(dir=SCRATCH) as folder,
        Store(Path(folder) / "q.db") as store,
    ):
        writer = CorpusWriter(store, encoder=encoder, analyzer=analyzer, settings=settings)
        for start in range(0, len(articles), 32):
            writer.add_batch(articles[start : start + 32])
        partition = story_partition(store.connection)
        return [partition.get(a.id) or twin_story(store, a) for a in articles]


def twin_story(store, article):
    """The story of the stored article this exact duplicate was skipped for."""
    digest = content_hash(f"{article.outlet}\n{article.text}")
    row = store.connection.execute(
        "SELECT m.story_id FROM articles a JOIN story_members m ON m.article_id = a.id"
        " WHERE a.content_hash = ?",
        (digest,),
    ).fetchone()
    return row[0]


def hdbscan(vectors, min_samples, epsilon):
    labels = HDBSCAN(
        min_cluster_size=2, min_samples=min_samples, cluster_selection_epsilon=epsilon, copy=True
    ).fit_predict(vectors)
    return [int(label) if label >= 0 else f"noise-{i}" for i, label in enumerate(labels)]


def tfidf_agglomerative(articles, cut):
    texts = [f"{a.title}\n{a.text}" for a in articles]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english", max_df=0.5).fit_transform(
        texts
    )
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=cut
    )
    return list(model.fit_predict(matrix.toarray()))


def score(articles, predicted, gold, *, counted=False):
    """B-cubed and ARI on the BASIL articles; ``counted``: and on distractors in their stories."""
    basil_stories = {p for a, p in zip(articles, predicted, strict=True) if a.id in gold}
    pairs = [
        (gold.get(a.id, f"distractor-{a.id}"), p)
        for a, p in zip(articles, predicted, strict=True)
        if a.id in gold or (counted and p in basil_stories)
    ]
    g, p = [x for x, _ in pairs], [str(y) for _, y in pairs]
    precision, recall, f1 = bcubed(g, p)
    return {"P": precision, "R": recall, "F1": f1, "ARI": adjusted_rand_score(g, p)}


def tune(name, grid, run, articles, gold):
    results = {str(k): score(articles, run(k), gold) for k in grid}
    best = max(grid, key=lambda k: results[str(k)]["F1"])
    print(f"  {name} on basil-dev: " + ", ".join(f"{k}→{r['F1']:.3f}" for k, r in results.items()))
    return best, results


def orders(articles, seed=0):
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    by_date = sorted(articles, key=lambda a: (a.published is None, a.published or 0, a.id))
    return {"file order": list(articles), "date order": by_date, "shuffled": shuffled}


def order_spread(basil, mixed, encoder, settings, gold):
    """storylens F1 over `SEEDS` random arrival orders of each setting (order sensitivity)."""
    spread = {"basil-dev": [], "basil+polnear": [], "basil+polnear counted": []}
    for seed in range(1, SEEDS + 1):
        ordered = orders(basil, seed=seed)["shuffled"]
        spread["basil-dev"].append(score(ordered, ours(ordered, encoder, settings), gold)["F1"])
        if QUICK:
            continue
        ordered = orders(mixed, seed=seed)["shuffled"]
        predicted = ours(ordered, encoder, settings)
        spread["basil+polnear"].append(score(ordered, predicted, gold)["F1"])
        spread["basil+polnear counted"].append(score(ordered, predicted, gold, counted=True)["F1"])
    return spread


def main():
    started = time.perf_counter()
    basil, gold = basil_articles()
    polnear = polnear_articles()
    mixed = basil + polnear
    ANALYSES.update(
        (a.article.id, a)
        for name, part in (("basil", basil), ("polnear", polnear))
        for a in cached_analyses(name, part)
    )
    texts = [story_text(a) for a in mixed]
    vectors = default_encoder().encode(texts)
    encoder = FixedEncoder(texts, vectors)
    index = {a.id: i for i, a in enumerate(mixed)}
    print(f"{len(basil)} BASIL + {len(polnear)} PolNeAR articles embedded")

    default = ClusterSettings()
    ours_best, ours_sweep = tune(
        "storylens threshold",
        (default.threshold,) if QUICK else THRESHOLDS,
        lambda t: ours(basil, encoder, replace(default, threshold=t)),
        basil,
        gold,
    )
    hdb_grid = [(m, e) for m in (1, 2, 3) for e in (0.0, 0.2, 0.4, 0.6)]
    hdb_best, _ = tune(
        "HDBSCAN (min_samples, epsilon)",
        hdb_grid,
        lambda k: hdbscan(vectors[[index[a.id] for a in basil]], *k),
        basil,
        gold,
    )
    agg_best, _ = tune(
        "TF-IDF agglomerative cut",
        (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9),
        lambda c: tfidf_agglomerative(basil, c),
        basil,
        gold,
    )

    rows = []
    for setting, articles in (("basil-dev", basil), ("basil+polnear", mixed)):
        views = [(setting, False)] + ([(f"{setting} counted", True)] if articles is mixed else [])
        runs = {order: (o, ours(o, encoder, default)) for order, o in orders(articles).items()}
        hdb = hdbscan(vectors[[index[a.id] for a in articles]], *hdb_best)
        agg = tfidf_agglomerative(articles, agg_best)
        for name, counted in views:
            for order, (ordered, predicted) in runs.items():
                method = f"storylens (t={default.threshold}, {order})"
                rows.append((name, method, score(ordered, predicted, gold, counted=counted)))
            rows.append((name, f"HDBSCAN {hdb_best}", score(articles, hdb, gold, counted=counted)))
            method = f"TF-IDF agglomerative cut={agg_best}"
            rows.append((name, method, score(articles, agg, gold, counted=counted)))

    spread = order_spread(basil, mixed, encoder, default, gold)
    print(f"\n{'setting':<22} {'method':<42} {'P':>6} {'R':>6} {'F1':>6} {'ARI':>6}")
    for setting, method, s in rows:
        print(
            f"{setting:<22} {method:<42} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} {s['ARI']:6.3f}"
        )
    for setting, f1s in ((k, v) for k, v in spread.items() if v):
        print(
            f"storylens F1 over {SEEDS} random arrival orders, {setting}: "
            f"mean {np.mean(f1s):.4f}, min {min(f1s):.3f}"
        )
    OUT.mkdir(exist_ok=True)
    report = {
        "f1_over_random_orders": spread,
        "articles": {"basil": len(basil), "polnear": len(polnear)},
        "default_settings": str(default),
        "threshold_sweep_on_basil_dev": ours_sweep,
        "best_threshold_on_basil_dev": ours_best,
        "hdbscan_params": hdb_best,
        "agglomerative_cut": agg_best,
        "rows": [{"setting": a, "method": b, **s} for a, b, s in rows],
        "seconds": time.perf_counter() - started,
    }
    (OUT / "cluster_quality.json").write_text(json.dumps(report, indent=2, default=str))
    print(f"\nwrote {OUT / 'cluster_quality.json'} in {report['seconds']:.0f} s")


if __name__ == "__main__":
    main()
