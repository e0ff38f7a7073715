"""Open the store's SQLite file safely, and say in one line why it cannot be used.

Writers (``ingest``) open it read-write in WAL mode and migrate it. Readers (``stories``,
``show``, ``export``) open it with ``mode=ro``: they never create, migrate or switch its
journal mode, so a read-only file or directory can still be listed. Either refuses a file
that is not a SQLite database, a SQLite database that is not a storylens store, and a store
written by a newer storylens.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from storylens.config import is_sqlite_file
from storylens.errors import StoreError
from storylens.store.schema import SCHEMA_VERSION, migrate

BUSY_TIMEOUT_S = 60.0
"""How long a connection waits for another writer's lock before it gives up (seconds)."""

BUSY_ENVIRONMENT = "STORYLENS_BUSY_TIMEOUT"
"""Overrides `BUSY_TIMEOUT_S` (seconds)."""


def busy_timeout() -> float:
    """`BUSY_TIMEOUT_S`, or ``$STORYLENS_BUSY_TIMEOUT`` when it is a number."""
    try:
        return float(os.environ.get(BUSY_ENVIRONMENT, BUSY_TIMEOUT_S))
    except ValueError:
        return BUSY_TIMEOUT_S


CACHE_KIB = 64 * 1024
"""SQLite page cache per connection, in KiB."""

_REASONS = (
    (("locked", "busy"), "is locked by another storylens process; try again when it ends"),
    (("not a database", "malformed", "corrupt"), "is corrupt or not a SQLite database"),
    (("readonly", "read-only"), "is read-only: cannot write to it"),
    (("disk is full", "disk i/o error"), "cannot be written: the disk is full or failing"),
    (("unable to open",), "cannot be opened (check the path and its permissions)"),
)


def explain(exc: sqlite3.Error, path: str | Path) -> StoreError:
    """A one-line `StoreError` for a SQLite failure on the store at ``path``."""
    message = str(exc).lower()
    for words, reason in _REASONS:
        if any(word in message for word in words):
            return StoreError(f"the store {path} {reason} ({exc})")
    return StoreError(f"the store {path} cannot be used: {exc}")


def open_writable(path: str) -> sqlite3.Connection:
    """A read-write connection in WAL mode, migrated to the current schema."""
    if path != ":memory:":
        _check_file(Path(path), must_exist=False)
    try:
        connection = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout())
        _check_contents(connection, path, writable=True)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        # 64 MiB of page cache (default 2 MiB): the MinHash band and hash indexes of a large
        # store are updated at random places on every ingested article.
        connection.execute(f"PRAGMA cache_size = -{CACHE_KIB:d}")
        migrate(connection)
    except sqlite3.Error as exc:
        raise explain(exc, path) from exc
    return connection


def open_read_only(path: str) -> sqlite3.Connection:
    """A ``mode=ro`` connection that never writes, migrates or switches the journal mode.

    A store in a directory this user cannot write (so SQLite cannot create the WAL index
    beside it) is opened ``immutable``, which is right for a store nobody can be writing.
    """
    file = Path(path)
    _check_file(file, must_exist=True)
    immutable = (
        not os.access(file.parent, os.W_OK) and not file.with_name(f"{file.name}-shm").exists()
    )
    uri = f"file:{quote(str(file.resolve()))}?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=busy_timeout())
        connection.execute(f"PRAGMA cache_size = -{CACHE_KIB:d}")
        _check_contents(connection, path, writable=False)
    except sqlite3.Error as exc:
        raise explain(exc, path) from exc
    return connection


def open_cache_writer(path: str) -> sqlite3.Connection | None:
    """A ``mode=rw`` connection beside a read-only one, for cached vectors; None if not writable."""
    file = Path(path)
    if not os.access(file, os.W_OK) or not os.access(file.parent, os.W_OK):
        return None
    uri = f"file:{quote(str(file.resolve()))}?mode=rw"
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=busy_timeout())
        connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error:
        return None
    return connection


def _check_file(path: Path, *, must_exist: bool) -> None:
    if not path.exists():
        if must_exist:
            raise StoreError(f"no storylens store at {path} (run `storylens ingest` first)")
        return
    if path.is_dir():
        raise StoreError(f"the store {path} is a directory, not a database file")
    if path.stat().st_size and not is_sqlite_file(path):
        raise StoreError(f"the store {path} is not a SQLite database (or is truncated or corrupt)")


def _check_contents(connection: sqlite3.Connection, path: str, *, writable: bool) -> None:
    """Refuse a newer schema, an unmigrated store for reading, and foreign SQLite files.

    The version and the tables are read in one read transaction: read one after the other,
    another process creating the store could commit its first migration between them, and a
    new store would look like a foreign database ("version 0 with tables").
    """
    connection.execute("BEGIN")
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        tables = {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    finally:
        connection.execute("COMMIT")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store {path} is at schema version {version}, newer than this storylens "
            f"({SCHEMA_VERSION}): upgrade storylens"
        )
    if version == 0 and tables:
        raise StoreError(f"{path} is a SQLite database but not a storylens store")
    if not writable and version < SCHEMA_VERSION:
        raise StoreError(
            f"the store {path} is at schema version {version}, older than this storylens "
            f"({SCHEMA_VERSION}): run `storylens ingest` on it once to upgrade it"
        )
