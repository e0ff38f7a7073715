"""Which MinHash bands the store indexes, and how many candidates a lookup returns."""

import json
import random

import pytest

from storylens.store import CorpusWriter, Store, ingest_inputs, story_partition
from storylens.store.database import MAX_CANDIDATES
from tests.conftest import DATA

BASIL = DATA / "basil-dev" / "articles.jsonl"


def _first_record():
    with BASIL.open(encoding="utf-8") as lines:
        return json.loads(next(lines))


def _edited(text, *, seed, share):
    """The text with ``share`` of its words replaced (an edited copy)."""
    rng = random.Random(seed)
    words = text.split(" ")
    for index in rng.sample(range(len(words)), int(len(words) * share)):
        words[index] = f"edit{seed}x{index}"
    return " ".join(words)


def _ingest(tmp_path, records):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store = Store(tmp_path / "copies.db")
    summary = ingest_inputs(CorpusWriter(store), [str(corpus)])
    return store, summary


def _banded(store):
    rows = store.connection.execute(
        "SELECT a.article_id FROM articles a"
        " WHERE EXISTS (SELECT 1 FROM minhash_bands b WHERE b.article_id = a.id)"
    ).fetchall()
    return {r[0] for r in rows}


@pytest.mark.corpus
def test_near_identical_copies_do_not_grow_the_band_index(tmp_path):
    original = _first_record()
    copies = [
        dict(original, id=f"copy-{n}", outlet=f"Carrier {n}", text=original["text"] + f" ({n})")
        for n in range(5)
    ]
    store, summary = _ingest(tmp_path, [original, *copies])
    with store:
        assert summary.copies == 5
        assert _banded(store) == {original["id"]}
        partition = story_partition(store.connection)
    assert len({partition[r["id"]] for r in [original, *copies]}) == 1


@pytest.mark.corpus
def test_an_edited_copy_stays_findable_for_the_copies_of_it(tmp_path):
    original = _first_record()
    edited = dict(original, id="edited", outlet="Edits Daily")
    edited["text"] = _edited(original["text"], seed=1, share=0.02)
    store, summary = _ingest(tmp_path, [original, edited])
    with store:
        similarity = store.connection.execute("SELECT similarity FROM syndication").fetchone()[0]
        assert summary.copies == 1
        assert 0.7 <= similarity < 0.9
        assert _banded(store) == {original["id"], "edited"}


def test_band_candidates_are_capped_most_shared_first(tmp_path):
    with Store(tmp_path / "bands.db") as store:
        for row in range(1, MAX_CANDIDATES + 6):
            store.connection.execute(
                "INSERT INTO articles (id, article_id, content_hash, outlet, title, input,"
                " article_json, ingested_at) VALUES (?, ?, ?, 'o', 't', 'i', '{}', 'now')",
                (row, f"a{row}", f"h{row}"),
            )
            shared = [1, 2] if row == MAX_CANDIDATES + 5 else [1]
            store.insert_signature(row, signature=bytes([row]), bands=shared)
        found = store.band_candidates([1, 2])
    assert len(found) == MAX_CANDIDATES
    assert MAX_CANDIDATES + 5 in found  # shares two bands: ranked first although stored last


@pytest.mark.corpus
def test_a_cut_copy_is_stored_and_exported_as_partial_a_full_copy_is_not(tmp_path):
    from storylens.store import export_rows

    original = _first_record()
    paragraphs = original["text"].split("\n")
    cut = "\n".join(paragraphs[: max(2, len(paragraphs) // 2)]) + "\nRead more"
    full = dict(original, id="full-copy", outlet="Carrier Full", text=original["text"] + " (1)")
    partial = dict(original, id="cut-copy", outlet="Carrier Cut", text=cut)
    store, summary = _ingest(tmp_path, [original, full, partial])
    with store:
        assert summary.copies == 2
        rows = {r["article_id"]: r for r in export_rows(store.connection)}
    assert rows["cut-copy"]["copy_of"] == rows["full-copy"]["copy_of"] == original["id"]
    assert (rows["cut-copy"]["partial_copy"], rows["full-copy"]["partial_copy"]) == (
        "true",
        "false",
    )
    assert rows[original["id"]]["partial_copy"] is None
