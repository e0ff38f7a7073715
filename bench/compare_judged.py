"""The comparison against a judged gold on 8 ECB+ events (../shared/data/ecbplus-dev).

Gold (`bench/gold/ecbplus_judged/`): two blind judges (A, B) each read every article of 8 ECB+
stories and wrote, per story, the kind of every sentence (headline, body, furniture), every
proposition with the sentences of every article that state it, the quote groups with the
speaker each article gives, and the true conflicts (guide: `bench/gold/ecbplus_judged/GUIDE.md`).
`adjudicated.json` keeps what both judges agree on plus what a third blind judge decided of
the rest. Ids, sentence indices and offsets only, plus the judges' own short labels.

A *gold pair* is two sentences of different articles that state one proposition. Scores, per
story and per split (tuning = topics 1-12, held-out = 13-35, as bench/compare_ecbplus.py):

- **row pair precision**: pairs of facts of different articles in one row (members and
  restatements) whose sentences are a gold pair;
- **cell recall**: sentences that state a proposition another article states (gold cells),
  put by a row beside at least one such sentence of another article;
- **"only in" precision**: rows `Comparison.unique` gives one article whose sentences are
  reporting (not furniture) and state nothing an article of another outlet states;
- **conflict precision / recall**: a detected conflict is right when two of its sides with
  different values sit in sentences of a gold conflict's proposition, in articles the gold puts
  on different sides; recall over gold conflicts (kind "update" left out), overall and over the
  kinds storylens detects (number, speaker, date);
- **summary citations that are not support**: outlets a summary sentence names whose own fact
  shares no proposition with the sentence's source; also summary sentences from furniture.

    .venv/bin/python bench/compare_judged.py                 # adjudicated gold
    .venv/bin/python bench/compare_judged.py --gold A        # one judge's
    .venv/bin/python bench/compare_judged.py --agreement     # judge B against judge A
    .venv/bin/python bench/compare_judged.py --split tuning  # only the tuning stories

Analyses are cached in the system temp folder under a key of the contents of every source file
outside compare/, report/, serve/, cli/ and engine/, so a change to what analyses depend on never
scores with stale ones.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import compare_ecbplus
from compare_ecbplus import DATA, TUNING, VECTORS, analyses, sentence_offsets, source_key

from storylens.compare import Comparison, compare_analyses
from storylens.embedding import default_encoder
from storylens.store import CachedEncoder, Store

GOLD = Path(__file__).resolve().parent / "gold" / "ecbplus_judged"
Sentence = tuple[str, int]
Pair = tuple[str, int, str, int]
DETECTED_KINDS = {"number", "speaker", "date"}


def pair(a: Sentence, b: Sentence) -> Pair:
    first, second = sorted([a, b])
    return (*first, *second)


def from_judge(judged: dict[str, Any]) -> dict[str, Any]:
    """One judge's story file as kinds, gold pairs and conflicts (with their sentences)."""
    kinds = {
        (article, int(n)): kind
        for article, sentences in judged["sentences"].items()
        for n, kind in sentences.items()
    }
    cells = {p["id"]: p["cells"] for p in judged["propositions"]}
    pairs: set[Pair] = set()
    for proposition in cells.values():
        stated = [(a, int(n)) for a, ns in proposition.items() for n in ns]
        for x, y in itertools.combinations(stated, 2):
            if x[0] != y[0]:
                pairs.add(pair(x, y))
    conflicts = [
        {
            "kind": c["kind"],
            "sides": c["sides"],
            "sentences": [
                [a, int(n)] for a, ns in cells.get(c["proposition"], {}).items() for n in ns
            ],
        }
        for c in judged["conflicts"]
    ]
    return {"kinds": kinds, "pairs": pairs, "conflicts": conflicts}


def load_gold(which: str, root: Path = GOLD) -> dict[str, dict[str, Any]]:
    """Story id -> normalised gold, for judge ``A`` or ``B`` or ``adjudicated`` (in ``root``)."""
    if which in ("A", "B"):
        return {
            path.stem: from_judge(json.loads(path.read_text(encoding="utf-8")))
            for path in sorted((root / which).glob("*.json"))
        }
    stories = json.loads((root / "adjudicated.json").read_text(encoding="utf-8"))["stories"]
    return {
        story: {
            "kinds": {(a, int(n)): k for a, ns in g["kinds"].items() for n, k in ns.items()},
            "pairs": {tuple(p) for p in g["pairs"]},
            "conflicts": g["conflicts"],
        }
        for story, g in stories.items()
    }


def sentences_of(span_start: int, span_end: int, offsets: list[tuple[int, int, int]]) -> list[int]:
    return [n for n, s, e in offsets if s < span_end and span_start < e]


class Scorer:
    """Scores one story's comparison against its gold."""

    def __init__(self, comparison: Comparison, gold: dict[str, Any], offsets, outlets) -> None:
        self.c, self.g, self.offsets, self.outlets = comparison, gold, offsets, outlets
        self.partners: dict[Sentence, set[Sentence]] = defaultdict(set)
        for a, sa, b, sb in gold["pairs"]:
            self.partners[(a, sa)].add((b, sb))
            self.partners[(b, sb)].add((a, sa))

    def where(self, article_id: str, start: int, end: int) -> list[Sentence]:
        return [(article_id, n) for n in sentences_of(start, end, self.offsets[article_id])]

    def fact_sentences(self, fact) -> list[Sentence]:
        return self.where(fact.article_id, fact.span.start, fact.span.end)

    def rows(self) -> tuple[int, int, int, int]:
        """(right pairs, wrong pairs, gold cells, recalled cells)."""
        right = wrong = 0
        joined: dict[Sentence, set[Sentence]] = defaultdict(set)
        for row in self.c.shared():
            members = [self.fact_sentences(f) for f in (*row.facts, *row.restated)]
            for x, y in itertools.combinations(members, 2):
                if not x or not y or x[0][0] == y[0][0]:
                    continue
                good = any(pair(a, b) in self.g["pairs"] for a in x for b in y)
                right += good
                wrong += not good
                for a in x:
                    joined[a].update(y)
                for b in y:
                    joined[b].update(x)
        cells = [s for s, others in self.partners.items() if others]
        recalled = sum(bool(joined.get(s, set()) & self.partners[s]) for s in cells)
        return right, wrong, len(cells), recalled

    def only_in(self) -> tuple[int, int, int]:
        """("only in" rows, right, from furniture or unjudged sentences)."""
        total = right = furniture = 0
        for ref in self.c.articles:
            for row in self.c.unique(ref.id):
                total += 1
                sentences = self.fact_sentences(row.facts[0])
                kinds = {self.g["kinds"].get(s) for s in sentences}
                if not sentences or kinds - {"body", "headline"}:
                    furniture += 1
                    continue
                mine = self.outlets[ref.id]
                shared = any(
                    self.outlets[b] != mine for s in sentences for b, _ in self.partners[s]
                )
                right += not shared
        return total, right, furniture

    def conflicts(self) -> tuple[int, int, int, int, int, int]:
        """(detected, right, gold, gold found, gold of detected kinds, of those found)."""
        gold = [c for c in self.g["conflicts"] if c["kind"] != "update"]
        found = [False] * len(gold)
        right = 0
        for conflict in self.c.conflicts:
            sides = [
                (side.value, s)
                for side in conflict.sides
                for s in self.where(side.article_id, side.sentence.start, side.sentence.end)
            ]
            hit = False
            for i, g in enumerate(gold):
                if self._matches(sides, g):
                    found[i] = hit = True
            right += hit
        detectable = [i for i, g in enumerate(gold) if g["kind"] in DETECTED_KINDS]
        return (
            len(self.c.conflicts),
            right,
            len(gold),
            sum(found),
            len(detectable),
            sum(found[i] for i in detectable),
        )

    @staticmethod
    def _matches(sides: list[tuple[str, Sentence]], gold: dict[str, Any]) -> bool:
        stating = {tuple(s) for s in gold["sentences"]}
        side_of = {a: i for i, side in enumerate(gold["sides"]) for a in side["articles"]}
        inside = [(v, s) for v, s in sides if s in stating and s[0] in side_of]
        return any(
            v != w and side_of[s[0]] != side_of[t[0]]
            for (v, s), (w, t) in itertools.combinations(inside, 2)
        )

    def summary(self) -> tuple[int, int, int, int]:
        """(summary sentences, from furniture, citations scored, citations not support)."""
        sentences = furniture = scored = wrong = 0
        for sentence in self.c.summary.sentences:
            sentences += 1
            source = sentence.source
            own = self.where(source.article_id, source.span.start, source.span.end)
            if not own or {self.g["kinds"].get(s) for s in own} - {"body", "headline"}:
                furniture += 1
            for support in sentence.support:
                if support.article_id == source.article_id:
                    continue
                theirs = self.where(support.article_id, support.span.start, support.span.end)
                scored += 1
                wrong += not any(pair(a, b) in self.g["pairs"] for a in own for b in theirs)
        return sentences, furniture, scored, wrong


FIELDS = (
    "pairs right",
    "pairs wrong",
    "cells",
    "cells recalled",
    "only-in",
    "only-in right",
    "only-in furniture",
    "conflicts",
    "conflicts right",
    "gold conflicts",
    "gold found",
    "gold detectable",
    "detectable found",
    "summary sentences",
    "summary furniture",
    "citations",
    "citations not support",
)


def score_story(comparison, gold, offsets, outlets) -> list[int]:
    scorer = Scorer(comparison, gold, offsets, outlets)
    return [*scorer.rows(), *scorer.only_in(), *scorer.conflicts(), *scorer.summary()]


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(name: str, f: list[int]) -> None:
    v = dict(zip(FIELDS, f, strict=True))
    print(
        f"{name:<11} rowP {ratio(v['pairs right'], v['pairs right'] + v['pairs wrong'])}"
        f" ({v['pairs right']}/{v['pairs right'] + v['pairs wrong']})"
        f"  cellR {ratio(v['cells recalled'], v['cells'])} ({v['cells recalled']}/{v['cells']})"
        f"  only-in P {ratio(v['only-in right'], v['only-in'])}"
        f" ({v['only-in right']}/{v['only-in']}, furniture {v['only-in furniture']})"
        f"  conflict P {ratio(v['conflicts right'], v['conflicts'])}"
        f" ({v['conflicts right']}/{v['conflicts']})"
        f" R {ratio(v['gold found'], v['gold conflicts'])}"
        f" ({v['gold found']}/{v['gold conflicts']};"
        f" detectable kinds {v['detectable found']}/{v['gold detectable']})"
        f"  summary: {v['citations not support']}/{v['citations']} citations not support,"
        f" {v['summary furniture']}/{v['summary sentences']} sentences from furniture"
    )


def agreement(root: Path) -> None:
    """Judge B's gold pairs, conflicts and furniture against judge A's, per story."""
    a, b = load_gold("A", root), load_gold("B", root)
    for story in sorted(set(a) & set(b)):
        pa, pb = a[story]["pairs"], b[story]["pairs"]
        both = len(pa & pb)
        fa = {s for s, k in a[story]["kinds"].items() if k == "furniture"}
        fb = {s for s, k in b[story]["kinds"].items() if k == "furniture"}
        print(
            f"{story:<11} pairs A {len(pa)} B {len(pb)} both {both}:"
            f" P(B|A) {ratio(both, len(pb))} R {ratio(both, len(pa))};"
            f" furniture A {len(fa)} B {len(fb)} both {len(fa & fb)};"
            f" conflicts A {len(a[story]['conflicts'])} B {len(b[story]['conflicts'])}"
        )


def _split(story: str) -> str:
    return "tuning" if int(story.split("_")[0]) in TUNING else "held-out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", default="adjudicated", choices=("adjudicated", "A", "B"))
    parser.add_argument("--agreement", action="store_true")
    parser.add_argument("--gold-dir", type=Path, default=GOLD, help="another gold folder")
    parser.add_argument(
        "--split",
        choices=("tuning", "held-out"),
        help="score only this split's stories (develop on tuning; held-out only at the end)",
    )
    args = parser.parse_args()
    if args.agreement:
        agreement(args.gold_dir)
        return
    gold = load_gold(args.gold, args.gold_dir)
    records = [json.loads(line) for line in (DATA / "articles.jsonl").open(encoding="utf-8")]
    if args.split:
        gold = {s: g for s, g in gold.items() if _split(s) == args.split}
    records = [r for r in records if r["story_id"] in gold]
    cache = compare_ecbplus.CACHE.with_name(f"storylens_judged_{source_key()}.pkl")
    compare_ecbplus.CACHE = cache
    by_id = analyses(records)
    record_of = {r["id"]: r for r in records}
    offsets = {i: sentence_offsets(record_of[i], by_id[i].article.text) for i in record_of}
    outlets = {r["id"]: r["outlet"] or r["id"] for r in records}
    totals: dict[str, list[int]] = {"tuning": [0] * len(FIELDS), "held-out": [0] * len(FIELDS)}
    with Store(VECTORS) as store:
        encoder = CachedEncoder(default_encoder(), store)
        for story in sorted(gold, key=lambda s: (int(s.split("_")[0]), s)):
            ids = [r["id"] for r in records if r["story_id"] == story]
            comparison = compare_analyses([by_id[i] for i in ids], encoder=encoder)
            figures = score_story(comparison, gold[story], offsets, outlets)
            split = _split(story)
            totals[split] = [t + f for t, f in zip(totals[split], figures, strict=True)]
            report(story, figures)
    for split, figures in totals.items():
        report(split, figures)
    report("overall", [a + b for a, b in zip(*totals.values(), strict=True)])


if __name__ == "__main__":
    main()
