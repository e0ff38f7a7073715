"""Corpora for the clustering benchmarks: BASIL dev, PolNeAR train/dev, perturbed copies.

Read through the real ingest and clean code, so what is measured is what users run.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import hashlib
import json
import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from storylens.clean import clean_article
from storylens.ingest import read_path
from storylens.model import Article, RawArticle

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BASIL = DATA / "basil-dev" / "articles.jsonl"
POLNEAR = DATA / "polnear"
OUT = Path(__file__).resolve().parent / "out"


def basil_articles() -> tuple[list[Article], dict[str, str]]:
    """BASIL dev articles in file order, and each article id's gold story id."""
    gold = {}
    with BASIL.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            gold[record["id"]] = record["story_id"]
    articles = [clean_article(r) for r in read_path(BASIL) if isinstance(r, RawArticle)]
    return articles, gold


def polnear_records(compartments: Sequence[str] = ("train", "dev")) -> list[dict[str, str]]:
    """PolNeAR articles as JSON records (title, text, outlet, date) via metadata.tsv."""
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        meta = {
            (r["compartment"], r["filename"]): r for r in csv.DictReader(handle, delimiter="\t")
        }
    records = []
    for compartment in compartments:
        for path in sorted((POLNEAR / compartment / "text").glob("*.txt")):
            row = meta[(compartment, path.stem)]
            lines = path.read_text(encoding="utf-8").split("\n", 1)
            records.append(
                {
                    "id": f"polnear-{compartment}-{path.stem}",
                    "title": lines[0].strip(),
                    "text": lines[1].strip() if len(lines) > 1 else lines[0],
                    "outlet": row["publisher"],
                    "date": row["publication_date"],
                }
            )
    return records


def write_jsonl(records: Sequence[dict[str, str]], path: Path) -> Path:
    """Write records as JSONL (for ingest through the real reader)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def polnear_articles(compartments: Sequence[str] = ("train", "dev")) -> list[Article]:
    """PolNeAR articles, cleaned, with publisher and date from metadata.tsv."""
    path = write_jsonl(
        polnear_records(compartments), OUT / f"polnear-{'-'.join(compartments)}.jsonl"
    )
    return [clean_article(r) for r in read_path(path) if isinstance(r, RawArticle)]


_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")


def perturbed_records(
    base: Sequence[dict[str, str]], count: int, *, seed: int = 7
) -> Iterator[dict[str, str]]:
    """``count`` new articles made from real ones: new dates, shuffled paragraphs, swapped names.

    Streamed, so a 100k corpus never sits in memory.
    """
    rng = random.Random(seed)
    names = sorted({n for r in base[:300] for n in _NAME.findall(r["text"])})
    start = dt.date(2010, 1, 1).toordinal()
    for number in range(count):
        record = base[rng.randrange(len(base))]
        paragraphs = [p for p in record["text"].split("\n\n") if p.strip()]
        rng.shuffle(paragraphs)
        text = "\n\n".join(paragraphs)
        found_names = sorted(set(_NAME.findall(text)))
        for found in rng.sample(found_names, min(3, len(found_names))):
            text = text.replace(found, rng.choice(names))
        yield {
            "id": f"perturbed-{number}",
            "title": record["title"],
            "text": text,
            "outlet": record.get("outlet", "unknown"),
            "date": dt.date.fromordinal(start + rng.randrange(9 * 365)).isoformat(),
        }


class PoolEncoder:
    """Vectors for scale runs without re-embedding: a pooled real vector plus noise.

    Each text maps (by its hash) to one vector of ``pool`` (real MiniLM vectors of perturbed
    articles) plus Gaussian noise of norm ~0.45 (cosine ~0.9 to it), renormalised.
    """

    def __init__(self, pool: np.ndarray) -> None:
        self.pool = pool

    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        out = np.empty((len(sentences), self.pool.shape[1]), dtype=np.float32)
        for row, sentence in enumerate(sentences):
            digest = hashlib.blake2b(sentence.encode("utf-8"), digest_size=8).digest()
            seed = int.from_bytes(digest, "big")
            rng = np.random.default_rng(seed)
            vector = self.pool[seed % len(self.pool)] + rng.normal(
                scale=0.45 / np.sqrt(self.pool.shape[1]), size=self.pool.shape[1]
            )
            out[row] = vector / np.linalg.norm(vector)
        return out


def bcubed(gold: Sequence[str], predicted: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a predicted partition against gold labels."""
    both = list(zip(gold, predicted, strict=True))
    pairs = collections.Counter(both)
    gold_sizes, predicted_sizes = collections.Counter(gold), collections.Counter(predicted)
    precision = sum(pairs[(g, p)] / predicted_sizes[p] for g, p in both) / len(both)
    recall = sum(pairs[(g, p)] / gold_sizes[g] for g, p in both) / len(both)
    return precision, recall, 2 * precision * recall / (precision + recall)
