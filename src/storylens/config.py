"""Settings every layer may read without importing a stage: where the store lives."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "storylens.db"
"""The store's file name when neither ``--db`` nor ``$STORYLENS_DB`` names one."""

DB_ENVIRONMENT = "STORYLENS_DB"
"""The environment variable that names the store."""


SQLITE_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file."""


def is_sqlite_file(path: Path) -> bool:
    """True when ``path`` is a file that starts with the SQLite header."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def default_db_path() -> Path:
    """``$STORYLENS_DB`` if set, else ``./storylens.db``."""
    return Path(os.environ.get(DB_ENVIRONMENT) or DEFAULT_DB)


__all__ = ["DB_ENVIRONMENT", "DEFAULT_DB", "SQLITE_HEADER", "default_db_path", "is_sqlite_file"]


EXPERIMENTAL_TONE = "STORYLENS_EXPERIMENTAL_TONE"
"""The environment switch that ``storylens --experimental-tone`` sets.

Tone per actor is computed and shown only when it is on: it does not beat a constant baseline
(bench/framing_quality.py).
"""


def tone_enabled() -> bool:
    """Whether tone per actor is computed and shown (the experimental switch is on)."""
    return os.environ.get(EXPERIMENTAL_TONE, "") not in ("", "0")
