"""Faults: a killed worker, Ctrl-C, a missing Ray. Nothing lost, nothing stored twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from storylens.cli import main
from storylens.engine import LocalEngine, Work, preparer
from storylens.pipeline import analyze_articles
from storylens.store import CorpusWriter, Store, ingest_inputs
from tests.engine.conftest import BASIL, stored


def killing_first_worker(engine, killed, pids):
    """A preparer that SIGKILLs the worker of the first unit as soon as that unit is back."""

    def prepare(units):
        for result in engine.map(units):
            pids.append(result.worker.pid)
            if not killed:
                os.kill(result.worker.pid, signal.SIGKILL)
                killed.append(result.worker.pid)
            yield result.vectors, result.analyses

    return prepare


@pytest.mark.corpus
def test_a_killed_ray_worker_loses_and_doubles_nothing(tmp_path, ray_address, inputs, local_run):
    from storylens.engine.ray_engine import RayEngine

    killed, pids = [], []
    with RayEngine(Work(), address=ray_address, workers=2) as engine, Store(tmp_path / "k.db") as s:
        summary = ingest_inputs(
            CorpusWriter(s, analyzer=analyze_articles),
            inputs,
            preparer=killing_first_worker(engine, killed, pids),
        )
    # units the killed actor finished before the kill may still arrive with its pid (their
    # results were already in Ray's object store); what must show is a replacement actor
    assert len(set(pids)) >= 3  # the two first actors and the one that replaced the killed one
    assert summary.ingested + summary.copies == 300
    assert not summary.issues
    after, local = stored(tmp_path / "k.db"), stored(local_run[0])
    assert after["count"] == 300
    assert after["stories"] == local["stories"]
    assert after["rows"] == local["rows"]


@pytest.mark.corpus
def test_a_killed_local_worker_process_is_replaced(tmp_path):
    work = Work(analyze=False)
    killed, pids = [], []
    with LocalEngine(work, workers=2) as engine, Store(tmp_path / "k.db") as store:
        ingest_inputs(
            CorpusWriter(store), [str(BASIL)], preparer=killing_first_worker(engine, killed, pids)
        )
    with LocalEngine(work, workers=2) as engine, Store(tmp_path / "ref.db") as store:
        ingest_inputs(CorpusWriter(store), [str(BASIL)], preparer=preparer(engine))
    assert killed
    assert killed[0] not in pids[1:]
    after, reference = stored(tmp_path / "k.db"), stored(tmp_path / "ref.db")
    assert after["count"] == reference["count"] == 150
    assert after == reference


def count(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def run_ingest(db, ray_address, inputs):
    code = "import sys; from storylens.cli import main; sys.exit(main())"
    command = [sys.executable, "-c", code, "ingest", "--db", str(db), "--quiet"]
    command += ["--engine", "ray", "--address", ray_address, "--workers", "2", *inputs]
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True)


@pytest.mark.corpus
def test_ctrl_c_keeps_what_was_stored_and_a_rerun_resumes(tmp_path, ray_address, inputs, local_run):
    db = tmp_path / "c.db"
    first = run_ingest(db, ray_address, inputs)
    deadline = time.monotonic() + 300
    while count(db) < 40 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    first.send_signal(signal.SIGINT)
    _, errors = first.communicate(timeout=120)
    kept = count(db)
    assert first.returncode == 130, errors
    assert errors.strip().splitlines()[-1].startswith(f"storylens: error: interrupted: {kept} ")
    assert 40 <= kept < 300
    second = run_ingest(db, ray_address, inputs)
    _, errors = second.communicate(timeout=600)
    assert second.returncode == 0, errors
    assert f"{kept} duplicates skipped" in errors
    after, local = stored(db), stored(local_run[0])
    assert after["stories"] == local["stories"]
    assert after["rows"] == local["rows"]


@pytest.mark.parametrize("command", ["ingest", "analyze"])
def test_without_ray_one_line_names_the_extra(tmp_path, monkeypatch, command):
    monkeypatch.setitem(sys.modules, "ray", None)  # as if storylens[ray] were not installed
    db = tmp_path / "none.db"
    options = ["--db", str(db)] if command == "ingest" else []
    result = CliRunner().invoke(main, [command, *options, "--engine", "ray", str(BASIL)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "storylens: error: --engine ray needs ray, which is not installed: "
        "pip install 'storylens[ray]'"
    ]
    assert not db.exists()
