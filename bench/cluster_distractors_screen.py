"""Screen event scores against distractors fast: BASIL dev + PolNeAR in a greedy replay.

The replay of bench/cluster_events_screen.py (no store, no ANN, no lone-story absorption:
every story whose time fits is a candidate) run over BASIL dev followed by PolNeAR articles,
scored as bench/cluster_quality.py scores the mixed setting: B-cubed on the BASIL articles,
and **counted** (every PolNeAR article in a story with a BASIL article is a wrong member).

Each variant is run at the knobs the ECB+ screen's grouped CV chose for it (all or most
folds; nothing here is chosen on BASIL or PolNeAR), and at a few thresholds around them
(a sweep, shown to read the trade-off, not to choose). ``--split train`` (default) uses
PolNeAR train (840 articles) as distractors: the development split. ``--split dev`` uses
PolNeAR dev (84 articles): held out, to be run once at the end; ``--split all`` both.

Run: .venv/bin/python bench/cluster_distractors_screen.py [--split train|dev|all]
(about 1.5 minutes per variant on a loaded VM, analyses and vectors from the cache)
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_cache import cached_analyses, cached_vectors
from cluster_corpora import basil_articles, bcubed, polnear_articles
from cluster_events_screen import Item, replay, terms

from storylens.cluster import ClusterSettings, story_text
from storylens.cluster.features import event_cues

CHOSEN = {
    "shipped (c+q)": (0.45, {"c": 0.5, "q": 0.5}),
    "c+qi": (0.5, {"c": 0.5, "qi": 0.5}),
    "c+q+l": (0.35, {"c": 0.3, "q": 0.3, "l": 0.4}),
    "c+qi+l": (0.35, {"c": 0.3, "qi": 0.3, "l": 0.4}),
}
"""Each variant's (threshold, weights) as chosen by ``cluster_events_screen.py`` CV on ECB+."""
SWEEP = (-0.05, 0.05, 0.1, 0.15)
"""Threshold offsets also shown (the real path's 0.6 for c+q is the chosen 0.45 + 0.15)."""


def load(split: str) -> tuple[list[Item], dict[str, str]]:
    """BASIL dev then the PolNeAR split's articles as replay items, and BASIL's gold."""
    basil, gold = basil_articles()
    compartments = ("train", "dev") if split == "all" else (split,)
    polnear = polnear_articles(compartments)
    items = []
    for name, part in (("basil", basil), ("polnear", polnear)):
        table = cached_vectors(name, part)
        for article, analysis in zip(part, cached_analyses(name, part), strict=True):
            items.append(
                Item(
                    id=article.id,
                    vector=table[story_text(article)].astype(np.float32),
                    cues=event_cues(article, analysis),
                    terms=terms(f"{article.title}\n{article.text}"),
                )
            )
    return items, gold


def scores(items: list[Item], labels: dict[str, int], gold: dict[str, str]) -> str:
    """BASIL-only F1, and counted P / R / F1 with the distractors in BASIL stories."""
    basil_ids = [it.id for it in items if it.id in gold]
    only = bcubed([gold[i] for i in basil_ids], [labels[i] for i in basil_ids])
    stories = {labels[i] for i in basil_ids}
    kept = [it.id for it in items if it.id in gold or labels[it.id] in stories]
    p, r, f = bcubed([gold.get(i, f"distractor-{i}") for i in kept], [labels[i] for i in kept])
    joined = len(kept) - len(basil_ids)
    return f"BASIL F1 {only[2]:.3f} | counted P {p:.3f} R {r:.3f} F1 {f:.3f} ({joined} joined)"


def main() -> None:
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "train"
    items, gold = load(split)
    print(f"{len(gold)} BASIL + {len(items) - len(gold)} PolNeAR {split} articles", flush=True)
    settings = ClusterSettings()
    for name, (threshold, weights) in CHOSEN.items():
        for offset in (0.0, *SWEEP):
            labels = replay(items, (threshold + offset, weights), settings)
            tag = "ECB+-chosen" if offset == 0 else "sweep"
            line = scores(items, labels, gold)
            print(f"{name:<14} t {threshold + offset:.2f} ({tag:<11}) {line}", flush=True)


if __name__ == "__main__":
    main()
