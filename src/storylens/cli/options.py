"""Option bundles shared by several commands (sqlite-utils style)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from storylens.ingest.decode import MAX_BYTES
from storylens.model import Issue
from storylens.pipeline import Overrides
from storylens.report.console import make_console

F = TypeVar("F", bound=Callable[..., Any])


def input_options(command: F) -> F:
    """FILE… arguments plus the metadata overrides and limits every reading command takes."""
    decorators = [
        click.argument("inputs", nargs=-1, required=True, metavar="FILE…"),
        click.option("--outlet", help="Outlet of every input (wins over inferred outlets)."),
        click.option(
            "--published",
            type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
            help="Publication date of every input, YYYY-MM-DD.",
        ),
        click.option(
            "--max-bytes",
            type=int,
            default=MAX_BYTES,
            show_default=True,
            help="Largest single article accepted.",
        ),
        click.option(
            "--processes",
            "-j",
            type=click.IntRange(1, 64),
            default=1,
            show_default=True,
            help="spaCy worker processes.",
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def overrides_from(outlet: str | None, published: dt.datetime | None) -> Overrides:
    """The user's stated metadata; a naive date is taken as UTC."""
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    return Overrides(outlet=outlet, published=published)


def report_issues(issues: Sequence[Issue]) -> int:
    """Print one line per issue on stderr; the exit status: 1 when any input failed."""
    console = make_console(stderr=True, width=200)
    failed = 0
    for issue in issues:
        level = "error" if issue.stage == "ingest" and not issue.warning else "warning"
        failed += level == "error"
        console.print(f"storylens: {level}: {issue.line()}", markup=False, highlight=False)
    return 1 if failed else 0
