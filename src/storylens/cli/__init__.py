"""The ``storylens`` command: thin click commands that parse arguments and call the library.

Commands load lazily (click's documented LazyGroup pattern): ``storylens analyze`` never pays
for importing the store, the clustering index or the report renderers it does not use, and
``storylens --help`` imports no command at all (each command's one-line help is listed here).

Exit statuses (the project's convention: 0 ok, 1 data, 2 usage): 0 done; 1 an input failed
(the others were still processed), the story asked for does not exist, or the store cannot
be used (missing, busy or locked, corrupt or truncated, read-only, disk full, not a storylens
store, newer schema); 2 a usage error, including an output file that must not be written
(the store itself, any SQLite file, a missing directory) and ``--engine ray`` without Ray
installed or reachable; 130 an ``ingest`` stopped by Ctrl-C. Each failure is one line on
stderr.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from storylens.config import EXPERIMENTAL_TONE

EXIT_STORE = 1
"""Exit status when the store cannot be used (a data problem, as a bad input is)."""

EXIT_OUTPUT = 2
"""Exit status when ``-o`` names a file that must not be written (a usage error)."""

COMMANDS: dict[str, str] = {
    "analyze": "storylens.cli.analyze:analyze_command",
    "compare": "storylens.cli.compare:compare_command",
    "ingest": "storylens.cli.ingest:ingest",
    "stories": "storylens.cli.stories:stories",
    "export": "storylens.cli.export:export",
    "show": "storylens.cli.show:show",
    "serve": "storylens.cli.serve:serve",
}
"""Command name → ``module:attribute`` of its click command."""

SUMMARIES: dict[str, str] = {
    "analyze": "Analyse each article: debris, entities, quotes and speakers, sources, dates.",
    "compare": "Compare how two or more articles cover one story.",
    "ingest": "Ingest files, directories, JSONL corpora, feeds or stdin into the store.",
    "stories": "List the stories in the store, latest first.",
    "export": "Export the store as a table (parquet, CSV or JSONL).",
    "show": "Compare the accounts of one stored story.",
    "serve": "Browse, search and compare the stored stories in a web browser; JSON at /api/.",
}
"""Command name → the one line ``storylens --help`` shows (a test keeps it in step)."""


class LazyGroup(click.Group):
    """A click group that imports a command's module only when that command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, sorted."""
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import and return one command."""
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        if command.callback is not None and not hasattr(command.callback, "__one_line__"):
            command.callback = one_line_errors(command.callback)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from `SUMMARIES`, without importing any command."""
        rows = [(name, SUMMARIES.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def one_line_errors(callback: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a command so store and output failures end it with one line, not a traceback."""

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except Exception as exc:
            _one_line(exc, db=kwargs.get("db"))

    run.__one_line__ = True  # type: ignore[attr-defined]
    return run


def _one_line(exc: Exception, *, db: object) -> NoReturn:
    """Exit with one line for a store, output or storylens error; re-raise anything else.

    The error classes are imported here, when a command has failed, so that starting a
    command never pays for importing the store.
    """
    import sqlite3

    from storylens.errors import StoreError, StorylensError

    if isinstance(exc, StoreError):
        _fail(str(exc), EXIT_STORE)
    if isinstance(exc, sqlite3.Error):
        from storylens.store.connection import explain

        _fail(str(explain(exc, str(db or "storylens.db"))), EXIT_STORE)
    if isinstance(exc, StorylensError):
        from storylens.cli.output import OutputError

        _fail(str(exc), EXIT_OUTPUT if isinstance(exc, OutputError) else 1)
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        _fail(f"{where}{exc.strerror or exc}", 1)
    raise exc


def _fail(message: str, status: int) -> NoReturn:
    click.echo(f"storylens: error: {' '.join(message.split())}", err=True)
    sys.exit(status)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="storylens")
@click.option(
    "--experimental-tone",
    is_flag=True,
    help="Compute and show tone per actor (unvalidated: it does not beat a constant baseline).",
)
def main(experimental_tone: bool) -> None:
    """See how different news outlets cover the same story."""
    if experimental_tone:
        os.environ[EXPERIMENTAL_TONE] = "1"


__all__ = ["COMMANDS", "SUMMARIES", "main"]
