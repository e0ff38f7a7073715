"""Issue 12: the rough edges of a new user's first hour, each pinned by a CLI run."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from storylens.cli import COMMANDS, SUMMARIES, main
from storylens.store.ingest import count_inputs
from tests.conftest import EXAMPLES, OPPOSING_VIEWS, PJ_MEDIA

HEAVY = ("spacy", "faiss", "onnxruntime", "trafilatura", "storylens.compare", "storylens.store")


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    """Both seeds ingested (articles and vectors, no analyses) into a fresh store."""
    db = tmp_path_factory.mktemp("store") / "seeds.db"
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(db), "--no-analyze"])
    assert result.exit_code == 0, result.output
    return db


def test_report_format_follows_the_output_file_name(tmp_path):
    report = tmp_path / "report.html"
    result = CliRunner(env={"STORYLENS_PROGRESS": "always"}).invoke(
        main, ["compare", str(PJ_MEDIA), str(OPPOSING_VIEWS), "-o", str(report)]
    )
    assert result.exit_code == 0, result.output
    page = report.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "PJ Media" in page
    # the progress display went to standard error, never into the report
    assert "analysing" in result.stderr
    assert "analysing" not in page


def test_a_format_that_contradicts_the_file_name_is_refused(tmp_path):
    result = CliRunner().invoke(
        main, ["compare", str(EXAMPLES), "--format", "json", "-o", str(tmp_path / "r.html")]
    )
    assert result.exit_code == 2
    assert "--format json does not match the file name 'r.html'" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_an_unknown_file_ending_asks_for_a_format(tmp_path):
    result = CliRunner().invoke(main, ["compare", str(EXAMPLES), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2
    assert "cannot tell the format of 'r.pdf'" in result.stderr


def test_ingest_takes_outlet_and_an_iso_date_with_a_zone(tmp_path):
    db = tmp_path / "meta.db"
    result = CliRunner().invoke(
        main,
        [
            "ingest",
            str(PJ_MEDIA),
            "--db",
            str(db),
            "--no-analyze",
            "--outlet",
            "Example Wire",
            "--published",
            "2016-10-04T10:00:00Z",
        ],
    )
    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(main, ["stories", "--db", str(db), "--format", "json"])
    (story,) = json.loads(listed.stdout)
    assert story["outlets"] == ["Example Wire"]
    assert story["first"] == "2016-10-04"


def test_a_date_that_is_not_iso_is_one_usage_line():
    result = CliRunner().invoke(main, ["analyze", str(PJ_MEDIA), "--published", "03/10/2016"])
    assert result.exit_code == 2
    assert "'03/10/2016' is not a date: give 2016-10-03 or 2016-10-03T10:00:00Z" in result.stderr


def test_stories_json_lists_member_article_ids(seed_store):
    result = CliRunner().invoke(main, ["stories", "--db", str(seed_store), "--format", "json"])
    assert result.exit_code == 0
    (story,) = json.loads(result.stdout)
    assert len(story["article_ids"]) == 2
    assert len(set(story["article_ids"])) == 2


@pytest.mark.parametrize(("outlet", "found"), [("pj media", 1), ("OPPOSING", 1), ("Fox", 0)])
def test_stories_outlet_filter_ignores_case_and_matches_part_of_a_name(seed_store, outlet, found):
    result = CliRunner().invoke(
        main, ["stories", "--db", str(seed_store), "--outlet", outlet, "--format", "json"]
    )
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == found


def test_export_parquet_without_pyarrow_names_the_extra(seed_store, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = CliRunner().invoke(
        main, ["export", "--db", str(seed_store), "-o", str(tmp_path / "corpus.parquet")]
    )
    assert result.exit_code == 1
    assert "pip install 'storylens[parquet]'" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "corpus.parquet").exists()


def test_export_infers_jsonl_from_the_file_name(seed_store, tmp_path):
    target = tmp_path / "corpus.jsonl"
    result = CliRunner().invoke(main, ["export", "--db", str(seed_store), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2


def test_export_without_a_format_or_file_name_is_a_usage_error(seed_store):
    result = CliRunner().invoke(main, ["export", "--db", str(seed_store)])
    assert result.exit_code == 2
    assert "give --format parquet|csv|jsonl" in result.stderr


@pytest.mark.parametrize("columns", [60, 160])
def test_tables_follow_columns(seed_store, columns):
    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(
        main, ["stories", "--db", str(seed_store)]
    )
    assert result.exit_code == 0
    widths = [len(line) for line in result.stdout.splitlines()]
    assert max(widths) <= columns
    assert max(widths) > 100 if columns > 100 else True


def test_counts_use_the_singular_for_one(tmp_path):
    result = CliRunner().invoke(
        main, ["ingest", str(PJ_MEDIA), "--db", str(tmp_path / "one.db"), "--no-analyze"]
    )
    assert result.exit_code == 0
    assert "ingested 1 article (" in result.stderr
    assert "1 new story;" in result.stderr
    listed = CliRunner().invoke(main, ["stories", "--db", str(tmp_path / "one.db")])
    assert "1 story" in listed.stdout
    assert "1 stories" not in listed.stdout


def _help_screens():
    """Every command's argv for --help, subcommands of command groups included."""
    import click

    screens = []
    for name in sorted(COMMANDS):
        command = main.get_command(None, name)
        screens.append([name])
        if isinstance(command, click.Group):
            screens.extend([name, sub] for sub in sorted(command.commands))
    return screens


@pytest.mark.parametrize("argv", _help_screens(), ids=" ".join)
def test_help_has_no_markup_or_strftime_placeholders(argv):
    result = CliRunner().invoke(main, [*argv, "--help"])
    assert result.exit_code == 0
    for mark in ("``", "`", "%Y", "%m", "%d", ":class:", ":func:"):
        assert mark not in result.output, (argv, mark)


def test_top_level_help_lists_every_command_with_its_summary():
    assert set(SUMMARIES) == set(COMMANDS)
    result = CliRunner().invoke(main, ["--help"])
    for name, summary in SUMMARIES.items():
        assert name in result.output
        assert summary.split()[0] in result.output


@pytest.mark.parametrize("name", ["", *sorted(COMMANDS)])
def test_help_imports_no_model_or_stage(name):
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from storylens.cli import main\n"
        f"args = [{name!r}, '--help'] if {name!r} else ['--help']\n"
        "assert CliRunner().invoke(main, args).exit_code == 0\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_progress_total_counts_records_not_files(tmp_path):
    text = PJ_MEDIA.read_text(encoding="utf-8")
    lines = tmp_path / "three.jsonl"
    lines.write_text(
        "\n".join(json.dumps({"id": f"a{i}", "text": text}) for i in range(3)) + "\n",
        encoding="utf-8",
    )
    listed = tmp_path / "four.json"
    listed.write_text(json.dumps([{"id": f"b{i}", "text": text} for i in range(4)]), "utf-8")
    feed = tmp_path / "two.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>one</title></item><item><title>two</title></item></channel></rss>",
        encoding="utf-8",
    )
    assert count_inputs([str(lines)]) == 3
    assert count_inputs([str(listed)]) == 4
    assert count_inputs([str(feed)]) == 2
    assert count_inputs([str(tmp_path)]) == 9
