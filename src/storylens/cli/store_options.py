"""Options shared by the commands that read or write the corpus store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from storylens.config import DB_ENVIRONMENT, DEFAULT_DB

F = TypeVar("F", bound=Callable[..., object])

DB_HELP = f"The corpus database (SQLite). Default: ${DB_ENVIRONMENT} if set, else ./{DEFAULT_DB}."


def db_option(command: F) -> F:
    """Add ``--db PATH`` (also read from ``$STORYLENS_DB``, default ``./storylens.db``)."""
    option = click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar=DB_ENVIRONMENT,
        default=DEFAULT_DB,
        show_envvar=True,
        help=DB_HELP,
    )
    return option(command)
