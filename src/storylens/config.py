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
