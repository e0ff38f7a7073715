"""Cached analyses and story vectors of the clustering corpora (ECB+ dev, BASIL dev, PolNeAR).

Analysing ~1,900 articles costs minutes of CPU; the clustering benchmarks read them from
``bench/out/cluster_cache/`` instead, keyed by article id and content hash, so a change to
clustering is measured in seconds. Missing entries are computed (real pipeline) and added.

Run: .venv/bin/python bench/cluster_cache.py   (fills the cache for every corpus)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_corpora import DATA, OUT, basil_articles, polnear_articles

from storylens import io
from storylens.clean import clean_article
from storylens.cluster import story_text
from storylens.embedding import default_encoder
from storylens.ingest import read_path
from storylens.ingest.identity import content_hash
from storylens.model import Analysis, Article, RawArticle

CACHE = OUT / "cluster_cache"
ECBPLUS = DATA / "ecbplus-dev" / "articles.jsonl"


def ecbplus_articles() -> tuple[list[Article], dict[str, str], dict[str, int]]:
    """ECB+ dev articles in file order, each id's gold story and topic."""
    gold, topics = {}, {}
    with ECBPLUS.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            gold[record["id"]] = record["story_id"]
            topics[record["id"]] = int(record["topic"])
    articles = [clean_article(r) for r in read_path(ECBPLUS) if isinstance(r, RawArticle)]
    return articles, gold, topics


def _key(article: Article) -> str:
    return f"{article.id}:{content_hash(article.outlet + chr(10) + article.text)[:16]}"


def cached_analyses(name: str, articles: Sequence[Article]) -> list[Analysis]:
    """The analysis of every article, from the cache or the real pipeline (then cached)."""
    from storylens.pipeline import analyze_articles

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}.analyses.jsonl"
    stored: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, _, payload = line.partition("\t")
            stored[key] = payload
    missing = [a for a in articles if _key(a) not in stored]
    if missing:
        with path.open("a", encoding="utf-8") as handle:
            for done, analysis in enumerate(analyze_articles(missing, n_process=1), 1):
                payload = io.dumps(analysis)
                stored[_key(analysis.article)] = payload
                handle.write(f"{_key(analysis.article)}\t{payload}\n")
                if done % 100 == 0:
                    print(f"  {name}: analysed {done}/{len(missing)}", flush=True)
    return [io.from_json(Analysis, json.loads(stored[_key(a)])) for a in articles]


def cached_vectors(name: str, articles: Sequence[Article]) -> dict[str, np.ndarray]:
    """The story vector of every article's story text (MiniLM), cached by text."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}.vectors.npz"
    table: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path, allow_pickle=False) as data:
            table = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
    texts = sorted({story_text(a) for a in articles} - set(table))
    if texts:
        for text, vector in zip(texts, default_encoder().encode(texts), strict=True):
            table[text] = vector
        keys = sorted(table)
        np.savez(path, texts=np.array(keys), vectors=np.stack([table[k] for k in keys]))
    return table


def main() -> None:
    ecb, _, _ = ecbplus_articles()
    basil, _ = basil_articles()
    polnear = polnear_articles()
    for name, articles in (("ecbplus", ecb), ("basil", basil), ("polnear", polnear)):
        cached_vectors(name, articles)
        cached_analyses(name, articles)
        print(f"{name}: {len(articles)} cached", flush=True)


if __name__ == "__main__":
    main()
