"""Shared fixtures of the reliability suite: short news texts written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BRIDGE = [
    (
        "The city council voted on Monday to close the Harbor Street bridge for six months of "
        "repairs. Mayor Ana Ortiz said the steel supports had rusted faster than engineers "
        'expected. "We cannot wait for a collapse," Ortiz told reporters at City Hall. The '
        "repairs will cost about 12 million dollars, according to the transport department. "
        "Commuters will be sent to the Elm Avenue crossing while the work goes on."
    ),
    (
        "Harbor Street bridge will shut for half a year after a council vote on Monday, officials "
        "said. Engineers found corroded steel supports during an inspection in March. Mayor Ana "
        "Ortiz said the city could not risk waiting. The transport department put the cost of the "
        "repairs at 12 million dollars. Drivers are being told to use the Elm Avenue crossing."
    ),
    (
        "Residents near the Harbor Street bridge reacted with frustration after the council "
        "approved a six-month closure on Monday. Shop owner Lee Park said trade would suffer. "
        "Mayor Ana Ortiz defended the decision and said rust had weakened the supports. Repairs "
        "are expected to cost 12 million dollars. Traffic will move to the Elm Avenue crossing."
    ),
]
"""Three accounts of one local story (written for these tests)."""

FLOOD = [
    (
        "Heavy rain flooded dozens of homes in the valley town of Millbrook on Thursday night. "
        "Fire crews rescued eleven people from cars stranded on Route 9. The river rose two "
        "metres in four hours, the weather service said. Schools in Millbrook stayed closed on "
        "Friday while crews pumped water from basements."
    ),
    (
        "Millbrook woke to flooded streets on Friday after a night of heavy rain. Eleven drivers "
        "were pulled from stranded cars on Route 9 by fire crews, officials said. The weather "
        "service said the river rose two metres in four hours. Local schools were closed."
    ),
]
"""Two accounts of a second, unrelated story."""


def record(text: str, **fields: Any) -> str:
    """One JSONL line."""
    return json.dumps({"text": text, **fields}) + "\n"


def run_cli(
    *args: str, stdin: bytes | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """The real ``storylens`` command in a child process."""
    command = [sys.executable, "-c", "from storylens.cli import main; main()", *args]
    return subprocess.run(
        command,
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        **kwargs,
    )


def assert_one_line(result: subprocess.CompletedProcess[str], status: int, *words: str) -> str:
    """The run failed with ``status`` and exactly one line on stderr naming ``words``."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert result.returncode == status, (result.returncode, result.stderr)
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="session")
def bridge_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bridge story as JSONL, one outlet per account."""
    path = tmp_path_factory.mktemp("bridge") / "bridge.jsonl"
    outlets = ["Harbor Gazette", "Valley Times", "Coastal Post"]
    path.write_text(
        "".join(
            record(t, id=f"bridge-{n}", outlet=o, title=f"Bridge closes ({o})", date="2024-03-18")
            for n, (t, o) in enumerate(zip(BRIDGE, outlets, strict=True))
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def bridge_db(tmp_path_factory: pytest.TempPathFactory, bridge_jsonl: Path) -> Path:
    """A store holding the bridge story (analysed)."""
    db = tmp_path_factory.mktemp("store") / "corpus.db"
    result = run_cli("ingest", str(bridge_jsonl), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr
    return db
