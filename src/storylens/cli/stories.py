"""``storylens stories``: list the stories in the corpus store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table

from storylens import io
from storylens.cli.options import DATE
from storylens.cli.store_options import db_option
from storylens.report.console import make_console
from storylens.report.escape import terminal_safe
from storylens.report.words import counted

if TYPE_CHECKING:
    from storylens.store import Store, StorySummary


@click.group("stories", invoke_without_command=True)
@click.pass_context
@db_option
@click.option(
    "--since",
    type=DATE,
    help="Only stories still running on or after this date (2016-10-03).",
)
@click.option(
    "--outlet",
    help="Only stories covered by an outlet whose name contains this, ignoring case "
    "(fox matches Fox News).",
)
@click.option("--limit", type=int, help="At most this many stories (latest first).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "jsonl"]),
    default="table",
    show_default=True,
    help="A readable table, one JSON list, or one JSON object per line.",
)
def stories(
    ctx: click.Context,
    *,
    db: Path,
    since: dt.datetime | None,
    outlet: str | None,
    limit: int | None,
    output_format: str,
) -> None:
    """List stories, latest first: title, date range, outlets, accounts and articles.

    Accounts count syndicated copies once; articles count every stored article. JSON lists
    each story's article ids. ``stories why ID`` shows why each article joined a story;
    ``stories split`` and ``stories merge`` edit stories by hand (later ingests respect it).
    """
    if ctx.invoked_subcommand is not None:
        return
    from storylens.store import list_stories

    with _open(db) as store:
        found = list_stories(
            store.connection, since=since.date() if since else None, outlet=outlet, limit=limit
        )
    if output_format == "json":
        click.echo(json.dumps(io.to_json(found), ensure_ascii=False, indent=2))
    elif output_format == "jsonl":
        for line in io.write_jsonl(found):
            click.echo(line, nl=False)
    else:
        make_console().print(_table(terminal_safe(found)))


def _table(found: list[StorySummary]) -> Table:
    table = Table(title=counted(len(found), "story"))
    for column in ("id", "title", "dates", "outlets", "accounts", "articles"):
        table.add_column(
            column, justify="right" if column in {"id", "accounts", "articles"} else "left"
        )
    for story in found:
        table.add_row(
            str(story.id),
            story.title,
            _dates(story),
            ", ".join(story.outlets),
            str(story.accounts),
            str(story.articles),
        )
    return table


def _dates(story: StorySummary) -> str:
    if story.first is None or story.last is None:
        return "undated"
    if story.first == story.last:
        return story.first.isoformat()
    return f"{story.first.isoformat()} – {story.last.isoformat()}"


def _open(db: Path) -> Store:
    from storylens.store import Store

    return Store(db, read_only=True)


def _register() -> None:
    from storylens.cli.story_edit import merge, split, why

    for command in (why, split, merge):
        stories.add_command(command)


_register()
