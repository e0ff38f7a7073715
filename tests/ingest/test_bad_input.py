from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storylens.cli import main
from storylens.ingest import read_inputs
from storylens.model import Issue, IssueCode, RawArticle
from tests.conftest import PJ_MEDIA

GOOD = (
    "Talks collapse\n\nThe United States suspended talks with Russia on Monday, officials said.\n"
)


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "huge.txt").write_bytes(b"word " * 10_500_000)
    (tmp_path / "latin1.txt").write_bytes(
        "Café talks\n\nThe café owner said talks ended.\n".encode("latin-1")
    )
    (tmp_path / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (tmp_path / "broken.html").write_text("<html><body><div><p></div></body", encoding="utf-8")
    lines = [
        json.dumps({"title": "Ok", "text": GOOD, "outlet": "Wire"}),
        "{not json",
        json.dumps({"title": "No text"}),
        json.dumps({"text": GOOD + " Again.", "id": "r3"}),
    ]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def _by_input(items):
    return {i.input: i for i in items}


def test_each_bad_input_is_one_issue_and_good_ones_survive(inputs):
    items = list(read_inputs([str(inputs)]))
    issues = _by_input(i for i in items if isinstance(i, Issue))
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert issues[str(inputs / "empty.txt")].code is IssueCode.EMPTY
    assert issues[str(inputs / "binary.txt")].code is IssueCode.BINARY
    assert issues[str(inputs / "huge.txt")].code is IssueCode.TOO_LARGE
    assert issues[str(inputs / "broken.html")].code is IssueCode.BROKEN_HTML
    assert issues[f"{inputs / 'corpus.jsonl'}:2"].code is IssueCode.BROKEN_JSON
    assert issues[f"{inputs / 'corpus.jsonl'}:3"].code is IssueCode.MISSING_FIELD
    texts = {a.input: a for a in articles}
    assert "café owner" in texts[str(inputs / "latin1.txt")].text
    assert texts[str(inputs / "utf16.txt")].text.startswith("Talks collapse")
    assert len(articles) == 4


def test_cli_reports_one_line_per_failure_and_exits_nonzero(inputs):
    result = CliRunner().invoke(main, ["analyze", str(inputs), str(PJ_MEDIA), "--format", "json"])
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("storylens: error:")]
    assert len(errors) == 6
    assert any("huge.txt: too_large:" in ln for ln in errors)
    assert any("corpus.jsonl:3: missing_field: the record has no 'text'" in ln for ln in errors)
    document = json.loads(result.stdout)
    outlets = sorted(a["article"]["outlet"] for a in document["analyses"])
    assert "PJ Media" in outlets
    assert "Wire" in outlets
    assert len(outlets) == 5


def test_missing_file_named_in_error():
    result = CliRunner().invoke(main, ["analyze", "no/such/file.txt"])
    assert result.exit_code == 1
    assert "no/such/file.txt: not_found" in result.stderr


def test_unbalanced_quote_skips_the_quote_not_the_article(tmp_path):
    path = tmp_path / "quotes.txt"
    path.write_text(
        "Title\n\nKerry said “the talks are over.\n\n"
        "Lavrov said on Monday in Moscow: “We will not return to these talks.”\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 0
    (analysis,) = json.loads(result.stdout)["analyses"]
    assert [q["content"]["text"] for q in analysis["quotes"]] == [
        "We will not return to these talks."
    ]
    assert "unbalanced_quote" in result.stderr
