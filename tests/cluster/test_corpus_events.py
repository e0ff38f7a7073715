"""Stories as events on real coverage: ECB+ dev (two events of one kind per topic, no
publication dates) and BASIL dev (dated, three outlets per event), through the real
pipeline (analysis, MiniLM, store). Full figures: bench/cluster_events.py, cluster_quality.py."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from storylens.clean import clean_article
from storylens.ingest import read_path
from storylens.model import RawArticle
from storylens.pipeline import analyze_articles
from storylens.store import CorpusWriter, Store, story_partition
from tests.conftest import DATA

pytestmark = pytest.mark.corpus

TOPICS = {1, 2, 4}
"""Celebrity rehab stays, Oscar hosts, deaths of film stars: each two events of one kind."""


def bcubed(gold: dict[str, str], predicted: dict[str, int]) -> tuple[float, float]:
    ids = list(gold)
    pairs = Counter((gold[i], predicted[i]) for i in ids)
    gold_sizes = Counter(gold[i] for i in ids)
    predicted_sizes = Counter(predicted[i] for i in ids)
    precision = sum(pairs[(gold[i], predicted[i])] / predicted_sizes[predicted[i]] for i in ids)
    recall = sum(pairs[(gold[i], predicted[i])] / gold_sizes[gold[i]] for i in ids)
    return precision / len(ids), recall / len(ids)


def cluster(records: list[dict[str, object]], tmp_path) -> dict[str, int]:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    articles = [clean_article(r) for r in read_path(path) if isinstance(r, RawArticle)]
    with Store(tmp_path / "c.db") as store:
        writer = CorpusWriter(store, analyzer=analyze_articles)
        for start in range(0, len(articles), 32):
            writer.add_batch(articles[start : start + 32])
        return story_partition(store.connection)


def test_ecbplus_events_of_one_kind_are_kept_apart(tmp_path):
    lines = (DATA / "ecbplus-dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [r for r in map(json.loads, lines) if r["topic"] in TOPICS]
    predicted = cluster(records, tmp_path)
    precision, recall = bcubed({str(r["id"]): str(r["story_id"]) for r in records}, predicted)
    assert precision >= 0.9
    assert recall >= 0.8


def test_basil_stories_are_found_whole(tmp_path):
    lines = (DATA / "basil-dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = list(map(json.loads, lines))[:45]
    predicted = cluster(records, tmp_path)
    precision, recall = bcubed({str(r["id"]): str(r["story_id"]) for r in records}, predicted)
    assert precision >= 0.95
    assert recall >= 0.95
