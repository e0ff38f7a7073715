import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storylens.store import Store, list_stories, load_story
from tests.conftest import DATA

BASIL = DATA / "basil-dev" / "articles.jsonl"
INGEST = "from storylens.cli.ingest import ingest; ingest()"


def start_ingest(db, *paths, batch_size=4):
    command = [
        sys.executable,
        "-c",
        INGEST,
        *map(str, paths),
        "--db",
        str(db),
        "--quiet",
        "--no-analyze",
        "--batch-size",
        str(batch_size),
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def count(db):
    if not Path(db).exists():
        return 0
    connection = sqlite3.connect(db, timeout=30)
    try:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        connection.close()


def wait_for(db, articles, process, deadline=120):
    start = time.monotonic()
    while count(db) < articles:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() - start < deadline
        time.sleep(0.05)


@pytest.mark.corpus
def test_an_ingest_killed_midway_resumes_with_every_article_exactly_once(tmp_path):
    db = tmp_path / "killed.db"
    process = start_ingest(db, BASIL)
    wait_for(db, 40, process)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 40 <= count(db) < 150
    rerun = start_ingest(db, BASIL)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ids = [r[0] for r in connection.execute("SELECT article_id FROM articles")]
    with BASIL.open(encoding="utf-8") as lines:
        expected = sorted(json.loads(line)["id"] for line in lines)
    assert sorted(ids) == expected
    members = connection.execute("SELECT count(DISTINCT article_id) FROM story_members")
    assert members.fetchone()[0] == 150
    embedded = connection.execute("SELECT count(*) FROM embeddings").fetchone()[0]
    assert embedded == 150
    connection.close()


@pytest.mark.corpus
def test_a_reader_never_errors_while_an_ingest_runs(tmp_path):
    db = tmp_path / "busy.db"
    process = start_ingest(db, BASIL, batch_size=2)
    wait_for(db, 1, process)
    reads = 0
    with Store(db, must_exist=True) as reader:
        while process.poll() is None:
            stories = list_stories(reader.connection, limit=20)
            for summary in stories[:3]:
                story = load_story(reader.connection, summary.id)
                assert story.summary.accounts >= len(story.accounts) >= 1
            reads += 1
    _, stderr = process.communicate()
    assert process.returncode == 0, stderr
    assert reads > 10


@pytest.mark.corpus
def test_corrupt_and_truncated_lines_are_reported_and_skipped(tmp_path):
    with BASIL.open(encoding="utf-8") as lines:
        good = [next(lines).rstrip("\n") for _ in range(8)]
    bad_lines = [
        good[0][: len(good[0]) // 2],
        "not json at all",
        "[1, 2, 3]",
        '{"title": "no text"}',
    ]
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text("\n".join(good[:4] + bad_lines + good[4:]) + "\n", encoding="utf-8")
    process = start_ingest(tmp_path / "mixed.db", corpus)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 1
    for line_number in (5, 6, 7, 8):
        assert f"{corpus}:{line_number}: " in stderr
    assert "4 failed" in stderr
    assert count(tmp_path / "mixed.db") == 8
