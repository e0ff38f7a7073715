"""Fact alignment quality on hand-judged BASIL-dev gold sets, and how far two judges agree.

Two sets of 5 stories: *tuning* (thresholds and scoring were chosen on it) and *held-out*
(never used to choose anything; it shows how far the tuning carries). Each has three files in
``bench/gold/``: the first judgement (``alignment_basil.json``, with the corrections recorded
in it; ``alignment_basil_heldout.json``), a second judgement made independently and blind to
the first and to storylens output (``*_second.json``), and the *adjudicated* gold
(``*_adjudicated.json``): the pairs both judges agree on plus the disputed pairs a third blind
judge accepted, with every decision recorded. storylens is scored against the first
judgement and against the adjudicated gold; the judges are scored against the adjudicated
gold and against each other, which bounds what any system can be expected to reach.

Runs the real pipeline on each gold story's three articles (title and text from
../shared/data/basil-dev), aligns facts with `compare_analyses`, maps each storylens fact to the
BASIL sentences it overlaps, and scores predicted sentence pairs against the gold pairs.

    .venv/bin/python bench/compare_alignment.py            # precision / recall of both sets
    .venv/bin/python bench/compare_alignment.py --errors   # tuning set: FP / FN with sentences
    .venv/bin/python bench/compare_alignment.py --gold     # tuning set: gold pairs with sentences
    .venv/bin/python bench/compare_alignment.py --sweep    # threshold grid, tuning set only
    .venv/bin/python bench/compare_alignment.py --ceiling  # recall with every gold link given

``--ceiling`` links exactly the fact pairs that overlap a gold pair and groups them as
`compare_analyses` does, once with rows of one fact per article and once with restatements
added: the best recall any pair scoring could reach with these facts. What it misses is
many-to-one gold: a sentence with two gold partners in one article (a lede restating a later
quote, a quote that another outlet splits in two) that restatements do not catch.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from storylens.compare import AlignmentSettings, Comparison, compare_analyses
from storylens.compare.facts import split_facts
from storylens.compare.rows import build_rows
from storylens.model import Analysis
from storylens.model.comparison import Link, LinkKind
from storylens.pipeline import analyze_articles, read_articles

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "alignment_basil.json"
HELDOUT = ROOT / "bench" / "gold" / "alignment_basil_heldout.json"
SETS = {"tuning": GOLD, "held-out": HELDOUT}


def judgement(first: Path, kind: str) -> Path:
    """The ``second`` or ``adjudicated`` judgement of the set whose first judgement is ``first``."""
    return first.with_name(f"{first.stem}_{kind}.json")


CORPUS = ROOT.parent / "shared" / "data" / "basil-dev" / "articles.jsonl"

Pair = tuple[str, str, str, str]


def load_story(story_id: str) -> tuple[list[Analysis], dict[str, list[tuple[str, int, int]]]]:
    """Analyses of a story's articles, and each article's BASIL sentences with offsets."""
    records = [r for r in _records() if r["story_id"] == story_id]
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


def _records() -> list[dict]:
    return [json.loads(line) for line in CORPUS.open(encoding="utf-8")]


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


def predicted_pairs(comparison: Comparison, offsets: dict) -> set[Pair]:
    """(article a, sentence a, article b, sentence b) for every aligned pair, a < b."""
    return {
        pair
        for row in comparison.shared()
        for f, g in itertools.combinations((*row.facts, *row.restated), 2)
        if f.article_id != g.article_id
        for pair in _fact_pairs(f, g, offsets)
    }


def _basil(fact, offsets: dict) -> list[str]:
    return [
        i
        for i, start, end in offsets[fact.article_id]
        if start < fact.span.end and fact.span.start < end
    ]


def gold_pairs(story: dict) -> set[Pair]:
    out = set()
    for pair in story["pairs"]:
        for sa, sb in pair["sentences"]:
            first, second = sorted([(pair["a"], sa), (pair["b"], sb)])
            out.add((*first, *second))
    return out


def load_gold(path: Path) -> list[tuple[list[Analysis], dict, set[Pair]]]:
    """Each gold story's analyses, BASIL sentence offsets and gold pairs."""
    stories = []
    for story_id, pairs in story_pairs(path).items():
        analyses, offsets = load_story(story_id)
        stories.append((analyses, offsets, pairs))
    return stories


def story_pairs(path: Path) -> dict[str, set[Pair]]:
    """The gold pairs of each story of a gold file, by story id."""
    spec = json.loads(path.read_text(encoding="utf-8"))
    return {story["story_id"]: gold_pairs(story) for story in spec["stories"]}


def with_gold(stories, path: Path) -> list[tuple[list[Analysis], dict, set[Pair]]]:
    """The same analysed stories, scored against the gold pairs of another file."""
    pairs = story_pairs(path)
    story_of = {r["id"]: r["story_id"] for r in _records()}
    return [(a, o, pairs[story_of[a[0].article.id]]) for a, o, _ in stories]


def agreement(judge: Path, reference: Path) -> tuple[float, float, int, int]:
    """Precision and recall of one judgement against another; their pair counts."""
    mine = set().union(*story_pairs(judge).values())
    theirs = set().union(*story_pairs(reference).values())
    both = len(mine & theirs)
    return both / max(len(mine), 1), both / max(len(theirs), 1), len(mine), len(theirs)


def evaluate(stories, settings: AlignmentSettings) -> tuple[float, float, int, int, int, float]:
    """Micro precision and recall over all stories (a predicted pair counts once), compare time."""
    tp = fp = fn = 0
    seconds = 0.0
    for analyses, offsets, gold in stories:
        start = time.perf_counter()
        comparison = compare_analyses(analyses, settings=settings)
        seconds += time.perf_counter() - start
        predicted = predicted_pairs(comparison, offsets)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), tp, fp, fn, seconds


def ceiling(stories, *, restate: bool) -> tuple[float, float]:
    """Precision and recall when exactly the fact pairs overlapping a gold pair are linked.

    Rows are built from those links as `compare_analyses` builds them (complete linkage, a
    fact in several rows, restatements). With ``restate`` False, only each row's first fact
    per article counts (the old one-fact-per-article matrix).
    """
    tp = fp = fn = 0
    for analyses, offsets, gold in stories:
        facts = [fact for analysis in analyses for fact in split_facts(analysis)]
        links = [
            Link(source=f.id, target=g.id, kind=LinkKind.EMBEDDING, cosine=1.0, score=1.0)
            for f, g in itertools.combinations(facts, 2)
            if f.article_id != g.article_id and _fact_pairs(f, g, offsets) & gold
        ]
        order = [a.article.id for a in analyses]
        rows = build_rows(facts, links, {}, order)
        predicted = {
            pair
            for row in rows
            for f, g in itertools.combinations(
                (*row.facts, *row.restated) if restate else row.facts, 2
            )
            if f.article_id != g.article_id
            for pair in _fact_pairs(f, g, offsets)
        }
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def _fact_pairs(f, g, offsets: dict) -> set[Pair]:
    pairs = set()
    for sa in _basil(f, offsets):
        for sb in _basil(g, offsets):
            first, second = sorted([(f.article_id, sa), (g.article_id, sb)])
            pairs.add((*first, *second))
    return pairs


def print_pairs(title: str, pairs: set[Pair]) -> None:
    """Each pair with both BASIL sentences."""
    sentences = {
        r["id"]: {f"{p}.{s}": t for p, ps in enumerate(r["sentences"]) for s, t in enumerate(ps)}
        for r in _records()
    }
    print(f"## {title} ({len(pairs)})")
    for a, sa, b, sb in sorted(pairs):
        print(f"[{a[-1]}:{sa} ~ {b[-1]}:{sb}] {a.rsplit('_', 1)[0]}")
        print(f"   A: {sentences[a][sa]}")
        print(f"   B: {sentences[b][sb]}")


def print_errors(stories, settings: AlignmentSettings) -> None:
    """False positives and false negatives of the tuning set, with their sentences."""
    fps, fns = set(), set()
    for analyses, offsets, gold in stories:
        predicted = predicted_pairs(compare_analyses(analyses, settings=settings), offsets)
        fps |= predicted - gold
        fns |= gold - predicted
    print_pairs("false positives", fps)
    print_pairs("false negatives", fns)


def sweep(stories, base: AlignmentSettings) -> None:
    """Link and mutual-best-match probabilities around the shipped model's (tuning set only)."""
    for link, mutual in itertools.product((0.2, 0.3, 0.4, 0.5, 0.6), (0.2, 0.3, 0.4, 0.5)):
        p, r, tp, fp, fn, _ = evaluate(stories, replace(base, link=link, mutual=mutual))
        print(f"link={link} mutual={mutual}  P={p:.3f} R={r:.3f} tp={tp} fp={fp} fn={fn}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--gold", action="store_true")
    parser.add_argument("--ceiling", action="store_true")
    args = parser.parse_args()
    base = AlignmentSettings()
    if args.gold:
        stories = json.loads(GOLD.read_text(encoding="utf-8"))["stories"]
        print_pairs("gold pairs", set().union(*(gold_pairs(s) for s in stories)))
        return
    tuning = load_gold(judgement(GOLD, "adjudicated"))
    if args.errors:
        print_errors(tuning, base)
        return
    if args.sweep:
        sweep(tuning, base)
        return
    heldout = load_gold(judgement(HELDOUT, "adjudicated"))
    if args.ceiling:
        for name, stories in (("tuning", tuning), ("held-out", heldout)):
            for restate in (False, True):
                p, r = ceiling(stories, restate=restate)
                how = "all members" if restate else "first fact per article only"
                print(f"{name:<10} every adjudicated link, {how}: P={p:.3f} R={r:.3f}")
        return
    print(f"settings={base}")
    header = ("set", "scored", "against", "gold", "pred", "P", "R", "F1", "compare s")
    row = "{:<9} {:<10} {:<12} {:>5} {:>5} {:>6} {:>6} {:>6} {:>9}"
    print(row.format(*header))
    for (name, first), stories in zip(SETS.items(), (tuning, heldout), strict=True):
        for against, path in (("first", first), ("adjudicated", judgement(first, "adjudicated"))):
            p, r, tp, fp, fn, seconds = evaluate(with_gold(stories, path), base)
            figures = (f"{p:.3f}", f"{r:.3f}", f"{_f1(p, r):.3f}", f"{seconds:.2f}")
            print(row.format(name, "storylens", against, tp + fn, tp + fp, *figures))
        judges = (
            ("judge 1", first, "adjudicated", judgement(first, "adjudicated")),
            ("judge 2", judgement(first, "second"), "adjudicated", judgement(first, "adjudicated")),
            ("judge 2", judgement(first, "second"), "first", first),
        )
        for judge, path, against, reference in judges:
            p, r, mine, theirs = agreement(path, reference)
            figures = (f"{p:.3f}", f"{r:.3f}", f"{_f1(p, r):.3f}", "")
            print(row.format(name, judge, against, theirs, mine, *figures))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / max(p + r, 1e-9)


if __name__ == "__main__":
    main()
