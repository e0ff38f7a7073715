import csv
import io
import json

import pytest
from click.testing import CliRunner

from storylens.cli.export import export
from storylens.cli.ingest import ingest
from storylens.cli.stories import stories
from tests.conftest import DATA

BASIL = DATA / "basil-dev" / "articles.jsonl"


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    with BASIL.open(encoding="utf-8") as lines:
        corpus = [next(lines) for _ in range(12)]
    source = folder / "twelve.jsonl"
    source.write_text("".join(corpus), encoding="utf-8")
    db = folder / "cli.db"
    result = CliRunner().invoke(ingest, [str(source), "--db", str(db), "--no-analyze"])
    assert result.exit_code == 0, result.output
    assert "ingested 12 articles" in result.output
    return db


@pytest.mark.parametrize("command", [ingest, stories, export])
def test_every_command_has_help_naming_the_default_database(command):
    result = CliRunner().invoke(command, ["--help"])
    assert result.exit_code == 0
    assert "STORYLENS_DB" in result.output
    assert "storylens.db" in result.output


@pytest.mark.corpus
def test_stories_lists_every_article_once_as_json(small_db):
    result = CliRunner().invoke(stories, ["--db", str(small_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert sum(s["articles"] for s in listed) == 12
    assert all(s["title"] and s["first"] <= s["last"] for s in listed)


@pytest.mark.corpus
def test_stories_filters_by_outlet_and_date(small_db):
    runner = CliRunner()
    fox = json.loads(
        runner.invoke(
            stories, ["--db", str(small_db), "--outlet", "Fox News", "--format", "json"]
        ).output
    )
    assert fox
    assert all("Fox News" in s["outlets"] for s in fox)
    later = json.loads(
        runner.invoke(
            stories, ["--db", str(small_db), "--since", "2030-01-01", "--format", "json"]
        ).output
    )
    assert later == []


def test_stories_on_a_missing_database_is_an_error(tmp_path):
    result = CliRunner().invoke(stories, ["--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert not (tmp_path / "none.db").exists()


@pytest.mark.corpus
@pytest.mark.parametrize("output_format", ["csv", "jsonl"])
def test_export_writes_one_row_per_article(small_db, output_format):
    result = CliRunner().invoke(export, ["--db", str(small_db), "--format", output_format])
    assert result.exit_code == 0, result.output
    if output_format == "csv":
        rows = list(csv.DictReader(io.StringIO(result.output)))
    else:
        rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 12
    assert all(row["story_id"] and row["text"] for row in rows)


@pytest.mark.corpus
def test_export_parquet(small_db, tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "corpus.parquet"
    result = CliRunner().invoke(
        export, ["--db", str(small_db), "--format", "parquet", "--output", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert parquet.read_table(target).num_rows == 12
