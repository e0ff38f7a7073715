"""The ``storylens`` command: thin click commands that parse arguments and call the library.

Commands load lazily (click's documented LazyGroup pattern): ``storylens analyze`` never pays
for importing the store, the clustering index or the report renderers it does not use.
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
        return command


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


__all__ = ["COMMANDS", "main"]
