"""``storylens compare`` through click's CliRunner, every format."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storylens.cli import main
from tests.conftest import OPPOSING_VIEWS, PJ_MEDIA

ARGS = ["compare", str(PJ_MEDIA), str(OPPOSING_VIEWS)]


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def test_cli_compare_text(runner):
    result = runner.invoke(main, ARGS)
    assert result.exit_code == 0, result.output
    assert "Shared facts" in result.output
    assert "Only in PJ Media" in result.output
    assert "John Kirby" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 100


def test_cli_compare_json(runner):
    result = runner.invoke(main, [*ARGS, "--format", "json"])
    assert result.exit_code == 0
    document = json.loads(result.output)
    assert document["schema"] == "storylens.comparison"
    assert len(document["comparison"]["articles"]) == 2


def test_cli_compare_markdown(runner):
    result = runner.invoke(main, [*ARGS, "--format", "markdown"])
    assert result.exit_code == 0
    assert result.output.startswith("# Story comparison")
    assert "## Conflicts" in result.output


def test_cli_compare_html_to_file(runner, tmp_path):
    out = tmp_path / "story.html"
    result = runner.invoke(main, [*ARGS, "--format", "html", "--output", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_compare_one_article_is_usage_error(runner):
    result = runner.invoke(main, ["compare", str(PJ_MEDIA)])
    assert result.exit_code == 2
    assert "two or more" in result.output


def test_cli_compare_help(runner):
    result = runner.invoke(main, ["compare", "--help"])
    assert result.exit_code == 0
    assert "--format" in result.output


def test_cli_compare_text_has_summary_timeline_and_framing_evidence(runner):
    result = runner.invoke(main, [*ARGS, "--evidence"])
    assert result.exit_code == 0, result.output
    output = result.output
    assert output.index("Summary") < output.index("Shared facts") < output.index("Timeline")
    assert output.index("Timeline") < output.index("Framing per outlet")
    assert "Framing evidence: Opposing Views" in output
    assert "Tone evidence" not in output  # experimental: only with --experimental-tone
    assert max(len(line) for line in output.splitlines()) <= 100


def test_cli_compare_text_without_evidence_has_profile_only(runner):
    result = runner.invoke(main, ARGS)
    assert "Framing per outlet" in result.output
    assert "Framing evidence" not in result.output
