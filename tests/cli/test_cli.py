from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from storylens.cli import COMMANDS, main
from storylens.schema import analysis_schema
from tests.conftest import EXAMPLES, ROOT


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) > 3


def test_every_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"storylens {name}" in readme


def test_analyze_json_matches_documented_schema():
    result = CliRunner().invoke(main, ["analyze", str(EXAMPLES), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    documented = json.loads((ROOT / "docs/schema/analysis.v1.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, documented)
    assert len(document["analyses"]) == 2


def test_documented_schema_is_current():
    documented = json.loads(Path(ROOT / "docs/schema/analysis.v1.json").read_text(encoding="utf-8"))
    assert documented == analysis_schema()


def test_analyze_text_report_readable_at_100_columns():
    result = CliRunner().invoke(main, ["analyze", str(EXAMPLES / "001_e2cee18ccea7be53.txt")])
    assert result.exit_code == 0
    assert "Opposing Views" in result.stdout
    assert "John Kerry" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_stdin_is_read(tmp_path):
    text = (EXAMPLES / "001_e2cee18ccea7be53.txt").read_bytes()
    result = CliRunner().invoke(main, ["analyze", "-", "--format", "jsonl"], input=text)
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["article"]["outlet"] == "Opposing Views"
