"""Where reports and exports go: never onto the store, always whole (temp file + rename).

``-o`` is checked before anything is written: a path that is the configured store (or its
WAL and shared-memory files), or any file that starts with the SQLite header, is refused
with one line. The document is written to a temporary file in the target's directory and
moved over the target with ``os.replace``, so a failed or interrupted write leaves the old
file as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from storylens.config import default_db_path, is_sqlite_file
from storylens.errors import StorylensError


class OutputError(StorylensError):
    """An output path that must not or cannot be written; the message is one line."""


def check_output(output: Path, *, db: Path | None = None) -> None:
    """Refuse an output path that would overwrite the store or any SQLite database."""
    stores = {default_db_path(), *([db] if db is not None else [])}
    for store in stores:
        guarded = {
            store,
            *(store.with_name(f"{store.name}{s}") for s in ("-wal", "-shm", "-journal")),
        }
        if any(_same_file(output, path) for path in guarded):
            raise OutputError(f"{output}: refusing to write a report onto the store {store}")
    if is_sqlite_file(output):
        raise OutputError(f"{output}: refusing to overwrite a SQLite database")
    if output.is_dir():
        raise OutputError(f"{output}: is a directory")
    if not output.parent.is_dir():
        raise OutputError(f"{output}: no such directory {output.parent}")


@contextmanager
def atomic_path(output: Path, *, db: Path | None = None) -> Iterator[Path]:
    """A temporary path beside ``output``; moved onto it when the block ends without error."""
    check_output(output, db=db)
    if output.exists() and not output.is_file():  # a device or pipe: no rename possible
        yield output
        return
    try:
        handle, name = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    except OSError as exc:
        raise OutputError(f"{output}: cannot write here: {exc.strerror or exc}") from exc
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        temporary.replace(output)
    except OSError as exc:
        raise OutputError(f"{output}: cannot write: {exc.strerror or exc}") from exc
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def atomic_text(output: Path, *, db: Path | None = None) -> Iterator[TextIO]:
    """A UTF-8 text handle whose contents replace ``output`` whole, or not at all."""
    with atomic_path(output, db=db) as path, path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def write_atomic(document: str, output: Path, *, db: Path | None = None) -> None:
    """Write ``document`` to ``output`` whole (see `atomic_text`)."""
    with atomic_text(output, db=db) as handle:
        handle.write(document)


def _same_file(output: Path, other: Path) -> bool:
    try:
        if output.exists() and other.exists():
            return output.samefile(other)
    except OSError:
        return False
    return output.resolve() == other.resolve()
