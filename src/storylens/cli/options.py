"""Option bundles shared by several commands (sqlite-utils style)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from storylens.clean.outlets import OutletFileError, load_table
from storylens.errors import ConfigError
from storylens.ingest.decode import MAX_BYTES
from storylens.ingest.meta import read_meta
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
            "--outlets",
            type=click.Path(dir_okay=False, path_type=Path),
            expose_value=False,
            callback=_load_outlets,
            help="Outlet aliases (JSON {\"Outlet\": [\"alias\", ...]} or CSV alias,outlet), "
            "added to the built-in table.",
        ),
        click.option(
            "--meta",
            type=click.Path(dir_okay=False, path_type=Path),
            expose_value=False,
            callback=_load_meta,
            help="CSV of path,outlet,url,published giving each input file its own metadata.",
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
    """The user's stated metadata (with ``--meta`` and ``--outlets``); naive dates are UTC."""
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    context = click.get_current_context(silent=True)
    stated = context.meta if context is not None else {}
    return Overrides(
        outlet=outlet,
        published=published,
        meta=stated.get("storylens.meta"),
        outlets=stated.get("storylens.outlets"),
    )


def _load_outlets(context: click.Context, _param: click.Parameter, path: Path | None) -> None:
    if path is None:
        return
    try:
        context.meta["storylens.outlets"] = load_table(path)
    except OutletFileError as exc:
        raise click.BadParameter(str(exc)) from exc


def _load_meta(context: click.Context, _param: click.Parameter, path: Path | None) -> None:
    if path is None:
        return
    try:
        context.meta["storylens.meta"] = read_meta(path)
    except ConfigError as exc:
        raise click.BadParameter(str(exc)) from exc


def report_issues(issues: Sequence[Issue]) -> int:
    """Print one line per issue on stderr; the exit status: 1 when any input failed."""
    console = make_console(stderr=True, width=200)
    failed = 0
    for issue in issues:
        level = "error" if issue.stage == "ingest" and not issue.warning else "warning"
        failed += level == "error"
        console.print(f"storylens: {level}: {issue.line()}", markup=False, highlight=False)
    return 1 if failed else 0
