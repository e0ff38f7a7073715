"""The ``storylens`` command: thin click commands that parse arguments and call the library.

Commands load lazily (click's documented LazyGroup pattern): ``storylens analyze`` never pays
for importing the store, the clustering index or the report renderers it does not use.

Exit statuses: 0 done; 1 an input failed (the others were still processed) or the story
asked for does not exist; 2 a usage error; 3 the store cannot be used (missing, busy or
locked, corrupt or truncated, read-only, disk full, not a storylens store, newer schema);
4 the output file cannot or must not be written. Each failure is one line on stderr.
"""

from __future__ import annotations

import functools
import importlib
import sqlite3
import sys
from collections.abc import Callable
from typing import Any

import click

EXIT_STORE = 3
"""Exit status when the store cannot be used."""

EXIT_OUTPUT = 4
"""Exit status when the output cannot or must not be written."""

COMMANDS: dict[str, str] = {
    "analyze": "storylens.cli.analyze:analyze_command",
    "compare": "storylens.cli.compare:compare_command",
    "ingest": "storylens.cli.ingest:ingest",
    "stories": "storylens.cli.stories:stories",
    "export": "storylens.cli.export:export",
    "show": "storylens.cli.show:show",
}
"""Command name → ``module:attribute`` of its click command."""


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


def one_line_errors(callback: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a command so store and output failures end it with one line, not a traceback."""
    from storylens.cli.output import OutputError
    from storylens.errors import StoreError, StorylensError
    from storylens.store.connection import explain

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except StoreError as exc:
            _fail(str(exc), EXIT_STORE)
        except OutputError as exc:
            _fail(str(exc), EXIT_OUTPUT)
        except StorylensError as exc:
            _fail(str(exc), 1)
        except sqlite3.Error as exc:
            _fail(str(explain(exc, kwargs.get("db") or "storylens.db")), EXIT_STORE)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            _fail(f"{where}{exc.strerror or exc}", EXIT_OUTPUT)
        return None

    run.__one_line__ = True  # type: ignore[attr-defined]
    return run


def _fail(message: str, status: int) -> None:
    click.echo(f"storylens: error: {' '.join(message.split())}", err=True)
    sys.exit(status)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="storylens")
def main() -> None:
    """See how different news outlets cover the same story."""


__all__ = ["COMMANDS", "main"]
