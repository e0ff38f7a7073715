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

Gold: ``bench/gold/dates_judged.json`` (article ids, offsets and judged dates; no text), and
``bench/gold/dates_future_judged.json``: 45 more expressions, drawn only from sentences with a
word that may look ahead (``FUTURE_MARKERS``), where the tense rules matter (``--future-sample``).
Both now have a second blind judgement and an adjudication (``*_adjudicated.json``, which the
score reads; ``bench/gold/entity_date_page_guides.md``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
from dataclasses import replace
from pathlib import Path

from storylens.pipeline import analyze_articles, read_articles

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "bench" / "gold" / "dates_judged_adjudicated.json"
FUTURE_GOLD = ROOT / "bench" / "gold" / "dates_future_judged_adjudicated.json"
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


def print_sample(found, n, seed):
    """N of the (article, mention) pairs, seeded, each with its paragraph (no storylens value)."""
    random.Random(seed).shuffle(found)
    for article, mention in found[:n]:
        span = mention.span
        context = paragraph_around(article.text, span.start, span.end)
        print(f"## {article.id} {span.start} {span.end} published={article.published.date()}")
        print(f"   expression: {span.text!r}")
        print(f"   paragraph: {context[:700]}")


def sample(n, seed):
    found = list(mentions())
    print_sample(found, n, seed)


FUTURE_MARKERS = re.compile(
    r"\b(?:will|would|won't|wouldn't|shall|going to|plans?|planned|planning|scheduled|expected"
    r"|set to|due to|slated|intends?|aims?)\b|['’]ll\b",
    re.I,
)
"""Words of a sentence that may look ahead: the second sample holds only such sentences."""


def future_sample(n, seed):
    """Expressions in sentences with a future marker, not in the first gold (stratified)."""
    taken = {(g["article"], g["start"], g["end"]) for g in json.loads(GOLD.read_text())["items"]}
    found = [
        (article, mention)
        for article, mention in mentions()
        if (article.id, mention.span.start, mention.span.end) not in taken
        and FUTURE_MARKERS.search(sentence_around(article.text, mention.span))
    ]
    print_sample(found, n, seed)


def sentence_around(text, span):
    """The text from the last sentence end before the span to the next one after it."""
    left = max(text.rfind(". ", 0, span.start), text.rfind("\n", 0, span.start)) + 1
    right = min(
        x for x in (text.find(". ", span.end), text.find("\n", span.end), len(text)) if x >= 0
    )
    return text[left:right]


def score():
    golds = {"sample": GOLD, "future_markers": FUTURE_GOLD}
    wanted = {
        name: {
            (g["article"], g["start"], g["end"]): g["date"]
            for g in json.loads(path.read_text("utf-8"))["items"]
        }
        for name, path in golds.items()
    }
    keys = set().union(*wanted.values())
    got = {}
    for article, mention in mentions():
        key = (article.id, mention.span.start, mention.span.end)
        if key in keys:
            got[key] = mention.value.isoformat() if mention.value else None
    result = {"judgements": json.loads(GOLD.read_text("utf-8"))["judgements"]}
    for name, gold in wanted.items():
        result[name] = scored(gold, got)
    print(json.dumps(result, indent=1))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n", "utf-8")


def scored(wanted, got):
    """Accuracy of one gold; an expression no longer found is right only where gold has none."""
    right = [k for k, v in wanted.items() if got.get(k) == v]
    wrong = [(k, v, got.get(k, "not found")) for k, v in wanted.items() if k not in right]
    return {
        "judged": len(wanted),
        "correct": len(right),
        "accuracy": round(len(right) / len(wanted), 4),
        "wrong": [{"item": list(k), "gold": v, "storylens": g} for k, v, g in wrong],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="print N expressions to judge")
    parser.add_argument("--future-sample", type=int, default=0, help="the future-marker sample")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    if args.future_sample:
        future_sample(args.future_sample, args.seed)
    elif args.sample:
        sample(args.sample, args.seed)
    else:
        score()


if __name__ == "__main__":
    main()
