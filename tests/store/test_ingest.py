import collections
import json
import sqlite3

import numpy as np
import pytest

from storylens.store import CorpusWriter, Store, ingest_inputs, load_story, story_partition
from storylens.store.schema import MIGRATIONS, SCHEMA_VERSION, _apply
from tests.conftest import DATA

BASIL = DATA / "basil-dev" / "articles.jsonl"


def gold_stories():
    with BASIL.open(encoding="utf-8") as lines:
        return {r["id"]: r["story_id"] for r in map(json.loads, lines)}


def bcubed_f1(gold, predicted):
    both = list(zip(gold, predicted, strict=True))
    pairs = collections.Counter(both)
    gold_sizes, predicted_sizes = collections.Counter(gold), collections.Counter(predicted)
    precision = sum(pairs[(g, p)] / predicted_sizes[p] for g, p in both) / len(both)
    recall = sum(pairs[(g, p)] / gold_sizes[g] for g, p in both) / len(both)
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module")
def basil_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "basil.db"
    with Store(path) as store:
        summary = ingest_inputs(CorpusWriter(store), [str(BASIL)])
    assert summary.ingested == 150
    assert not summary.issues
    return path


@pytest.mark.corpus
def test_every_article_is_in_exactly_one_story(basil_db):
    with Store(basil_db) as store:
        members = store.connection.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM story_members"
        ).fetchone()
        accounts = store.connection.execute("SELECT sum(accounts) FROM stories").fetchone()[0]
        assert store.count_articles() == 150
    assert members == (150, 150)
    assert accounts == 150


@pytest.mark.corpus
def test_stories_match_basil_events(basil_db):
    gold = gold_stories()
    with Store(basil_db) as store:
        partition = story_partition(store.connection)
    ids = sorted(gold)
    assert bcubed_f1([gold[i] for i in ids], [partition[i] for i in ids]) >= 0.9


@pytest.mark.corpus
def test_ingesting_again_is_a_no_op(basil_db):
    with Store(basil_db) as store:
        before = store.connection.execute("SELECT count(*) FROM stories").fetchone()[0]
        summary = ingest_inputs(CorpusWriter(store), [str(BASIL)])
        after = store.connection.execute("SELECT count(*) FROM stories").fetchone()[0]
        assert store.count_articles() == 150
    assert (summary.ingested, summary.duplicates) == (0, 150)
    assert before == after


@pytest.mark.corpus
def test_a_syndicated_copy_joins_its_original_and_names_its_carrier(tmp_path):
    with BASIL.open(encoding="utf-8") as lines:
        records = [json.loads(next(lines)) for _ in range(3)]
    copy = dict(
        records[0], id="wire-copy", outlet="Wire Daily", title="WIRE: " + records[0]["title"]
    )
    copy["text"] = "By Wire Daily staff\n\n" + records[0]["text"] + "\n\n(c) Wire Daily"
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in [*records, copy]), encoding="utf-8")
    with Store(tmp_path / "copies.db") as store:
        summary = ingest_inputs(CorpusWriter(store), [str(corpus)])
        partition = story_partition(store.connection)
        story = load_story(store.connection, partition[records[0]["id"]])
    assert (summary.ingested, summary.copies) == (3, 1)
    assert partition["wire-copy"] == partition[records[0]["id"]]
    original = next(a for a in story.accounts if a.article.id == records[0]["id"])
    assert original.carried_by == ("Wire Daily",)
    assert story.summary.articles == story.summary.accounts + 1


def test_a_new_database_is_migrated_in_wal_mode(tmp_path):
    path = tmp_path / "fresh.db"
    Store(path).close()
    with Store(path) as store:
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


@pytest.mark.corpus
def test_new_articles_never_split_or_move_stories_of_several_accounts(tmp_path):
    with BASIL.open(encoding="utf-8") as lines:
        records = [next(lines) for _ in range(36)]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(records[::2]), encoding="utf-8")
    second.write_text("".join(records[1::2]), encoding="utf-8")
    with Store(tmp_path / "grow.db") as store:
        ingest_inputs(CorpusWriter(store), [str(first)])
        before = story_partition(store.connection)
        ingest_inputs(CorpusWriter(store), [str(second)])
        after = story_partition(store.connection)
    assert len(after) == 36
    sizes = collections.Counter(before.values())
    kept = {k: v for k, v in before.items() if sizes[v] > 1}
    assert kept
    assert {k: after[k] for k in kept} == kept
    gold = gold_stories()
    ids = sorted(after)
    assert bcubed_f1([gold[i] for i in ids], [after[i] for i in ids]) >= 0.9


TITLE_VECTORS = {"Alpha": (1.0, 0.0), "Beta": (0.45, 0.893), "Gamma": (0.9, 0.436)}


class TitleEncoder:
    """Story vectors chosen by the first word of an article's title (2 dimensions, padded)."""

    def encode(self, sentences):
        out = np.zeros((len(sentences), 384), dtype=np.float32)
        for row, sentence in enumerate(sentences):
            x, y = TITLE_VECTORS[sentence.split()[0]]
            out[row, :2] = np.array([x, y]) / np.hypot(x, y)
        return out


def test_a_lone_article_joins_the_story_once_a_later_account_links_them(tmp_path):
    # Beta is below the threshold to Alpha alone, but within it of Alpha + Gamma.
    records = [
        {
            "id": title.lower(),
            "title": f"{title} report",
            "text": " ".join(f"{title}{i}" for i in range(60)),  # no shared shingles: no copies
            "outlet": f"Outlet {n}",
            "date": "2016-03-01",
        }
        for n, title in enumerate(["Alpha", "Beta", "Gamma"])
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store(tmp_path / "lone.db") as store:
        summary = ingest_inputs(CorpusWriter(store, encoder=TitleEncoder()), [str(corpus)])
        partition = story_partition(store.connection)
        stories = store.connection.execute("SELECT id, accounts FROM stories").fetchall()
    assert summary.new_stories == 2
    assert summary.merged_stories == 1  # Beta's own story, absorbed when Gamma joined Alpha
    assert len(set(partition.values())) == 1
    assert stories == [(partition["alpha"], 3)]


def test_a_version_2_database_keeps_its_minhash_bands_when_migrated(tmp_path):
    path = tmp_path / "v2.db"
    connection = sqlite3.connect(path, isolation_level=None)
    for step, script in enumerate(MIGRATIONS[:2], start=1):
        _apply(connection, script, step)
    connection.execute(
        "INSERT INTO articles (id, article_id, content_hash, outlet, title, input,"
        " article_json, ingested_at) VALUES (1, 'a1', 'h1', 'o', 't', 'i', '{}', 'now')"
    )
    connection.execute("INSERT INTO minhash_signatures VALUES (1, x'01')")
    connection.executemany("INSERT INTO minhash_bands VALUES (?, 1)", [(5,), (-7,)])
    connection.close()
    with Store(path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.band_candidates([-7]) == {1: b"\x01"}
        plan = store.connection.execute(
            "EXPLAIN QUERY PLAN SELECT article_id FROM minhash_bands WHERE band_key = 5"
        ).fetchall()
    assert "PRIMARY KEY" in " ".join(str(row[-1]) for row in plan)
