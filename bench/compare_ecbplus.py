"""Rows against ECB+'s gold cross-document event coreference (../shared/data/ecbplus-dev).

Each ECB+ story (``<topic>_ecb`` or ``<topic>_ecbplus``: one seminal event, 2–30 articles) is
compared with `compare_analyses`. Every pair of facts of different articles in one row is
mapped to the ECB+ sentences it overlaps. A predicted sentence pair is

- *right* when the two sentences mention one event instance (the dataset's ``events.jsonl``);
- *wrong* only when both sentences are in ``annotated_sentences`` and share no instance (the
  README: unannotated sentences are no evidence of difference);
- otherwise not scored.

Event-link precision = right / (right + wrong); recall = right / gold pairs (all gold pairs,
and the gold pairs whose sentences are both annotated). Sharing one event mention is looser
than stating one proposition, so this precision is an upper bound on row pair precision by
the issue's definition, and this recall a harsh one (two sentences about one event with
different propositions are gold pairs here).

*Near misses*: each topic's two stories (two events of one kind) are also compared together
(at most 10 articles of each); a predicted pair across the two stories, both sentences
annotated and sharing no instance, is a link between different events. Reported as the share
of scored cross-story pairs among all scored pairs.

Topics are split up front: tuning = topics 1–12, held-out = 13–35. Nothing in storylens was
tuned on either (the pair model was fitted on BASIL); the split is there for whoever tunes next.

    .venv/bin/python bench/compare_ecbplus.py               # all stories, both splits
    .venv/bin/python bench/compare_ecbplus.py --topics 1-4  # a few topics

Analyses are cached in a pickle under the system temp folder (delete it after changing
analyze/), fact vectors in a storylens store beside it (`CachedEncoder`, as `storylens show`).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import pickle
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from storylens.clean import clean_article
from storylens.compare import Comparison, compare_analyses
from storylens.embedding import default_encoder
from storylens.ingest.records import read_record
from storylens.model import Analysis
from storylens.pipeline import analyze_articles
from storylens.store import CachedEncoder, Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ecbplus-dev"
VECTORS = Path(tempfile.gettempdir()) / "storylens_ecbplus_vectors.db"
TUNING = range(1, 13)
Pair = tuple[str, int, str, int]


def source_key() -> str:
    """A digest of the source files an analysis can depend on (the analyses cache's key)."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src").rglob("*.py")):
        if not {"compare", "report", "serve", "cli", "engine"} & set(path.parts):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CACHE = Path(tempfile.gettempdir()) / f"storylens_ecbplus_analyses_{source_key()}.pkl"
"""Analyses cached under a digest of the analysing code, so a code change never reads stale ones."""


def _records() -> list[dict]:
    return [json.loads(line) for line in (DATA / "articles.jsonl").open(encoding="utf-8")]


def analyses(records: list[dict]) -> dict[str, Analysis]:
    """Every article through the real pipeline (cached)."""
    cached: dict[str, Analysis] = {}
    if CACHE.exists():
        cached = pickle.loads(CACHE.read_bytes())
    todo = [r for r in records if r["id"] not in cached]
    if todo:
        raws = [
            read_record(
                {
                    "id": r["id"],
                    "text": r["text"],
                    "outlet": r["outlet"] or r["id"],
                    "url": r["url"],
                },
                input_name=r["id"],
            )
            for r in todo
        ]
        articles = [clean_article(raw) for raw in raws]
        for analysis in analyze_articles(articles, n_process=1):
            cached[analysis.article.id] = analysis
        CACHE.write_bytes(pickle.dumps(cached))
    return cached


def sentence_offsets(record: dict, text: str) -> list[tuple[int, int, int]]:
    """(ECB+ sentence index, start, end) of each sentence found in the cleaned text."""
    found, cursor = [], 0
    for n, (start, end) in enumerate(record["sentences"]):
        sentence = record["text"][start:end]
        at = text.find(sentence, cursor)
        if at < 0:
            continue
        found.append((n, at, at + len(sentence)))
        cursor = at + len(sentence)
    return found


def predicted_pairs(comparison: Comparison, offsets: dict) -> set[Pair]:
    """ECB+ sentence pairs of different articles that share a row, ordered."""
    out = set()
    for row in comparison.shared():
        for f, g in itertools.combinations((*row.facts, *row.restated), 2):
            if f.article_id == g.article_id:
                continue
            for sa in _sentences(f, offsets):
                for sb in _sentences(g, offsets):
                    out.add(_pair(f.article_id, sa, g.article_id, sb))
    return out


def _sentences(fact, offsets: dict) -> list[int]:
    return [n for n, s, e in offsets[fact.article_id] if s < fact.span.end and fact.span.start < e]


def _pair(a: str, sa: int, b: str, sb: int) -> Pair:
    first, second = sorted([(a, sa), (b, sb)])
    return (*first, *second)


def gold(events: list[dict]) -> set[Pair]:
    """Sentence pairs of different articles mentioning one event instance."""
    out = set()
    for event in events:
        for m, n in itertools.combinations(event["mentions"], 2):
            if m["article_id"] != n["article_id"]:
                out.add(_pair(m["article_id"], m["sentence"], n["article_id"], n["sentence"]))
    return out


def score(predicted: set[Pair], positives: set[Pair], annotated: set[tuple[str, int]]):
    """(right, wrong, gold, gold with both sentences annotated, right among those)."""
    right = predicted & positives
    both = {p for p in predicted if (p[0], p[1]) in annotated and (p[2], p[3]) in annotated}
    wrong = both - positives
    gold_annotated = {
        p for p in positives if (p[0], p[1]) in annotated and (p[2], p[3]) in annotated
    }
    return len(right), len(wrong), len(positives), len(gold_annotated), len(right & gold_annotated)


def only_in(
    comparison: Comparison, offsets: dict, positives: set[Pair], annotated
) -> tuple[int, int]:
    """("only in" rows scored, those whose sentence shares an event with another article's).

    A row is scored when its fact lies in annotated sentences; it is wrong when one of them
    mentions an event instance that a sentence of another article of the story mentions.
    """
    linked: dict[tuple[str, int], set[str]] = defaultdict(set)
    for a, sa, b, sb in positives:
        linked[(a, sa)].add(b)
        linked[(b, sb)].add(a)
    scored = wrong = 0
    for ref in comparison.articles:
        for row in comparison.unique(ref.id):
            sentences = [(ref.id, n) for n in _sentences(row.facts[0], offsets)]
            if not sentences or not all(s in annotated for s in sentences):
                continue
            scored += 1
            wrong += any(linked.get(s, set()) - {ref.id} for s in sentences)
    return scored, wrong


def citations(comparison: Comparison, offsets: dict, positives: set[Pair], annotated):
    """(cited outlets scored, cited outlets whose fact shares no event with the source's).

    A citation is scored when the source fact and the cited fact lie in annotated sentences.
    """
    scored = wrong = 0
    for sentence in comparison.summary.sentences:
        source = sentence.source
        own = [
            (source.article_id, n)
            for n, s, e in offsets[source.article_id]
            if s < source.span.end and source.span.start < e
        ]
        for support in sentence.support:
            if support.article_id == source.article_id:
                continue
            theirs = [
                (support.article_id, n)
                for n, s, e in offsets[support.article_id]
                if s < support.span.end and support.span.start < e
            ]
            if not own or not theirs or not all(x in annotated for x in (*own, *theirs)):
                continue
            scored += 1
            wrong += not any(_pair(*a, *b) in positives for a in own for b in theirs)
    return scored, wrong


def main() -> None:
    with Store(VECTORS) as store:
        run(CachedEncoder(default_encoder(), store))


def run(encoder: CachedEncoder) -> None:
    """Score every story of the chosen topics, then the near misses."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--topics", default="1-35")
    args = parser.parse_args()
    low, high = (int(x) for x in args.topics.split("-"))
    records = [r for r in _records() if low <= r["topic"] <= high]
    events = [json.loads(line) for line in (DATA / "events.jsonl").open(encoding="utf-8")]
    by_id = analyses(records)
    record_of = {r["id"]: r for r in records}
    annotated = {(r["id"], n) for r in records for n in r["annotated_sentences"]}
    stories: dict[str, list[str]] = defaultdict(list)
    for r in records:
        stories[r["story_id"]].append(r["id"])
    offsets = {i: sentence_offsets(record_of[i], by_id[i].article.text) for i in record_of}
    totals = {"tuning": [0] * 5, "held-out": [0] * 5}
    extra = {"tuning": [0] * 4, "held-out": [0] * 4}
    seconds = 0.0
    print(
        f"{'story':<12} {'n':>3} {'right':>6} {'wrong':>6} {'P':>6} {'gold':>6} {'R':>6} "
        f"{'R ann':>6}"
    )
    for story_id, ids in sorted(stories.items(), key=lambda kv: (int(kv[0].split("_")[0]), kv[0])):
        if len(ids) < 2:
            continue
        start = time.perf_counter()
        comparison = compare_analyses([by_id[i] for i in ids], encoder=encoder)
        seconds += time.perf_counter() - start
        story_events = [e for e in events if story_id in e["story_ids"]]
        positives = gold(story_events)
        figures = score(predicted_pairs(comparison, offsets), positives, annotated)
        split = "tuning" if int(story_id.split("_")[0]) in TUNING else "held-out"
        totals[split] = [t + f for t, f in zip(totals[split], figures, strict=True)]
        more = (
            *only_in(comparison, offsets, positives, annotated),
            *citations(comparison, offsets, positives, annotated),
        )
        extra[split] = [t + f for t, f in zip(extra[split], more, strict=True)]
        _print(story_id, len(ids), figures)
    for split, figures in totals.items():
        _print(split, 0, tuple(figures))
    _print("overall", 0, tuple(a + b for a, b in zip(*totals.values(), strict=True)))
    extra["overall"] = [a + b for a, b in zip(*extra.values(), strict=True)]
    for split, (o_scored, o_wrong, c_scored, c_wrong) in extra.items():
        print(
            f"{split:<9} only-in: {o_scored - o_wrong}/{o_scored} right "
            f"(P {(o_scored - o_wrong) / max(o_scored, 1):.3f}); summary citations sharing no "
            f"event with the source: {c_wrong}/{c_scored}"
        )
    print(f"compare time, all stories: {seconds:.1f} s")
    near_misses(records, by_id, offsets, events, annotated, encoder)


def _print(name: str, n: int, figures: tuple[int, ...]) -> None:
    right, wrong, positives, gold_annotated, right_annotated = figures
    p = right / max(right + wrong, 1)
    print(
        f"{name:<12} {n or '':>3} {right:>6} {wrong:>6} {p:>6.3f} {positives:>6} "
        f"{right / max(positives, 1):>6.3f} {right_annotated / max(gold_annotated, 1):>6.3f}"
    )


def near_misses(records, by_id, offsets, events, annotated, encoder) -> None:
    """Per topic, both stories compared together: the share of scored pairs across stories."""
    story_of = {r["id"]: r["story_id"] for r in records}
    topics: dict[int, list[str]] = defaultdict(list)
    for r in records:
        topics[r["topic"]].append(r["id"])
    cross = scored = 0
    positives = gold(events)
    for _, ids in sorted(topics.items()):
        chosen = [
            i
            for s in sorted({story_of[i] for i in ids})
            for i in [x for x in ids if story_of[x] == s][:10]
        ]
        comparison = compare_analyses([by_id[i] for i in chosen], encoder=encoder)
        for p in predicted_pairs(comparison, offsets):
            if (p[0], p[1]) not in annotated or (p[2], p[3]) not in annotated:
                continue
            scored += 1
            if story_of[p[0]] != story_of[p[2]] and p not in positives:
                cross += 1
    print(
        f"near misses: {cross} of {scored} scored pairs link two different events "
        f"({cross / max(scored, 1):.3f})"
    )


if __name__ == "__main__":
    main()
