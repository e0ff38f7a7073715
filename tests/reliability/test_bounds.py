"""Bounds: ids and metadata capped, --max-bytes per record and on stdin, compare memory."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import tracemalloc

import pytest

from storylens.compare import compare_analyses
from storylens.embedding import default_encoder
from storylens.ingest.bounds import MAX_FIELD_CHARS, MAX_ID_CHARS, MAX_METADATA_CHARS
from storylens.model import IssueCode
from storylens.pipeline import analyze_paths, read_articles
from tests.reliability.conftest import BRIDGE, record


def _issues(path, **kwargs):
    issues: list = []
    articles = list(read_articles([str(path)], issues=issues, **kwargs))
    return articles, issues


def test_a_1_mb_id_is_refused_with_one_clear_line(tmp_path):
    path = tmp_path / "id.jsonl"
    path.write_text(record(BRIDGE[0], id="i" * 1_000_000) + record(BRIDGE[1], id="ok"))
    articles, issues = _issues(path)
    assert [a.id for a in articles] == ["ok"]
    (issue,) = issues
    assert issue.code is IssueCode.FIELD_TOO_LONG
    assert f"the id is 1,000,000 characters, over the {MAX_ID_CHARS:,} limit" in issue.line()


@pytest.mark.parametrize("field", ["title", "outlet", "url", "authors"])
def test_an_over_long_metadata_field_is_refused(tmp_path, field):
    path = tmp_path / "field.jsonl"
    path.write_text(record(BRIDGE[0], **{field: "t" * (MAX_FIELD_CHARS + 1)}))
    articles, issues = _issues(path)
    assert articles == []
    assert issues[0].code is IssueCode.FIELD_TOO_LONG


def test_user_metadata_over_its_total_is_refused(tmp_path):
    path = tmp_path / "meta.jsonl"
    path.write_text(record(BRIDGE[0], notes=["n" * 1000] * (MAX_METADATA_CHARS // 1000 + 1)))
    _, (issue,) = _issues(path)
    assert issue.code is IssueCode.FIELD_TOO_LONG


def test_a_jsonl_record_over_max_bytes_is_skipped_and_the_next_one_read(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(
        record(BRIDGE[0], id="a") + record("word " * 400_000, id="big") + record(BRIDGE[1], id="c")
    )
    articles, issues = _issues(path, max_bytes=1_000_000)
    assert [a.id for a in articles] == ["a", "c"]
    (issue,) = issues
    assert issue.code is IssueCode.TOO_LARGE
    assert issue.input.endswith("big.jsonl:2")


def test_stdin_over_max_bytes_stops_reading_at_the_limit():
    command = [
        sys.executable,
        "-c",
        "from storylens.cli import main; main()",
        "analyze",
        "-",
        "--max-bytes",
        "100000",
    ]
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdin is not None
    written = 0
    try:
        while written < 500_000_000:  # far more than it may read: it must stop, not drain
            process.stdin.write(b"word " * 20_000)
            written += 100_000
    except BrokenPipeError:
        pass
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 1
    assert b"<stdin>: too_large" in stderr
    assert written < 500_000_000


def test_compare_memory_is_bounded_by_the_articles_not_their_ids(tmp_path):
    base = analyze_paths([str(p) for p in _bridge_files(tmp_path)]).analyses
    default_encoder().encode(["warm up"])

    def peak(id_chars: int) -> int:
        renamed = [
            dataclasses.replace(
                a, article=dataclasses.replace(a.article, id=f"{n}" + "x" * id_chars)
            )
            for n, a in enumerate(base)
        ]
        tracemalloc.start()
        compare_analyses(renamed)
        top = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return top

    assert peak(MAX_ID_CHARS) < 4 * peak(8)


def _bridge_files(folder):
    paths = []
    for n, text in enumerate(BRIDGE):
        path = folder / f"bridge-{n}.json"
        path.write_text(json.dumps({"text": text, "outlet": f"Outlet {n}", "id": f"b{n}"}))
        paths.append(path)
    return paths
