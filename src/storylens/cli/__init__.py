"""The ``storylens`` command: thin click commands that parse arguments and call the library."""

from __future__ import annotations

import click

from storylens.cli.analyze import analyze_command
from storylens.cli.export import export
from storylens.cli.ingest import ingest
from storylens.cli.stories import stories


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="storylens")
def main() -> None:
    """See how different news outlets cover the same story."""


COMMANDS: list[click.Command] = [analyze_command, ingest, stories, export]
for _command in COMMANDS:
    main.add_command(_command)

__all__ = ["main"]
