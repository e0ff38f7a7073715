"""Why ECB+ topics merge: an oracle replay of the join score, topic by topic.

Each topic's articles arrive in file order (all of one event, then the other). Beside each
article stand its *own* event's story and the *other* event's story, built from the earlier
articles by their gold labels with the real story functions (`new_story`, `grow_story`,
`event_score` at the shipped `ClusterSettings`). Two kinds of score come out:

- a **join**: an article scored against its own event's story (it should join);
- a **first**: the first article of a topic's second event scored against the first
  event's story (it should start a story).

No threshold can be right for both when a topic's first scores as high as the joins do;
for each topic the replay prints that first score, the share of all joins below it (the
recall a threshold rejecting it would cost) and whether time could decide (the first
article's day, the other story's dated accounts). Reads cached analyses and vectors
(bench/cluster_cache.py); no store, no threshold chosen here.

Run: .venv/bin/python bench/cluster_events_study.py   (writes bench/out/cluster_events_study.json)
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_cache import cached_analyses, cached_vectors, ecbplus_articles
from cluster_corpora import OUT

from storylens.cluster import ClusterSettings, story_text
from storylens.cluster.features import event_cues
from storylens.cluster.stories import event_score, grow_story, new_story

QUANTILES = (0.05, 0.1, 0.25, 0.5)


def replay(articles, analyses, table, gold, topics, settings):
    """Join scores and, per topic, the first article of the second event against the first."""
    joins, firsts = [], {}
    stories: dict[str, object] = {}
    dated = collections.Counter()
    for article, analysis in zip(articles, analyses, strict=True):
        vector = table[story_text(article)].astype(np.float32)
        cues = event_cues(article, analysis)
        event, topic = gold[article.id], topics[article.id]
        own = stories.get(event)
        others = [k for k in stories if k != event and topics_of(k) == topic]
        if own is not None:
            joins.append(event_score(vector, cues.cues, own, settings=settings))
        elif others:
            other = stories[others[0]]
            firsts[topic] = {
                "article": article.id,
                "score": round(event_score(vector, cues.cues, other, settings=settings), 3),
                "day_known": cues.day is not None,
                "other_story_dated_accounts": dated[others[0]],
                "other_story_accounts": other.accounts,
            }
        stories[event] = new_story(vector, cues) if own is None else grow_story(own, vector, cues)
        dated[event] += int(cues.day is not None)
    return np.array(joins), firsts


def topics_of(story_id: str) -> int:
    """The topic of an ECB+ story id (``<topic>_ecb`` / ``<topic>_ecbplus``)."""
    return int(story_id.split("_", 1)[0])


def main() -> None:
    articles, gold, topics = ecbplus_articles()
    table = cached_vectors("ecbplus", articles)
    analyses = cached_analyses("ecbplus", articles)
    settings = ClusterSettings()
    joins, firsts = replay(articles, analyses, table, gold, topics, settings)
    for first in firsts.values():
        first["joins_below"] = round(float(np.mean(joins < first["score"])), 3)
    above = [t for t, f in firsts.items() if f["score"] >= settings.threshold]
    quantiles = np.quantile(joins, QUANTILES).round(4).tolist()
    print(f"{len(joins)} joins: quantiles 5/10/25/50 % = {quantiles}")
    print(f"{'topic':>5} {'first':>6} {'joins below':>11}  day known  other story dated/accounts")
    for topic, first in sorted(firsts.items(), key=lambda item: -item[1]["score"]):
        print(
            f"{topic:>5} {first['score']:6.3f} {first['joins_below']:11.3f}  "
            f"{first['day_known']!s:>9}  {first['other_story_dated_accounts']}/"
            f"{first['other_story_accounts']}"
        )
    print(f"topics whose first reaches the shipped threshold {settings.threshold}: {len(above)}")
    report = {
        "settings": str(settings),
        "joins": len(joins),
        "join_quantiles": dict(zip(("5%", "10%", "25%", "50%"), quantiles, strict=True)),
        "firsts": firsts,
        "topics_first_at_or_above_threshold": sorted(above),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "cluster_events_study.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
