"""Fixtures for the engine tests: a Ray cluster on 127.0.0.1, the 300-article input, a local run.

The Ray head is started with ``ray start --head --block`` in its own process group and stopped
by signalling that process (which stops the Ray processes it started), even when tests fail.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from storylens.cli import main
from storylens.store import Store, story_partition
from tests.conftest import DATA

BASIL = DATA / "basil-dev" / "articles.jsonl"
POLNEAR = DATA / "polnear" / "train" / "text"
POLNEAR_COUNT = 150
"""PolNeAR texts beside BASIL's 150 articles: 300 articles in all."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def ray_address():
    """``HOST:PORT`` of a 2-CPU Ray head on 127.0.0.1, for the whole session."""
    pytest.importorskip("ray")
    # Ray 2.60 turns token auth on when ~/.ray/auth_token exists (a local ray.init writes
    # one); the head, this process and the CLI subprocesses must agree, so say it for all.
    os.environ["RAY_AUTH_MODE"] = "disabled"
    port = free_port()
    temp = tempfile.mkdtemp(prefix="ray", dir="/tmp")  # short: Ray's socket paths are capped
    ray = Path(sys.executable).parent / "ray"
    head = subprocess.Popen(
        [
            str(ray),
            "start",
            "--head",
            "--block",
            "--node-ip-address=127.0.0.1",
            f"--port={port}",
            "--num-cpus=2",
            "--include-dashboard=false",
            f"--temp-dir={temp}",
            "--object-store-memory=400000000",
            "--disable-usage-stats",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _wait_for(port, head)
        yield f"127.0.0.1:{port}"
    finally:
        _stop(head)


def _wait_for(port: int, head: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if head.poll() is not None:
            raise RuntimeError(f"ray start failed: {head.stderr.read().decode()[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            time.sleep(3)  # the raylet registers a moment after the GCS listens
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("the Ray head did not come up")


def _stop(head: subprocess.Popen) -> None:
    head.send_signal(signal.SIGTERM)
    try:
        head.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(head.pid, signal.SIGKILL)
        head.wait()


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory):
    """Two bad inputs worth one error line each: an empty file, a JSONL line that is not JSON."""
    folder = tmp_path_factory.mktemp("bad")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "broken.jsonl").write_text("{not json\n", encoding="utf-8")
    return [str(folder / "empty.txt"), str(folder / "broken.jsonl")]


@pytest.fixture(scope="session")
def inputs():
    """BASIL dev (150 articles, 50 stories) then the first 150 PolNeAR train texts."""
    texts = sorted(POLNEAR.glob("*.txt"))[:POLNEAR_COUNT]
    return [str(BASIL), *map(str, texts)]


def ingest_cli(db: Path, paths: list[str], *options: str):
    return CliRunner().invoke(main, ["ingest", "--db", str(db), "--quiet", *options, *paths])


@pytest.fixture(scope="session")
def local_run(tmp_path_factory, inputs, bad_inputs):
    """The 300 articles and the bad inputs ingested by the local engine, 2 processes."""
    db = tmp_path_factory.mktemp("local") / "local.db"
    result = ingest_cli(db, [*inputs, *bad_inputs], "-j", "2")
    return db, result


def stored(db: Path) -> dict:
    """What a run stored: stories, analyses, vectors and copy links, by article id."""
    with Store(db) as store:
        rows = store.connection.execute(
            "SELECT a.article_id, n.analysis_json, e.vector, o.article_id FROM articles a"
            " LEFT JOIN analyses n ON n.article_id = a.id"
            " LEFT JOIN embeddings e ON e.article_id = a.id"
            " LEFT JOIN syndication s ON s.copy_id = a.id"
            " LEFT JOIN articles o ON o.id = s.original_id"
        ).fetchall()
        return {
            "stories": story_partition(store.connection),
            "rows": {r[0]: r[1:] for r in rows},
            "count": store.count_articles(),
        }
