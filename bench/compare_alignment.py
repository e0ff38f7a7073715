"""Fact alignment quality on a hand-checked BASIL-dev gold set (bench/gold/alignment_basil.json).

Runs the real pipeline on each gold story's three articles (title and text from
../shared/data/basil-dev), aligns facts with `compare_analyses`, maps each storylens fact to the
BASIL sentences it overlaps, and scores predicted sentence pairs against the gold pairs.

    .venv/bin/python bench/compare_alignment.py            # precision / recall at the defaults
    .venv/bin/python bench/compare_alignment.py --sweep    # the threshold grid used for tuning
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
from dataclasses import replace
from pathlib import Path

from storylens.compare import AlignmentSettings, Comparison, compare_analyses
from storylens.model import Analysis
from storylens.pipeline import analyze_articles, read_articles

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "alignment_basil.json"
CORPUS = ROOT.parent / "shared" / "data" / "basil-dev" / "articles.jsonl"


def load_story(story_id: str) -> tuple[list[Analysis], dict[str, list[tuple[str, int, int]]]]:
    """Analyses of a story's articles, and each article's BASIL sentences with offsets."""
    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    records = [r for r in records if r["story_id"] == story_id]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.jsonl"
        rows = [
            {
                "id": r["id"],
                "title": r["title"],
                "outlet": r["outlet"],
                "text": r["text"],
                "date": r["date"],
            }
            for r in records
        ]
        path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
        analyses = list(analyze_articles(read_articles([str(path)])))
    offsets = {}
    for record, analysis in zip(records, analyses, strict=True):
        offsets[record["id"]] = _sentence_offsets(record["sentences"], analysis.article.text)
    return analyses, offsets


def _sentence_offsets(paragraphs: list[list[str]], text: str) -> list[tuple[str, int, int]]:
    found, cursor = [], 0
    for p, sentences in enumerate(paragraphs):
        for s, sentence in enumerate(sentences):
            start = text.find(sentence, cursor)
            if start < 0:
                continue
            found.append((f"{p}.{s}", start, start + len(sentence)))
            cursor = start + len(sentence)
    return found


def predicted_pairs(comparison: Comparison, offsets: dict) -> set[tuple[str, str, str, str]]:
    """(article a, sentence a, article b, sentence b) for every aligned pair, a < b."""
    pairs = set()
    for row in comparison.shared():
        for f, g in itertools.combinations(row.facts, 2):
            for sa in _basil(f, offsets):
                for sb in _basil(g, offsets):
                    first, second = sorted([(f.article_id, sa), (g.article_id, sb)])
                    pairs.add((*first, *second))
    return pairs


def _basil(fact, offsets: dict) -> list[str]:
    return [
        i
        for i, start, end in offsets[fact.article_id]
        if start < fact.span.end and fact.span.start < end
    ]


def gold_pairs(story: dict) -> set[tuple[str, str, str, str]]:
    out = set()
    for pair in story["pairs"]:
        for sa, sb in pair["sentences"]:
            first, second = sorted([(pair["a"], sa), (pair["b"], sb)])
            out.add((*first, *second))
    return out


def evaluate(stories, settings: AlignmentSettings) -> tuple[float, float, int, int, int]:
    """Micro precision and recall over all stories; a predicted pair counts once."""
    tp = fp = fn = 0
    for analyses, offsets, gold in stories:
        predicted = predicted_pairs(compare_analyses(analyses, settings=settings), offsets)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), tp, fp, fn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    spec = json.loads(GOLD.read_text(encoding="utf-8"))
    stories = []
    for story in spec["stories"]:
        analyses, offsets = load_story(story["story_id"])
        stories.append((analyses, offsets, gold_pairs(story)))
    base = AlignmentSettings()
    if args.sweep:
        for accept, high, floor in itertools.product(
            (0.7, 0.75, 0.8, 0.85, 0.9), (0.78, 0.82, 0.86), (0.4, 0.45, 0.5)
        ):
            settings = replace(base, accept=accept, high=high, floor=floor)
            p, r, tp, fp, fn = evaluate(stories, settings)
            print(
                f"accept={accept} high={high} floor={floor}  P={p:.3f} R={r:.3f} "
                f"tp={tp} fp={fp} fn={fn}"
            )
        return
    p, r, tp, fp, fn = evaluate(stories, base)
    print(f"stories={len(stories)} gold_pairs={tp + fn} predicted={tp + fp}")
    print(f"precision={p:.3f} recall={r:.3f} (tp={tp} fp={fp} fn={fn}) settings={base}")


if __name__ == "__main__":
    main()
