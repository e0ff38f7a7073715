"""Which PolNeAR distractors land in BASIL stories, so each can be read and judged.

The counted score of bench/cluster_quality.py calls every PolNeAR article inside a story
with a BASIL article a wrong member; some may be true accounts of the same event (PolNeAR
is 2016 election coverage, as is much of BASIL dev). This lists, for each such story, the
BASIL articles (date, outlet, title) and the distractors beside them, in file order, at
the shipped settings, through the real ingest path with cached analyses and vectors.

Run: .venv/bin/python bench/cluster_distractors.py   (writes bench/out/cluster_distractors.json)
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cluster_quality
from cluster_cache import cached_analyses, cached_vectors
from cluster_corpora import OUT, basil_articles, polnear_articles
from cluster_events import FixedEncoder

from storylens.cluster import ClusterSettings


def describe(article, gold):
    day = article.published.date().isoformat() if article.published else "undated"
    return {
        "id": article.id,
        "gold": gold.get(article.id),
        "day": day,
        "outlet": article.outlet,
        "title": article.title,
    }


def main() -> None:
    basil, gold = basil_articles()
    polnear = polnear_articles()
    mixed = basil + polnear
    table = {}
    for name, part in (("basil", basil), ("polnear", polnear)):
        table.update(cached_vectors(name, part))
        cluster_quality.ANALYSES.update((a.article.id, a) for a in cached_analyses(name, part))
    predicted = cluster_quality.ours(mixed, FixedEncoder(table), ClusterSettings())
    members = collections.defaultdict(list)
    for article, story in zip(mixed, predicted, strict=True):
        members[story].append(article)
    report = []
    for story, group in members.items():
        basil_part = [a for a in group if a.id in gold]
        others = [a for a in group if a.id not in gold]
        if basil_part and others:
            report.append(
                {
                    "story": story,
                    "basil": [describe(a, gold) for a in basil_part],
                    "distractors": [describe(a, gold) for a in others],
                }
            )
    report.sort(key=lambda r: -len(r["distractors"]))
    for entry in report:
        counts = f"{len(entry['basil'])} BASIL, {len(entry['distractors'])} distractors"
        print(f"\nstory {entry['story']}: {counts}")
        for row in entry["basil"] + entry["distractors"]:
            tag = row["gold"] or "DISTRACTOR"
            print(f"  {tag:<12} {row['day']} {row['outlet'][:18]:<18} {row['title'][:90]}")
    total = sum(len(r["distractors"]) for r in report)
    counted = cluster_quality.score(mixed, predicted, gold, counted=True)
    print(f"\n{total} distractors in {len(report)} BASIL stories; counted score {counted}")
    OUT.mkdir(exist_ok=True)
    payload = {"counted": counted, "stories": report}
    (OUT / "cluster_distractors.json").write_text(json.dumps(payload, indent=2, default=float))


if __name__ == "__main__":
    main()
