"""The store is safe from its user: no report over it, readers never write, each fault one line."""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from storylens.store import Store
from tests.reliability.conftest import BRIDGE, FLOOD, assert_one_line, record, run_cli

SQLITE_HEADER = b"SQLite format 3\x00"


def _copy(db: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / db.name
    with sqlite3.connect(db) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def test_show_o_onto_the_store_is_refused_and_the_store_survives(bridge_db, tmp_path):
    db = _copy(bridge_db, tmp_path)
    before = db.read_bytes()
    result = run_cli("show", "1", "--db", str(db), "--format", "html", "-o", str(db))
    assert_one_line(result, 2, "refusing", str(db))
    assert db.read_bytes() == before


def test_export_o_onto_the_store_is_refused(bridge_db, tmp_path):
    db = _copy(bridge_db, tmp_path)
    result = run_cli("export", "--format", "csv", "--db", str(db), "-o", str(db))
    assert_one_line(result, 2, "refusing")
    assert db.read_bytes()[:16] == SQLITE_HEADER
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def test_o_onto_the_stores_wal_file_or_any_sqlite_file_is_refused(bridge_db, tmp_path):
    db = _copy(bridge_db, tmp_path)
    other = tmp_path / "notes.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    for target in (Path(f"{db}-wal"), other):
        result = run_cli("export", "--format", "jsonl", "--db", str(db), "-o", str(target))
        assert_one_line(result, 2, "refusing")
    assert other.read_bytes()[:16] == SQLITE_HEADER


def test_compare_o_onto_the_default_store_is_refused(bridge_jsonl, tmp_path):
    db = tmp_path / "corpus.db"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.commit()
    env = {**os.environ, "STORYLENS_DB": str(db)}
    result = run_cli("compare", str(bridge_jsonl), "--format", "html", "-o", str(db), env=env)
    assert_one_line(result, 2, "refusing")


def test_o_into_a_missing_directory_is_one_line(bridge_db, tmp_path):
    target = tmp_path / "no" / "such" / "report.md"
    result = run_cli("show", "1", "--db", str(bridge_db), "--format", "markdown", "-o", str(target))
    assert_one_line(result, 2, "no such directory")


def test_o_replaces_the_file_whole_and_leaves_no_temporary_file(bridge_db, tmp_path):
    target = tmp_path / "stories.csv"
    target.write_text("old contents\n", encoding="utf-8")
    result = run_cli("export", "--format", "csv", "--db", str(bridge_db), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("article_id,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stories.csv"]


def test_read_commands_never_switch_the_journal_mode_or_write(bridge_db, tmp_path):
    db = _copy(bridge_db, tmp_path)
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    before = db.read_bytes()
    for args in (["stories"], ["export", "--format", "jsonl"], ["show", "1", "--format", "json"]):
        result = run_cli(*args, "--db", str(db))
        assert result.returncode == 0, result.stderr
    mode = sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "delete"
    assert not Path(f"{db}-wal").exists()
    # show may add cached vectors (derived data); the articles and stories are untouched
    if db.read_bytes() != before:
        assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def test_read_commands_never_migrate_an_older_store(bridge_db, tmp_path):
    db = _copy(bridge_db, tmp_path)
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA user_version = 2")
    result = run_cli("stories", "--db", str(db))
    assert_one_line(result, 1, "older", "storylens ingest")
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == 2


@pytest.fixture
def read_only_store(bridge_db: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the store on a read-only bind mount (a real read-only file system)."""
    source = tmp_path / "source"
    _copy(bridge_db, source)
    mount = tmp_path / "readonly"
    mount.mkdir()
    bound = subprocess.run(["mount", "--bind", str(source), str(mount)], check=False)
    if bound.returncode != 0:
        pytest.skip("cannot bind-mount here (needs CAP_SYS_ADMIN)")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], check=True)
        yield mount / bridge_db.name
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_store_on_a_read_only_file_system_can_still_be_listed_and_shown(read_only_store):
    for args in (["stories"], ["show", "1", "--format", "json"], ["export", "--format", "csv"]):
        result = run_cli(*args, "--db", str(read_only_store))
        assert result.returncode == 0, result.stderr
        assert "Harbor" in result.stdout


def test_ingest_into_a_read_only_store_is_one_line(read_only_store, tmp_path):
    extra = tmp_path / "more.txt"
    extra.write_text(BRIDGE[0] + " A later update.", encoding="utf-8")
    result = run_cli("ingest", str(extra), "--db", str(read_only_store), "--quiet")
    assert_one_line(result, 1, str(read_only_store))


def test_a_truncated_store_is_one_line(bridge_db, tmp_path):
    db = tmp_path / "truncated.db"
    db.write_bytes(_copy(bridge_db, tmp_path / "copy").read_bytes()[:3000])
    for args in (["stories"], ["ingest", str(tmp_path / "none.txt"), "--quiet"]):
        result = run_cli(*args, "--db", str(db))
        assert_one_line(result, 1, str(db))


def test_a_corrupt_store_is_one_line(bridge_db, tmp_path):
    db = _copy(bridge_db, tmp_path)
    data = bytearray(db.read_bytes())
    data[4096:] = bytes(len(data) - 4096)  # every page after the first zeroed
    db.write_bytes(bytes(data))
    result = run_cli("stories", "--db", str(db))
    assert_one_line(result, 1, str(db))


def test_a_file_that_is_not_sqlite_is_one_line_and_left_alone(tmp_path, bridge_jsonl):
    db = tmp_path / "notes.db"
    db.write_text("my notes, not a database\n", encoding="utf-8")
    for args in (["stories"], ["ingest", str(bridge_jsonl), "--quiet"]):
        result = run_cli(*args, "--db", str(db))
        assert_one_line(result, 1, "not a SQLite database")
    assert db.read_text(encoding="utf-8") == "my notes, not a database\n"


def test_a_sqlite_file_that_is_not_a_storylens_store_is_refused(tmp_path, bridge_jsonl):
    db = tmp_path / "other.db"
    sqlite3.connect(db).execute("CREATE TABLE mine (x)").connection.commit()
    result = run_cli("ingest", str(bridge_jsonl), "--db", str(db), "--quiet")
    assert_one_line(result, 1, "not a storylens store")
    tables = sqlite3.connect(db).execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("mine",)]


def test_a_store_from_a_newer_storylens_is_one_line(bridge_db, tmp_path):
    db = _copy(bridge_db, tmp_path)
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA user_version = 999")
    for args in (["stories"], ["show", "1"], ["ingest", str(tmp_path / "x.txt"), "--quiet"]):
        result = run_cli(*args, "--db", str(db))
        assert_one_line(result, 1, "newer")


def test_a_locked_store_is_one_line(bridge_db, tmp_path):
    db = _copy(bridge_db, tmp_path)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        env = {**os.environ, "STORYLENS_BUSY_TIMEOUT": "0.5"}
        for args in (["stories"], ["ingest", str(tmp_path / "x.txt"), "--quiet"]):
            result = run_cli(*args, "--db", str(db), env=env)
            assert_one_line(result, 1, "locked")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _files_up_to(limit: int) -> Callable[[], None]:
    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limited


def test_a_full_disk_during_ingest_is_one_line_and_keeps_what_was_committed(tmp_path):
    corpus = tmp_path / "many.jsonl"
    filler = " ".join(BRIDGE) * 3
    corpus.write_text(
        "".join(record(f"Report {n}. {filler}", id=f"r{n}", outlet="Gazette") for n in range(60)),
        encoding="utf-8",
    )
    db = tmp_path / "full.db"
    Store(db).close()  # an empty store: the disk fills while articles are written
    room = _files_up_to(db.stat().st_size + 150_000)
    result = run_cli(
        "ingest", str(corpus), "--db", str(db), "--quiet", "--no-analyze", preexec_fn=room
    )
    assert_one_line(result, 1, "disk")
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    members = connection.execute("SELECT count(*) FROM story_members").fetchone()[0]
    assert 0 < stored < 60
    assert members == stored


def test_show_of_a_story_id_too_large_for_sqlite_is_one_line(bridge_db):
    result = run_cli("show", "99999999999999999999", "--db", str(bridge_db))
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    assert "99999999999999999999" in result.stderr


def test_a_missing_store_is_one_line(tmp_path):
    result = run_cli("stories", "--db", str(tmp_path / "none.db"))
    assert_one_line(result, 1, "no storylens store")
    assert not (tmp_path / "none.db").exists()


def test_two_concurrent_ingests_of_one_file_store_it_once_without_a_traceback(
    bridge_jsonl, tmp_path
):
    db = tmp_path / "twice.db"
    shutil.copy(bridge_jsonl, tmp_path / "same.jsonl")
    command = [sys.executable, "-c", "from storylens.cli import main; main()", "ingest"]
    processes = [
        subprocess.Popen(
            [*command, str(tmp_path / "same.jsonl"), "--db", str(db), "--quiet"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for process in processes:
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr
    connection = sqlite3.connect(db)
    assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert connection.execute("SELECT count(*) FROM stories").fetchone()[0] == 1


def test_two_concurrent_ingests_of_one_story_do_not_split_it(tmp_path):
    first = tmp_path / "first.jsonl"
    second = tmp_path / "second.jsonl"
    outlets = ["Harbor Gazette", "Valley Times", "Coastal Post"]
    first.write_text(
        record(BRIDGE[0], id="b0", outlet=outlets[0], date="2024-03-18")
        + record(FLOOD[0], id="f0", outlet="Hill News", date="2024-05-02")
    )
    second.write_text(
        record(BRIDGE[1], id="b1", outlet=outlets[1], date="2024-03-18")
        + record(FLOOD[1], id="f1", outlet="River Post", date="2024-05-03")
        + record(BRIDGE[2], id="b2", outlet=outlets[2], date="2024-03-19")
    )
    db = tmp_path / "together.db"
    command = [sys.executable, "-c", "from storylens.cli import main; main()", "ingest"]
    processes = [
        subprocess.Popen(
            [*command, str(path), "--db", str(db), "--quiet", "--batch-size", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in (first, second)
    ]
    for process in processes:
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr
    rows = sqlite3.connect(db).execute(
        "SELECT a.article_id, m.story_id FROM articles a"
        " JOIN story_members m ON m.article_id = a.id"
    )
    story = dict(rows.fetchall())
    assert story["b0"] == story["b1"] == story["b2"]
    assert story["f0"] == story["f1"] != story["b0"]
