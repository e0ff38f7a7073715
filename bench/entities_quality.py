"""Entity grouping and typing on a judged sample of mentions (PolNeAR dev and BASIL dev).

Sample: 20 PolNeAR dev and 10 BASIL dev articles (seeded), and in each up to 8 of the name
mentions storylens finds (seeded, drawn before any judgement). A judge reads each mention in
its sentence, without storylens's grouping or type, and writes who or what it names (a key:
the same key for every mention of one person or organisation in the article) and its kind:
person, organisation, place, group (nationalities, parties as adjectives, religions), or
none (not a name: a title fragment, a date, a common word).

Scores, over the judged mentions:
- grouping: pairs of mentions in one article; a pair is predicted together when storylens
  puts both in one entity, and gold together when the judge gave them one key. Pairs with a
  "none" mention are left out. P = right predicted pairs / predicted pairs, R = / gold pairs.
- type accuracy: storylens's entity label equals the judged kind (mentions judged "none"
  count as wrong: storylens made an entity of a non-name).

    .venv/bin/python bench/entities_quality.py --sample > /tmp/entities_to_judge.txt   # judge
    .venv/bin/python bench/entities_quality.py                                         # score

Gold: ``bench/gold/entities_judged.json`` (article ids, offsets, keys and kinds; no text).
"""

from __future__ import annotations

import argparse
import json
import random
from itertools import combinations
from pathlib import Path

from storylens.pipeline import analyze_articles, read_articles

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "bench" / "gold" / "entities_judged.json"
OUT = ROOT / "bench" / "out" / "entities_quality.json"
PER_ARTICLE = 8
SEED = 15


def articles():
    """20 PolNeAR dev texts and 10 BASIL dev articles, chosen by a seeded shuffle."""
    rng = random.Random(SEED)
    paths = sorted((DATA / "polnear" / "dev" / "text").glob("*.txt"))
    rng.shuffle(paths)
    polnear = list(read_articles([str(p) for p in paths[:20]]))
    basil = list(read_articles([str(DATA / "basil-dev" / "articles.jsonl")]))
    rng.shuffle(basil)
    return [*polnear, *basil[:10]]


def article_key(article):
    return Path(article.input).stem if "basil" not in article.id else article.id


def mentions(sampled=True):
    """(article key, text, mention span, entity id, label) for the sampled (or all) mentions."""
    rng = random.Random(SEED)
    for analysis in analyze_articles(articles()):
        found = [
            (m.span, e.id, e.label.value)
            for e in analysis.entities
            for m in e.mentions
            if m.span.start >= 0
        ]
        found.sort(key=lambda f: f[0].start)
        picked = found
        if sampled:
            picked = sorted(
                rng.sample(found, min(PER_ARTICLE, len(found))), key=lambda f: f[0].start
            )
        for span, entity_id, label in picked:
            yield article_key(analysis.article), analysis.article.text, span, entity_id, label


def sample():
    for key, text, span, _, _ in mentions():
        left = text.rfind("\n", 0, span.start) + 1
        context = " ".join(text[max(left, span.start - 90) : span.end + 60].split())
        print(f"{key}\t{span.start}\t{span.end}\t{span.text!r}\t{context}")


def score():
    gold = json.loads(GOLD.read_text("utf-8"))
    judged = {(g["article"], g["start"], g["end"]): g for g in gold["items"]}
    predicted = {}
    for key, _, span, entity_id, label in mentions(sampled=False):
        predicted[(key, span.start, span.end)] = (entity_id, label)
    # A judged mention storylens no longer finds is left out (its count is reported).
    items = [(k, judged[k], predicted[k]) for k in judged if k in predicted]
    typed = sum(g["kind"] == p[1] for _, g, p in items)
    named = [(k, g, p) for k, g, p in items if g["kind"] != "none"]
    tp = fp = fn = 0
    for (k1, g1, p1), (k2, g2, p2) in combinations(named, 2):
        if k1[0] != k2[0]:
            continue
        same_pred, same_gold = p1[0] == p2[0], g1["key"] == g2["key"]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    result = {
        "judgements": gold["judgements"],
        "mentions": len(items),
        "judged_not_found": len(judged) - len(items),
        "articles": len({k[0] for k, _, _ in items}),
        "type_accuracy": round(typed / max(len(items), 1), 4),
        "grouping_pairs": {"true": tp, "false": fp, "missed": fn},
        "grouping_precision": round(tp / max(tp + fp, 1), 4),
        "grouping_recall": round(tp / max(tp + fn, 1), 4),
        "type_errors": [
            {"item": list(k), "gold": g["kind"], "storylens": p[1]}
            for k, g, p in items
            if g["kind"] != p[1]
        ],
    }
    print(json.dumps(result, indent=1))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n", "utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", action="store_true", help="print the mentions to judge")
    args = parser.parse_args()
    if args.sample:
        sample()
    else:
        score()


if __name__ == "__main__":
    main()
