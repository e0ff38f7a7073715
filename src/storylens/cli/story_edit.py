"""``storylens stories why|split|merge``: why articles joined a story; edit stories by hand."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click
from rich.table import Table

from storylens.cli.store_options import db_option
from storylens.errors import ConfigError
from storylens.report.console import make_console


@click.command("why")
@click.argument("story_id", type=int)
@db_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A readable table or one JSON list.",
)
def why(story_id: int, *, db: Path, output_format: str) -> None:
    """Why each article is in story STORY_ID: how it joined, its score, best match, shared cues.

    ``how`` is seed (it started the story), joined, absorbed (its one-account story was taken
    in when the story grew), copy (a syndicated copy of a member) or manual (placed by hand).
    """
    from storylens.store import Store
    from storylens.store.editing import story_members_why

    try:
        with Store(db, must_exist=True) as store:
            members = story_members_why(store, story_id)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    if output_format == "json":
        rows = [dataclasses.asdict(m) for m in members]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"story {story_id}: why each article is here")
    for column in ("article", "outlet", "how", "score", "best match", "shared names and figures"):
        table.add_column(column, justify="right" if column == "score" else "left")
    for m in members:
        match = f"{m.best_match} ({m.best_match_outlet})" if m.best_match else "–"
        score = "–" if m.how == "seed" else f"{m.score:.2f}"
        table.add_row(m.article_id, m.outlet, m.how, score, match, ", ".join(m.shared) or "–")
    make_console().print(table)


@click.command("split")
@click.argument("story_id", type=int)
@click.argument("article_ids", nargs=-1, required=True)
@db_option
def split(story_id: int, article_ids: tuple[str, ...], *, db: Path) -> None:
    """Move ARTICLE_IDS (and their syndicated copies) out of STORY_ID into a new story.

    Later ingests never merge the two back; new articles still join whichever fits.
    """
    from storylens.store import Store
    from storylens.store.editing import split_story

    try:
        with Store(db, must_exist=True) as store:
            new_id = split_story(store, story_id, article_ids)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"story {new_id}: {len(article_ids)} article(s) split off story {story_id}")


@click.command("merge")
@click.argument("story_id", type=int)
@click.argument("others", nargs=-1, type=int, required=True)
@db_option
def merge(story_id: int, others: tuple[int, ...], *, db: Path) -> None:
    """Merge the stories OTHERS into STORY_ID (their articles move; they are deleted)."""
    from storylens.store import Store
    from storylens.store.editing import merge_into

    try:
        with Store(db, must_exist=True) as store:
            merge_into(store, story_id, others)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"story {story_id}: merged {', '.join(map(str, others))} into it")
