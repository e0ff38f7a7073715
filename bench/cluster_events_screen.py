"""Screen event scores on ECB+ dev fast: a greedy replay with grouped CV over topics.

Not the real path (no store, no ANN, no lone-story absorption): every article of the run
meets every story whose time fits (`fits_window`), joins the best one if the score reaches
the threshold, else starts a story. Scores are blends of

- ``c``: the shipped centroid cosine of the MiniLM story vectors;
- ``a``: the mean cosine to the story's members (average link: centroid sum / accounts);
- ``q``: the shipped event-cue cosine (names, figures);
- ``qi``: the same cosine with each cue weighted by an IDF counted incrementally over the
  cue bags seen so far (a name every story mentions says little about which event);
- ``l``: a lexical cosine of the whole text: sublinear term counts weighted by an IDF
  counted incrementally over the articles seen so far (as an ingest would keep it), against
  the story's summed counts (its heaviest `TERMS` terms);
- ``m``: the mean lexical cosine to the members (their IDF-weighted unit bags, summed);
- ``ll``: ``l`` over the title and first two sentences only (the lead).

Each variant's weights and threshold are chosen by the same grouped 5-fold CV over topics
as bench/cluster_events.py (choose on the training topics of one run over all articles,
apply to the held-out topics run alone); out-of-fold B-cubed F1 is printed per variant.
``--oracle`` instead prints the recall when no article may join another event's story
(precision 1 by construction), with and without the time window: what splits events.

Run: .venv/bin/python bench/cluster_events_screen.py [VARIANT ...] [--stated=DAYS] [--oracle]
(``--stated`` sets ``stated_span_days``; each variant takes 1-4 minutes on a loaded VM)
"""

from __future__ import annotations

import collections
import math
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_cache import cached_analyses, cached_vectors, ecbplus_articles
from cluster_corpora import bcubed
from cluster_events import folds_of

from storylens.cluster import ClusterSettings, story_text
from storylens.cluster.features import cue_similarity, event_cues
from storylens.cluster.stories import centroid_similarity, fits_window, grow_story, new_story

TERMS = 300
_WORD = re.compile(r"[^\W_][\w'’.-]*[^\W_]|[^\W_]")
try:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as STOP
except ImportError:  # pragma: no cover
    STOP = frozenset()


def terms(text: str) -> dict[str, float]:
    """Sublinear counts of the non-stop words of a text."""
    counts = collections.Counter(
        w for w in (t.casefold() for t in _WORD.findall(text)) if w not in STOP and len(w) > 1
    )
    return {w: 1.0 + math.log(n) for w, n in counts.items()}


@dataclass
class Item:
    id: str
    vector: np.ndarray
    cues: object
    terms: dict[str, float]
    lead: dict[str, float] = field(default_factory=dict)


@dataclass
class Story:
    state: object
    terms: dict[str, float] = field(default_factory=dict)
    members: list[int] = field(default_factory=list)
    number: int = 0
    normed: dict[str, float] = field(default_factory=dict)
    lead: dict[str, float] = field(default_factory=dict)


class Idf:
    """Document frequencies counted as articles arrive."""

    def __init__(self) -> None:
        self.df: collections.Counter[str] = collections.Counter()
        self.n = 0

    def add(self, bag: dict[str, float]) -> None:
        self.df.update(bag.keys())
        self.n += 1

    def weight(self, word: str) -> float:
        return math.log((1 + self.n) / (1 + self.df.get(word, 0))) + 1.0


def lexical(first: dict[str, float], second: dict[str, float], idf: Idf) -> float:
    if not first or not second:
        return 0.0
    w1 = {k: v * idf.weight(k) for k, v in first.items()}
    w2 = {k: v * idf.weight(k) for k, v in second.items()}
    dot = sum(v * w2.get(k, 0.0) for k, v in w1.items())
    norm = math.sqrt(sum(v * v for v in w1.values()) * sum(v * v for v in w2.values()))
    return dot / norm if norm else 0.0


def normalised(bag, idf):
    weighted = {k: v * idf.weight(k) for k, v in bag.items()}
    norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
    return {k: v / norm for k, v in weighted.items()}


def mean_lexical(bag, story, idf):
    mine = normalised(bag, idf)
    return sum(v * story.normed.get(k, 0.0) for k, v in mine.items()) / len(story.members)


def add_terms(story: dict[str, float], bag: dict[str, float]) -> dict[str, float]:
    summed = dict(story)
    for k, v in bag.items():
        summed[k] = summed.get(k, 0.0) + v
    ranked = sorted(summed.items(), key=lambda kv: (-kv[1], kv[0]))[:TERMS]
    return dict(ranked)


def replay(items, key, settings, owner_of=None):
    """Greedy incremental clustering of ``items`` in order; returns id -> story index.

    With ``owner_of`` (article id -> gold event), a story takes only articles of the event
    of its first article (the precision oracle).
    """
    threshold, weights = key
    idf, cue_idf = Idf(), Idf()
    stories: list[Story] = []
    labels = {}
    for index, item in enumerate(items):
        idf.add(item.terms)
        cue_idf.add(dict(item.cues.cues))
        best, best_score = None, -1.0
        for story in stories:
            if owner_of and owner_of[items[story.members[0]].id] != owner_of[item.id]:
                continue
            if not fits_window(item.cues, story.state, settings=settings):
                continue
            c = centroid_similarity(item.vector, story.state)
            if c < 0.2:
                continue
            parts = {"c": c}
            if weights.get("q"):
                parts["q"] = cue_similarity(item.cues.cues, story.state.profile)
            if weights.get("qi"):
                parts["qi"] = lexical(dict(item.cues.cues), dict(story.state.profile), cue_idf)
            if weights.get("l"):
                parts["l"] = lexical(item.terms, story.terms, idf)
            if weights.get("ll"):
                parts["ll"] = lexical(item.lead, story.lead, idf)
            if weights.get("a"):
                parts["a"] = float(item.vector @ story.state.vector_sum) / story.state.accounts
            if weights.get("m"):
                parts["m"] = mean_lexical(item.terms, story, idf)
            score = sum(w * parts[k] for k, w in weights.items())
            if score > best_score:
                best, best_score = story, score
        if best is None or best_score < threshold:
            best = Story(
                state=new_story(item.vector, item.cues),
                terms=dict(item.terms),
                lead=dict(item.lead),
            )
            best.number = len(stories)
            stories.append(best)
        else:
            best.state = grow_story(best.state, item.vector, item.cues)
            best.terms = add_terms(best.terms, item.terms)
            best.lead = add_terms(best.lead, item.lead)
        best.normed = add_terms(best.normed, normalised(item.terms, idf))
        best.members.append(index)
        labels[item.id] = best.number
    return labels


def score(labels, gold, ids):
    return bcubed([gold[i] for i in ids], [labels[i] for i in ids])


def cross_validate(name, grid, items, gold, topics, settings):
    folds = folds_of(topics)
    everything = {i: replay(items, key, settings) for i, key in enumerate(grid)}
    all_ids = [it.id for it in items]
    in_sample = {i: score(p, gold, all_ids) for i, p in everything.items()}
    predicted = {}
    chosen = []
    for number, held in enumerate(folds):
        train = [it.id for it in items if topics[it.id] not in held]
        best = max(everything, key=lambda i: score(everything[i], gold, train)[2])
        chosen.append(grid[best])
        test = [it for it in items if topics[it.id] in held]
        predicted.update(
            {k: f"{number}-{v}" for k, v in replay(test, grid[best], settings).items()}
        )
    p, r, f = score(predicted, gold, all_ids)
    bi = max(in_sample, key=lambda i: in_sample[i][2])
    print(
        f"{name:<24} CV P {p:.3f} R {r:.3f} F1 {f:.3f} | in-sample best {grid[bi]} "
        f"F1 {in_sample[bi][2]:.3f} | chosen {[str(c) for c in chosen]}",
        flush=True,
    )
    return f


VARIANTS = {
    "c+q+l+ll": [
        (t, {"c": 0.3, "q": 0.3 - b, "l": 0.4 - b, "ll": 2 * b})
        for t in (0.3, 0.35, 0.4)
        for b in (0.05, 0.1, 0.15)
    ],
    "avg link c": [(t, {"a": 1.0}) for t in (0.4, 0.45, 0.5, 0.55, 0.6)],
    "avg link c+q": [
        (t, {"a": 1 - w, "q": w}) for t in (0.35, 0.4, 0.45, 0.5, 0.55) for w in (0.3, 0.5)
    ],
    "avg link lexical": [(t, {"m": 1.0}) for t in (0.05, 0.1, 0.15, 0.2, 0.25)],
    "avg a+q+m": [
        (t, {"a": a, "q": b, "m": 1 - a - b})
        for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45)
        for a, b in ((0.4, 0.3), (0.3, 0.3), (0.5, 0.2), (0.3, 0.2))
    ],
    "c+q+l wide": [
        (t, {"c": a, "q": b, "l": 1 - a - b})
        for t in (0.25, 0.3, 0.35, 0.4)
        for a, b in ((0.4, 0.3), (0.3, 0.3), (0.5, 0.2), (0.3, 0.2), (0.2, 0.3))
    ],
    "c+qi": [
        (t, {"c": 1 - w, "qi": w}) for t in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65) for w in (0.3, 0.5)
    ],
    "c+q+qi": [
        (t, {"c": a, "q": b, "qi": 1 - a - b})
        for t in (0.4, 0.45, 0.5, 0.55, 0.6)
        for a, b in ((0.5, 0.25), (0.4, 0.3), (0.6, 0.2))
    ],
    "c+qi+l": [
        (t, {"c": a, "qi": b, "l": 1 - a - b})
        for t in (0.3, 0.35, 0.4, 0.45, 0.5)
        for a, b in ((0.4, 0.3), (0.3, 0.3), (0.5, 0.2), (0.3, 0.2))
    ],
    "shipped (c+q)": [
        (t, {"c": 1 - w, "q": w}) for t in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65) for w in (0.3, 0.5)
    ],
    "lexical alone": [(t, {"l": 1.0}) for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35)],
    "c+l": [
        (t, {"c": 1 - w, "l": w}) for t in (0.35, 0.4, 0.45, 0.5, 0.55) for w in (0.3, 0.5, 0.7)
    ],
    "c+q+l": [
        (t, {"c": a, "q": b, "l": 1 - a - b})
        for t in (0.35, 0.4, 0.45, 0.5, 0.55)
        for a, b in ((0.4, 0.3), (0.3, 0.3), (0.5, 0.2), (0.3, 0.2))
    ],
}


def lead_text(article, analysis, sentences=2):
    spans = [s.span for s in analysis.sentences[:sentences]]
    body = " ".join(article.text[s.start : s.end] for s in spans) or article.text[:300]
    return f"{article.title}\n{body}"


def load():
    articles, gold, topics = ecbplus_articles()
    table = cached_vectors("ecbplus", articles)
    analyses = cached_analyses("ecbplus", articles)
    items = [
        Item(
            id=a.id,
            vector=table[story_text(a)].astype(np.float32),
            cues=event_cues(a, an),
            terms=terms(f"{a.title}\n{a.text}"),
            lead=terms(lead_text(a, an)),
        )
        for a, an in zip(articles, analyses, strict=True)
    ]
    return items, gold, topics


def oracle(items, gold, settings):
    """Recall of the precision oracle at a few thresholds, with and without the window."""
    ids = [it.id for it in items]
    for name, window in (("window", settings), ("no window", None)):
        chosen = settings if window else replace(settings, stated_span_days=10**6)
        for threshold in (0.3, 0.45, 0.5, 0.6):
            _, recall, f1 = score(replay(items, (threshold, SHIPPED), chosen, gold), gold, ids)
            print(f"oracle, {name}, t {threshold}: R {recall:.3f} F1 {f1:.3f}", flush=True)


SHIPPED = {"c": 0.5, "q": 0.5}


def main() -> None:
    items, gold, topics = load()
    settings = ClusterSettings()
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    for arg in sys.argv[1:]:
        if arg.startswith("--stated="):
            settings = replace(settings, stated_span_days=int(arg.split("=")[1]))
    if "--oracle" in sys.argv:
        oracle(items, gold, settings)
        return
    for name, grid in VARIANTS.items():
        if not only or name in only:
            cross_validate(name, grid, items, gold, topics, settings)


if __name__ == "__main__":
    main()
