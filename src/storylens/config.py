"""Settings every layer may read without importing a stage: where the store lives."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "storylens.db"
"""The store's file name when neither ``--db`` nor ``$STORYLENS_DB`` names one."""

DB_ENVIRONMENT = "STORYLENS_DB"
"""The environment variable that names the store."""


def default_db_path() -> Path:
    """``$STORYLENS_DB`` if set, else ``./storylens.db``."""
    return Path(os.environ.get(DB_ENVIRONMENT) or DEFAULT_DB)


__all__ = ["DB_ENVIRONMENT", "DEFAULT_DB", "default_db_path"]
