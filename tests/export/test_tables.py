"""``storylens export --table``: every table, every format, columns as documented, spans true."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from storylens.cli import main
from storylens.cli.export import TABLE_NAMES
from storylens.store.tables import TABLES
from tests.conftest import EXAMPLES
from tests.serve.conftest import FIXTURES, ingest

ROOT = Path(__file__).resolve().parents[2]
SPANNED = {"quotes": "content", "cited_sources": "text", "rows": "text", "loaded_phrases": "phrase"}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "store.db"
    ingest(path, FIXTURES, EXAMPLES)
    return path


@pytest.fixture(scope="module")
def texts(db) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT article_id, text FROM article_list"))


def run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_table_names_match_the_library():
    assert set(TABLE_NAMES) == set(TABLES)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_csv_and_jsonl_have_the_documented_columns(db, table):
    names = list(TABLES[table].names)
    rows = list(csv.DictReader(io.StringIO(run(db, "--table", table, "--format", "csv"))))
    assert rows, f"{table} is empty on the fixture store"
    assert list(rows[0]) == names
    lines = run(db, "--table", table, "--format", "jsonl").splitlines()
    assert len(lines) == len(rows)
    assert list(json.loads(lines[0])) == names


@pytest.mark.parametrize("table", ["quotes", "rows", "framing"])
def test_parquet_types(db, tmp_path, table):
    target = tmp_path / f"{table}.parquet"
    run(db, "--table", table, "-o", str(target))
    schema = pq.read_schema(target)
    kinds = {"int": "int64", "float": "double", "bool": "bool", "str": "string"}
    assert [(f.name, str(f.type)) for f in schema] == [
        (name, kinds[kind]) for name, kind in TABLES[table].columns
    ]


@pytest.mark.parametrize("table", sorted(SPANNED))
def test_offsets_point_at_the_text_they_name(db, texts, table):
    rows = [
        json.loads(line) for line in run(db, "--table", table, "--format", "jsonl").splitlines()
    ]
    column = SPANNED[table]
    for row in rows:
        assert texts[row["article_id"]][row["start"] : row["end"]] == row[column]


def test_quotes_and_speakers_agree(db):
    quotes = list(csv.DictReader(io.StringIO(run(db, "--table", "quotes", "--format", "csv"))))
    speakers = list(csv.DictReader(io.StringIO(run(db, "--table", "speakers", "--format", "csv"))))
    whitfield = [
        q for q in quotes if q["article_id"] == "bridge-0" and q["speaker"] == "Dana Whitfield"
    ]
    assert any("twenty minutes" in q["content"] for q in whitfield)
    counted = {(s["article_id"], s["speaker"]): int(s["quotes"]) for s in speakers}
    assert counted[("bridge-0", "Dana Whitfield")] == len(whitfield)


def test_rows_count_outlets_per_row(db):
    rows = [
        json.loads(line) for line in run(db, "--table", "rows", "--format", "jsonl").splitlines()
    ]
    by_row: dict[tuple[int, str], set[str]] = {}
    for row in rows:
        by_row.setdefault((row["story_id"], row["row_id"]), set()).add(row["outlet"])
    for row in rows:
        assert row["row_outlets"] == len(by_row[(row["story_id"], row["row_id"])])
    assert max(len(v) for v in by_row.values()) >= 3  # a fact three outlets share


def test_views_have_iso_dates_and_no_blobs(db):
    with sqlite3.connect(db) as connection:
        stories = connection.execute(
            "SELECT title, first_date, last_date FROM story_list"
        ).fetchall()
        columns = [c[1] for c in connection.execute("PRAGMA table_info(article_list)")]
    assert (
        "Council approves $4.2 million for Old Mill Bridge repairs",
        "2024-05-14",
        "2024-05-15",
    ) in stories
    assert "article_json" not in columns
    assert "date" in columns


def test_docs_list_every_column():
    doc = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    for name, table in TABLES.items():
        section = re.search(rf"^### `{name}`\n(.*?)(?=^### |\Z)", doc, re.S | re.M)
        assert section, f"docs/export.md has no section for {name}"
        for column in table.names:
            assert f"`{column}`" in section.group(1), f"{name}.{column} undocumented"
