"""``storylens show``: compare one stored story across its outlets."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from storylens import io
from storylens.cli.activity import Activity
from storylens.cli.compare import (
    EVIDENCE_OPTION,
    FORMAT_OPTION,
    OUTPUT_OPTION,
    write_document,
    write_report,
)
from storylens.cli.formats import REPORT_SUFFIXES, resolve_format
from storylens.cli.options import report_issues
from storylens.cli.output import check_output
from storylens.cli.store_options import db_option
from storylens.report.words import counted

if TYPE_CHECKING:
    from storylens.embedding import Vectors, WordStates
    from storylens.model import Analysis, Article, Issue
    from storylens.store import Store, StoredStory


@click.command("show")
@click.argument("story_id", type=click.IntRange(1, 2**63 - 1))
@db_option
@FORMAT_OPTION
@OUTPUT_OPTION
@EVIDENCE_OPTION
def show(*, story_id: int, db: Path, fmt: str | None, output: Path | None, evidence: bool) -> None:
    """Compare the accounts of stored story STORY_ID (ids from storylens stories).

    The report is the one storylens compare prints, over one account per syndicated group;
    the outlets that carried a copy are named ("carried by …"). Fact vectors are cached in
    the database, so showing a story again is fast. A story of one account is shown with a
    note that there is nothing to compare. Exits 1 when the story does not exist.
    """
    from storylens.store import CachedEncoder, load_story
    from storylens.store.comparison import compare_story
    from storylens.store.vectors import default_model_name

    fmt = resolve_format(fmt, output, suffixes=REPORT_SUFFIXES, default="text")
    if output is not None:
        check_output(output, db=db)
    issues: list[Issue] = []
    with _open(db) as store:
        try:
            story = load_story(store.connection, story_id)
        except KeyError:
            raise click.ClickException(
                f"no story {story_id} in {db} (`storylens stories` lists them)"
            ) from None
        if len(story.accounts) < 2:
            write_document(_single_account(story, fmt), output, db=db)
            return
        encoder = CachedEncoder(_DefaultEncoder(), store, model=default_model_name())
        with Activity(f"comparing {counted(len(story.accounts), 'account')} of story {story_id}"):
            comparison, analyses = compare_story(
                story, encoder=encoder, analyzer=_analyze, issues=issues
            )
    status = report_issues(issues)
    write_report(comparison, analyses, fmt=fmt, output=output, evidence=evidence, db=db)
    sys.exit(status)


class _DefaultEncoder:
    """The default encoder, loaded on first use: a story whose vectors are all cached skips it."""

    def encode(self, sentences: Sequence[str]) -> Vectors:
        """Encode with the shared MiniLM encoder."""
        from storylens.embedding import default_encoder

        return default_encoder().encode(sentences)

    def encode_words(self, sentences: Sequence[str]) -> tuple[Vectors, list[WordStates]]:
        """Vectors and word states from the shared MiniLM encoder."""
        from storylens.embedding import default_encoder

        return default_encoder().encode_words(sentences)


def _analyze(articles: Sequence[Article]) -> Iterable[Analysis | Issue]:
    """Analyse accounts stored without an analysis (loads spaCy only when needed)."""
    from storylens.pipeline import analyze_each

    return analyze_each(articles)


def _single_account(story: StoredStory, fmt: str) -> str:
    """The story and a note that one account leaves nothing to compare."""
    account = story.accounts[0] if story.accounts else None
    note = f"Nothing to compare: story {story.summary.id} has one account."
    if fmt == "json":
        document = {
            "story": io.to_json(story.summary),
            "accounts": [
                {
                    "id": a.article.id,
                    "outlet": a.article.outlet,
                    "title": a.article.title,
                    "carried_by": list(a.carried_by),
                }
                for a in story.accounts
            ],
            "comparison": None,
            "note": note,
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    lines = [f"Story {story.summary.id}: {story.summary.title}"]
    if account is not None:
        lines.append(f"{account.article.outlet}: {account.article.title}")
        if account.carried_by:
            lines.append(f"carried by {', '.join(account.carried_by)}")
    from storylens.report.escape import html_text, markdown_text, terminal_text

    if fmt == "html":
        return f"<pre>{html_text(chr(10).join([*lines, note]))}</pre>\n"
    if fmt == "markdown":
        return "\n\n".join([*(markdown_text(line) for line in lines), note]) + "\n"
    return "\n".join([*(terminal_text(line) for line in lines), note]) + "\n"


def _open(db: Path) -> Store:
    from storylens.store import Store

    return Store(db, read_only=True)
