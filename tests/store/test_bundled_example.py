"""The store on what a fresh clone ships: the two seeds, a blog copy of one, an unrelated story.

These run without ../shared/data, so ingest, copy detection, clustering, re-runs and export are
tested on every machine (the corpus-marked tests repeat them at BASIL scale).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from storylens.cli import main
from tests.conftest import OPPOSING_VIEWS, PJ_MEDIA, ROOT

COUNCIL = ROOT / "tests" / "fixtures" / "council_budget.txt"


def _blog_copy(text: str) -> str:
    """PJ Media's story as a blog reposts it: its own menu and footer, the page ads gone."""
    body = [line for line in text.splitlines() if line.strip() not in {"Advertisement"}]
    header = ["Home | World | Politics | Contact", "Posted by the editors", ""]
    footer = ["", "Share this: Facebook Twitter Email", "Leave a comment"]
    return "\n".join([*header, *body[:-6], *footer]) + "\n"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    for source in (PJ_MEDIA, OPPOSING_VIEWS, COUNCIL):
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    copy = _blog_copy(PJ_MEDIA.read_text(encoding="utf-8"))
    (folder / "blog_repost.txt").write_text(copy, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def store(inputs, tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "bundled.db"
    result = CliRunner().invoke(
        main, ["ingest", str(inputs), "--db", str(db), "--no-analyze", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    return db, result.stderr


def _stories(db):
    result = CliRunner().invoke(main, ["stories", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_blog_repost_is_a_copy_and_the_council_vote_its_own_story(store):
    db, summary = store
    assert "ingested 3 articles (1 more as syndicated copies)" in summary
    found = _stories(db)
    by_size = sorted(found, key=lambda s: s["articles"])
    assert [s["articles"] for s in by_size] == [1, 3]
    council, syria = by_size
    assert "Riverton" in council["title"]
    assert syria["accounts"] == 2
    assert len(syria["article_ids"]) == 3
    assert {"PJ Media", "Opposing Views"} <= set(syria["outlets"])


def test_every_article_is_in_exactly_one_story(store):
    db, _ = store
    ids = [a for s in _stories(db) for a in s["article_ids"]]
    assert len(ids) == 4
    assert len(set(ids)) == 4


def test_ingesting_again_stores_nothing_new(store, inputs):
    db, _ = store
    before = _stories(db)
    result = CliRunner().invoke(
        main, ["ingest", str(inputs), "--db", str(db), "--no-analyze", "--quiet"]
    )
    assert result.exit_code == 0
    assert "ingested 0 articles" in result.stderr
    assert "4 duplicates skipped" in result.stderr
    assert _stories(db) == before


def test_export_csv_has_one_row_per_article_and_names_the_copy(store):
    db, _ = store
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4
    copies = [r for r in rows if r["copy_of"]]
    assert len(copies) == 1
    (pj,) = [r for r in rows if r["outlet"] == "PJ Media"]
    assert copies[0]["copy_of"] == pj["article_id"]
    assert copies[0]["outlet"] != "PJ Media"
