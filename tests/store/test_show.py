import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from storylens.cli import main
from storylens.cli.ingest import ingest
from storylens.cli.show import show
from storylens.store import Store, load_story

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PJ_MEDIA = EXAMPLES / "000_2752f3965346f474.txt"


def _ingest(db, *paths):
    result = CliRunner().invoke(ingest, [*map(str, paths), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return result


def _story_ids(db):
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM stories ORDER BY id")]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    """Both seeds, plus a wire copy of the PJ Media article carried by another outlet."""
    folder = tmp_path_factory.mktemp("show")
    db = folder / "seeds.db"
    _ingest(db, EXAMPLES)
    (story_id,) = _story_ids(db)
    with Store(db) as store:
        pj = next(
            a.article
            for a in load_story(store.connection, story_id).accounts
            if a.article.outlet == "PJ Media"
        )
    copy = {"id": "wire-copy", "outlet": "Wire Daily", "title": pj.title, "text": pj.text}
    jsonl = folder / "copy.jsonl"
    jsonl.write_text(json.dumps(copy) + "\n", encoding="utf-8")
    _ingest(db, jsonl)
    return db, story_id


def test_show_json_compares_both_outlets_and_names_the_carrier(seeds_db):
    db, story_id = seeds_db
    result = CliRunner().invoke(show, [str(story_id), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["schema"] == "storylens.comparison"
    comparison = document["comparison"]
    articles = {a["outlet"]: a for a in comparison["articles"]}
    assert set(articles) == {"PJ Media", "Opposing Views"}  # the copy is one account
    assert articles["PJ Media"]["carried_by"] == ["Wire Daily"]
    assert articles["Opposing Views"]["carried_by"] == []
    shared = [row for row in comparison["rows"] if len(row["facts"]) > 1]
    assert shared
    assert any("Kerry" in fact["span"]["text"] for row in shared for fact in row["facts"])


def test_show_text_report_says_who_carried_the_copy(seeds_db):
    db, story_id = seeds_db
    result = CliRunner().invoke(main, ["show", str(story_id), "--db", str(db), "--evidence"])
    assert result.exit_code == 0, result.output
    assert "PJ Media" in result.output
    assert "Opposing Views" in result.output
    assert "carried by Wire Daily" in result.output
    assert "Shared facts" in result.output


def test_show_second_time_reads_cached_vectors(seeds_db):
    db, story_id = seeds_db
    runner = CliRunner()
    runner.invoke(show, [str(story_id), "--db", str(db), "--format", "json"])
    with sqlite3.connect(db) as connection:
        cached = connection.execute("SELECT count(*) FROM sentence_vectors").fetchone()[0]
    again = runner.invoke(show, [str(story_id), "--db", str(db), "--format", "json"])
    assert again.exit_code == 0
    assert cached > 0
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM sentence_vectors").fetchone()[0] == cached


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_show_writes_other_formats_to_a_file(seeds_db, tmp_path, fmt):
    db, story_id = seeds_db
    target = tmp_path / f"story.{fmt}"
    result = CliRunner().invoke(
        show, [str(story_id), "--db", str(db), "--format", fmt, "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    written = target.read_text(encoding="utf-8")
    assert "Opposing Views" in written
    assert "carried by Wire Daily" in written


def test_show_unknown_story_is_one_error_line(seeds_db):
    db, _ = seeds_db
    result = CliRunner().invoke(show, ["999", "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: no story 999 in {db} (`storylens stories` lists them)"
    ]


def test_show_missing_database_is_an_error(tmp_path):
    result = CliRunner().invoke(show, ["1", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_show_single_account_says_there_is_nothing_to_compare(tmp_path, fmt):
    db = tmp_path / "one.db"
    _ingest(db, PJ_MEDIA)
    (story_id,) = _story_ids(db)
    result = CliRunner().invoke(show, [str(story_id), "--db", str(db), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "Nothing to compare" in result.output
    assert "PJ Media" in result.output
    if fmt == "json":
        assert json.loads(result.output)["comparison"] is None


def test_show_has_help_naming_the_default_database():
    result = CliRunner().invoke(show, ["--help"])
    assert result.exit_code == 0
    assert "STORYLENS_DB" in result.output


def test_show_analyses_accounts_stored_without_analysis(tmp_path):
    db = tmp_path / "bare.db"
    result = CliRunner().invoke(ingest, [str(EXAMPLES), "--db", str(db), "--no-analyze"])
    assert result.exit_code == 0, result.output
    (story_id,) = _story_ids(db)
    shown = CliRunner().invoke(show, [str(story_id), "--db", str(db), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert len(json.loads(shown.output)["comparison"]["articles"]) == 2
