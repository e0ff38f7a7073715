"""Copy (syndication) detection: precision and recall on a gold of copies made from real articles.

Usage:
  .venv/bin/python bench/copies.py --make-gold   # (re)write bench/gold/copies.json (ids only)
  .venv/bin/python bench/copies.py               # score storylens on it

Originals: BASIL dev (150), PolNeAR dev (84) and ECB+ dev (772) articles, as read by storylens.
The gold names, for each copy, its source article id, the transforms applied and the seed, never
text: the copies are re-made from the corpus on every run. Transforms (our own, not any site's):
- ``debris``: other page furniture above, inside and below the body (menus, share buttons,
  newsletter and donate lines, a byline with a timestamp, a photo caption with a credit);
- ``cut``: only the first 30-70 % of the paragraphs (or sentences), then "Read more";
- ``edit``: a new headline, one sentence in five dropped, a few words inserted;
- combinations of these.
Negatives: every original queried against all other originals (same-story articles of other
outlets in BASIL and ECB+ are the hard ones). A returned link counts as correct only when it is
the copy's own source; any link for an original is a false positive.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.conftest import DATA  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "copies.json"
TRANSFORMS = (
    ("debris",),
    ("cut",),
    ("edit",),
    ("debris", "cut"),
    ("debris", "edit"),
    ("cut", "edit"),
    ("debris", "cut", "edit"),
)
HEADER = [
    "Skip to main content",
    "Home | World | Politics | Business",
    "Log in | Subscribe",
    "By Staff Writer | Updated 9:41 AM ET, Tue March 6, 2018",
    "Share on Facebook",
]
INLINE = [
    "Advertisement",
    "Sign up for our daily newsletter",
    "A view of the square on Tuesday. (Photo: Staff photographer/Wire Images)",
    "Read more: related coverage",
]
FOOTER = [
    "Related stories",
    "Donate now",
    "© 2018 Example Media Group. All rights reserved.",
    "Comments (12)",
]
NATURAL_COPIES = {
    frozenset(pair)
    for pair in (
        ("8_5ecb", "8_7ecb"),
        ("7_3ecbplus", "7_4ecbplus"),
        ("22_12ecbplus", "22_14ecbplus"),
        ("35_4ecb", "35_6ecb"),
        ("12_14ecb", "12_4ecb"),
        ("23_1ecbplus", "23_2ecbplus"),
        ("26_2ecbplus", "26_8ecbplus"),
    )
}
"""ECB+ pairs judged (one judgement, by reading both texts) to be copies or partial copies of
one wire text; a copy made from one of them that links to the other is linked correctly."""
FILLERS = ("also", "now", "reportedly", "on Tuesday", "however")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    paragraphs: list[str]


def load_sources() -> dict[str, Source]:
    out: dict[str, Source] = {}
    for name in ("basil-dev", "ecbplus-dev"):
        with (DATA / name / "articles.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                paragraphs = [p for p in record["text"].split("\n\n") if p.strip()]
                out[record["id"]] = Source(record["id"], record.get("title") or "", paragraphs)
    for path in sorted((DATA / "polnear" / "dev" / "text").glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        out[f"polnear-{path.stem}"] = Source(f"polnear-{path.stem}", lines[0], lines[1:])
    return out


def units(paragraphs: list[str]) -> list[str]:
    """Paragraphs, or sentences when the text is one paragraph (ECB+)."""
    if len(paragraphs) >= 4:
        return paragraphs
    return [s for p in paragraphs for s in _SENTENCE.split(p) if s.strip()]


def make_copy(source: Source, transforms: tuple[str, ...], seed: int) -> str:
    rng = random.Random(seed)
    body = units(source.paragraphs)
    title = source.title
    if "edit" in transforms:
        title = "UPDATE: " + " ".join(reversed(title.split()[:6])) if title else "Update"
        body = [_edit(p, rng) for p in body]
    if "cut" in transforms:
        keep = max(2, round(len(body) * rng.uniform(0.3, 0.7)))
        body = [*body[:keep], "Read more"]
    if "debris" in transforms:
        body = list(body)
        for line in INLINE:
            body.insert(rng.randrange(1, max(2, len(body))), line)
        return "\n\n".join([*HEADER, title, *body, *FOOTER])
    return "\n\n".join([title, *body])


def _edit(paragraph: str, rng: random.Random) -> str:
    sentences = [s for s in _SENTENCE.split(paragraph) if s.strip()]
    if len(sentences) > 1 and rng.random() < 0.2:
        sentences.pop(rng.randrange(len(sentences)))
    words = " ".join(sentences).split()
    for _ in range(max(1, len(words) // 40)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(FILLERS))
    return " ".join(words)


def make_gold(sources: dict[str, Source], count: int) -> None:
    rng = random.Random(14)
    eligible = sorted(i for i, s in sources.items() if len(" ".join(s.paragraphs).split()) >= 120)
    chosen = rng.sample(eligible, count)
    copies = [
        {
            "copy_id": f"copy-{n:03d}",
            "source_id": source_id,
            "transforms": list(TRANSFORMS[n % len(TRANSFORMS)]),
            "seed": rng.randrange(1 << 30),
        }
        for n, source_id in enumerate(chosen)
    ]
    GOLD.parent.mkdir(parents=True, exist_ok=True)
    GOLD.write_text(
        json.dumps(
            {
                "about": "Copies written by bench/copies.py from the named source articles "
                "(ids in ../shared/data); re-made from the seed on every run. Negatives: all "
                "originals against each other.",
                "copies": copies,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(copies)} copies to {GOLD}")


def _article(source_id: str, text: str):
    from storylens.clean import clean_article
    from storylens.ingest.records import read_record

    raw = read_record({"text": text, "outlet": source_id}, input_name=source_id)
    return clean_article(raw)


class Lookup:
    def __init__(self, signatures):
        self.signatures = signatures
        self.by_band: dict[int, set[int]] = {}
        for row, signature in signatures.items():
            for band in signature.bands:
                self.by_band.setdefault(band, set()).add(row)

    def band_candidates(self, bands, exclude=None):
        rows = set().union(*(self.by_band.get(b, set()) for b in bands)) - {exclude}
        return {row: self.signatures[row].values for row in rows}


def corpus_of(source_id: str) -> str:
    if source_id.startswith("basil-"):
        return "basil"
    return "polnear" if source_id.startswith("polnear-") else "ecbplus"


SPLITS = {"tune": ("basil",), "test": ("polnear", "ecbplus")}
"""The containment threshold is chosen on BASIL (copies of BASIL articles, BASIL originals as
negatives) and reported on PolNeAR and ECB+ copies with PolNeAR originals as negatives."""
NEGATIVE_CORPORA = {"tune": ("basil",), "test": ("polnear",)}
"""ECB+ originals are not negatives: ECB+ gathered many sites' copies of the same wire stories
(judged on a sample), so links among them are not false; they are counted separately."""


def build(sources: dict[str, Source]):
    from storylens.cluster import sign_article

    ids = sorted(sources)
    signatures = {row: sign_article(_article(i, _text(sources[i]))) for row, i in enumerate(ids)}
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["copies"]
    copy_signatures = {
        c["copy_id"]: sign_article(
            _article(
                c["copy_id"],
                make_copy(sources[c["source_id"]], tuple(c["transforms"]), c["seed"]),
            )
        )
        for c in gold
    }
    return ids, signatures, gold, copy_signatures


def score(ids, signatures, gold, copy_signatures, *, split: str, containment: float):
    from storylens.cluster import find_original

    lookup = Lookup(signatures)
    false_links, natural = [], []
    for row, source_id in enumerate(ids):
        corpus = corpus_of(source_id)
        if corpus not in NEGATIVE_CORPORA[split] and not (split == "test" and corpus == "ecbplus"):
            continue

        class Without:
            def band_candidates(self, bands, row=row):
                return lookup.band_candidates(bands, exclude=row)

        found = find_original(signatures[row], Without(), containment=containment)
        if found is None:
            continue
        link = (source_id, ids[found.row], round(found.similarity, 3), found.containment)
        (natural if corpus == "ecbplus" else false_links).append(link)
    hits, wrong, missed, by_transform = 0, [], [], {}
    for copy in gold:
        if corpus_of(copy["source_id"]) not in SPLITS[split]:
            continue
        found = find_original(copy_signatures[copy["copy_id"]], lookup, containment=containment)
        tally = by_transform.setdefault("+".join(copy["transforms"]), [0, 0])
        tally[1] += 1
        linked = ids[found.row] if found is not None else None
        if linked == copy["source_id"] or frozenset((linked, copy["source_id"])) in NATURAL_COPIES:
            hits += 1
            tally[0] += 1
        elif found is not None:
            wrong.append((copy["copy_id"], copy["source_id"], ids[found.row]))
        else:
            missed.append(copy["copy_id"])
    positives = sum(b for _, b in by_transform.values())
    returned = hits + len(wrong) + len(false_links)
    precision = hits / returned if returned else 1.0
    recall = hits / positives if positives else 0.0
    return {
        "split": split,
        "containment_threshold": containment,
        "copies": positives,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if hits else 0.0,
        "false_links_between_originals": false_links,
        "natural_ecbplus_links": natural,
        "wrong_source": wrong,
        "missed": missed,
        "recall_by_transform": {k: f"{a}/{b}" for k, (a, b) in sorted(by_transform.items())},
    }


def evaluate(sources: dict[str, Source]) -> dict[str, object]:
    from storylens.cluster.syndication import CONTAINMENT_THRESHOLD

    built = build(sources)
    sweep = {
        t: score(*built, split="tune", containment=t)
        for t in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
    }
    best = max(sweep, key=lambda t: (sweep[t]["f1"], t))
    return {
        "originals": len(built[0]),
        "tune_sweep": {t: (r["precision"], r["recall"]) for t, r in sweep.items()},
        "chosen_on_tune": best,
        "shipped_threshold": CONTAINMENT_THRESHOLD,
        "tune": sweep.get(CONTAINMENT_THRESHOLD),
        "test": score(*built, split="test", containment=CONTAINMENT_THRESHOLD),
    }


def _text(source: Source) -> str:
    return "\n\n".join([source.title, *source.paragraphs])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--make-gold", action="store_true")
    parser.add_argument("--count", type=int, default=210)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "copies.json")
    args = parser.parse_args()
    sources = load_sources()
    if args.make_gold:
        make_gold(sources, args.count)
        return
    result = evaluate(sources)
    print(json.dumps(result, indent=1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
