"""Date resolution on a judged sample of date expressions (BASIL dev and PolNeAR dev).

Every article is analysed with its own publication date (BASIL's ``date``, PolNeAR's
``publication_date``). The sample is drawn from the date expressions storylens finds (seeded,
before any judgement), so it measures resolution, not recall. A judge reads each expression in
its paragraph, with the publication date and without storylens's value, and writes the date it
refers to as storylens states dates: the first day of its period (a day, "last week" → that
week's Monday, "in March" → 1 March, "in 2016" → 1 January 2016), or ``null`` when it names no
single period (a habitual "on Tuesdays", a span, a date in a hypothetical).

    .venv/bin/python bench/dates_quality.py --sample 100 > /tmp/dates_to_judge.txt   # judge
    .venv/bin/python bench/dates_quality.py                                          # score

Gold: ``bench/gold/dates_judged.json`` (article ids, offsets and judged dates; no text).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
from dataclasses import replace
from pathlib import Path

from storylens.pipeline import analyze_articles, read_articles

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "bench" / "gold" / "dates_judged.json"
OUT = ROOT / "bench" / "out" / "dates_quality.json"
POLNEAR_ARTICLES = 40


def polnear_articles():
    """PolNeAR dev texts, each with its publication date from metadata.tsv."""
    dates = {}
    with (DATA / "polnear" / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            dates[row["filename"]] = row["publication_date"]
    paths = sorted((DATA / "polnear" / "dev" / "text").glob("*.txt"))[:POLNEAR_ARTICLES]
    for article in read_articles([str(p) for p in paths]):
        stem = Path(article.input).stem
        published = dt.datetime.fromisoformat(dates[stem]).replace(tzinfo=dt.UTC)
        yield replace(article, id="polnear:" + stem, published=published)


def basil_articles():
    """BASIL dev articles (their JSONL ``date`` is read as the publication date)."""
    yield from read_articles([str(DATA / "basil-dev" / "articles.jsonl")])


def mentions():
    """(article, date mention) for every date expression storylens finds, in a fixed order."""
    articles = [*basil_articles(), *polnear_articles()]
    for analysis in analyze_articles(articles):
        for mention in analysis.dates:
            yield analysis.article, mention


def paragraph_around(text, start, end):
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return " ".join(text[left : right if right >= 0 else len(text)].split())


def sample(n, seed):
    found = list(mentions())
    random.Random(seed).shuffle(found)
    for article, mention in found[:n]:
        span = mention.span
        context = paragraph_around(article.text, span.start, span.end)
        print(f"## {article.id} {span.start} {span.end} published={article.published.date()}")
        print(f"   expression: {span.text!r}")
        print(f"   paragraph: {context[:700]}")


def score():
    gold = json.loads(GOLD.read_text("utf-8"))
    wanted = {(g["article"], g["start"], g["end"]): g["date"] for g in gold["items"]}
    got = {}
    for article, mention in mentions():
        key = (article.id, mention.span.start, mention.span.end)
        if key in wanted:
            got[key] = mention.value.isoformat() if mention.value else None
    # An expression storylens no longer finds states no date: right where the gold has none.
    right = [k for k, v in wanted.items() if got.get(k) == v]
    wrong = [(k, v, got.get(k, "not found")) for k, v in wanted.items() if k not in right]
    result = {
        "judged": len(wanted),
        "judgements": gold["judgements"],
        "correct": len(right),
        "accuracy": round(len(right) / len(wanted), 4),
        "wrong": [{"item": list(k), "gold": v, "storylens": g} for k, v, g in wrong],
    }
    print(json.dumps(result, indent=1))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n", "utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="print N expressions to judge")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    if args.sample:
        sample(args.sample, args.seed)
    else:
        score()


if __name__ == "__main__":
    main()
