"""Neutral-summary and timeline quality over the 50 BASIL dev stories.

For each story (Fox News, NYT, HuffPost) storylens analyses the three articles (publication
dates from the corpus), compares them and builds the summary and the timeline. Measured:
- support: share of summary sentences carried by 2+ outlets;
- coverage: share of the facts all three outlets carry (fact rows with 3 articles) that the
  summary includes;
- loaded-word rate: own-voice loaded phrases per 100 words in the summary against the same in
  the source articles (lower is better);
- provenance: every summary sentence and timeline entry points to real sentences (checked).

Run: .venv/bin/python bench/summary_quality.py [--stories N]   (writes bench/out/summary.json)
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from storylens.clean import clean_article
from storylens.compare.comparison import compare_analyses
from storylens.compare.summary import summarize
from storylens.compare.timeline import build_timeline
from storylens.ingest.records import read_record
from storylens.model import Voice
from storylens.pipeline import analyze_articles

BASIL = Path(__file__).resolve().parents[2] / "shared" / "data" / "basil-dev" / "articles.jsonl"
OUT = Path(__file__).resolve().parent / "out"


def basil_stories(limit: int | None = None):
    stories = defaultdict(list)
    with BASIL.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            stories[record["story_id"]].append(record)
    ids = sorted(stories)[:limit] if limit else sorted(stories)
    return {story: stories[story] for story in ids}


def analyse(records):
    raws = [read_record(r, input_name=r["id"]) for r in records]
    return list(analyze_articles([clean_article(raw) for raw in raws]))


def loaded_rate(texts_and_spans):
    words = sum(len(text.split()) for text, _ in texts_and_spans)
    loaded = sum(n for _, n in texts_and_spans)
    return 100 * loaded / max(words, 1)


def own_loaded_in(analysis, start, end):
    framing = analysis.framing
    return sum(
        1
        for p in framing.loaded
        if p.voice is Voice.OWN and p.place.value == "body" and start <= p.span.start < end
    )


def score_story(analyses):
    comparison = compare_analyses(analyses)
    summary = summarize(comparison, analyses)
    timeline = build_timeline(analyses)
    by_id = {a.article.id: a for a in analyses}
    supported = sum(len(s.outlets) >= 2 for s in summary.sentences)
    full_rows = {r.id for r in comparison.rows if len({f.article_id for f in r.facts}) == 3}
    covered = len(full_rows & {s.row for s in summary.sentences})
    summary_loaded = [
        (s.text, own_loaded_in(by_id[s.source.article_id], s.source.span.start, s.source.span.end))
        for s in summary.sentences
    ]
    source_loaded = [
        (a.article.text[p.start : p.end], own_loaded_in(a, p.start, p.end))
        for a in analyses
        for p in a.article.paragraphs
    ]
    return {
        "sentences": len(summary.sentences),
        "supported_2plus": supported,
        "rows_all_three": len(full_rows),
        "rows_all_three_covered": covered,
        "summary_loaded": summary_loaded,
        "source_loaded": source_loaded,
        "timeline_entries": len(timeline.entries),
    }


def _all(results, key):
    return [item for result in results for item in result[key]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=None)
    args = parser.parse_args()
    stories = basil_stories(args.stories)
    started = time.perf_counter()
    results = [score_story(analyse(records)) for records in stories.values()]
    elapsed = time.perf_counter() - started
    sentences = sum(r["sentences"] for r in results)
    full = sum(r["rows_all_three"] for r in results)
    figures = {
        "stories": len(results),
        "summary_sentences": sentences,
        "support_2plus_share": sum(r["supported_2plus"] for r in results) / max(sentences, 1),
        "all_three_facts": full,
        "all_three_covered_share": sum(r["rows_all_three_covered"] for r in results) / max(full, 1),
        "loaded_per_100_words_summary": loaded_rate(
            [x for r in results for x in r["summary_loaded"]]
        ),
        "loaded_per_100_words_sources": loaded_rate(
            [x for r in results for x in r["source_loaded"]]
        ),
        "timeline_entries": sum(r["timeline_entries"] for r in results),
        "seconds": round(elapsed, 1),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "summary.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    for key, value in figures.items():
        print(f"{key:34} {value:.3f}" if isinstance(value, float) else f"{key:34} {value}")


if __name__ == "__main__":
    main()
