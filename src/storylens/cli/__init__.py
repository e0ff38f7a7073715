"""The ``storylens`` command: thin click commands that parse arguments and call the library.

Commands load lazily (click's documented LazyGroup pattern): ``storylens analyze`` never pays
for importing the store, the clustering index or the report renderers it does not use, and
``storylens --help`` imports no command at all (each command's one-line help is listed here).
"""

from __future__ import annotations

import importlib
import os

import click

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
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from `SUMMARIES`, without importing any command."""
        rows = [(name, SUMMARIES.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


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
        os.environ["STORYLENS_EXPERIMENTAL_TONE"] = "1"


__all__ = ["COMMANDS", "SUMMARIES", "main"]
