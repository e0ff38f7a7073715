"""A store built through the real ingest (fixtures written for these tests + the bundled
example), the app over it in Starlette's TestClient, and the same app on a real uvicorn."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner
from starlette.testclient import TestClient

from storylens.cli import main
from storylens.serve import create_app
from tests.conftest import EXAMPLES

FIXTURES = Path(__file__).parent / "fixtures.jsonl"
"""Two stories of three outlets (bridge repair, storm), written for these tests, and one
article on the bridge story whose title, text, outlet and URL carry script payloads."""
PAYLOAD_FLAG = "__pwned"


def ingest(db: Path, *inputs: Path | str) -> None:
    result = CliRunner().invoke(main, ["ingest", *map(str, inputs), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="session")
def store_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("serve") / "store.db"
    ingest(db, FIXTURES, EXAMPLES)
    return db


@pytest.fixture(scope="session")
def app(store_db):
    return create_app(store_db)


@pytest.fixture(scope="session")
def client(app):
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def stories(client) -> dict[str, dict]:
    """The stored stories by a word of their title."""
    found = client.get("/api/stories").json()["stories"]
    by_word = {}
    for story in found:
        for word in ("Bridge", "Harlan", "Kerry"):
            if word in story["title"] or word.lower() in story["title"]:
                by_word[word] = story
    return by_word


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """The app on a real uvicorn server in a thread (loopback, a free port)."""

    def __init__(self, db: Path) -> None:
        self.port = free_port()
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="error")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live(store_db):
    with LiveServer(store_db) as server:
        yield server


@pytest.fixture(scope="session")
def seed_comparison(seed_analyses):
    """The bundled example compared (PJ Media first)."""
    from storylens.compare import compare_analyses

    return compare_analyses([seed_analyses["PJ Media"], seed_analyses["Opposing Views"]])
