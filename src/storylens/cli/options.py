"""Option bundles shared by several commands (sqlite-utils style)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from storylens.errors import ConfigError
from storylens.ingest.decode import MAX_BYTES
from storylens.ingest.meta import read_meta
from storylens.ingest.overrides import Overrides
from storylens.model import Issue, IssueCode
from storylens.outlets import load_table
from storylens.report.console import make_console

F = TypeVar("F", bound=Callable[..., Any])


class DateTimeParam(click.ParamType[dt.datetime]):
    """An ISO 8601 date or date-time: ``2016-10-03``, ``2016-10-03T10:00:00Z``, ``…+02:00``.

    A value without a zone is taken as UTC.
    """

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        """How the value looks in the usage line."""
        return "DATE"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.datetime:
        """Parse the value, or fail with a message that shows the accepted forms."""
        if isinstance(value, dt.datetime):
            return value
        try:
            parsed = dt.datetime.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(
                f"{value!r} is not a date: give 2016-10-03 or 2016-10-03T10:00:00Z (ISO 8601)",
                param,
                ctx,
            )
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


DATE = DateTimeParam()


def metadata_options(command: F) -> F:
    """``--outlet`` and ``--published``: metadata the user states for every input."""
    decorators = [
        click.option("--outlet", help="Outlet of every input (wins over inferred outlets)."),
        click.option(
            "--published",
            type=DATE,
            help="Publication date of every input: 2016-10-03 or 2016-10-03T10:00:00Z "
            "(ISO 8601; no zone means UTC). Wins over dates read from the input.",
        ),
        _file_option(
            "--outlets",
            load_table,
            'Outlet aliases (JSON {"Outlet": ["alias", ...]} or CSV alias,outlet), '
            "added to the built-in table.",
        ),
        _file_option(
            "--meta",
            read_meta,
            "CSV of path,outlet,url,published giving each input file its own metadata.",
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


processes_option = click.option(
    "--processes",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes analysing articles on this machine (local engine).",
)
"""``-j N``: the one definition every command that analyses on this machine shares."""


def input_options(command: F) -> F:
    """FILE… arguments plus the metadata overrides and limits every reading command takes."""
    decorators = [
        click.argument("inputs", nargs=-1, required=True, metavar="FILE…"),
        metadata_options,
        click.option(
            "--max-bytes",
            type=int,
            default=MAX_BYTES,
            show_default=True,
            help="Largest single article accepted.",
        ),
        processes_option,
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


def _file_option(name: str, load: Callable[[Path], Any], help_text: str) -> Any:
    """An option naming a file read at once into the context (a bad file is a usage error)."""

    def callback(context: click.Context, _param: click.Parameter, path: Path | None) -> None:
        if path is None:
            return
        try:
            context.meta[f"storylens.{name.lstrip('-')}"] = load(path)
        except ConfigError as exc:
            raise click.BadParameter(str(exc)) from exc

    return click.option(
        name,
        type=click.Path(dir_okay=False, path_type=Path),
        expose_value=False,
        callback=callback,
        help=help_text,
    )


def report_issues(issues: Sequence[Issue]) -> int:
    """Print one line per issue on stderr; the exit status: 1 when any input failed."""
    console = make_console(stderr=True, width=200)
    failed = 0
    for issue in issues:
        failed_record = issue.code in {IssueCode.RECORD_FAILED, IssueCode.DUPLICATE_ID}
        error = (issue.stage == "ingest" and not issue.warning) or failed_record
        level = "error" if error else "warning"
        failed += level == "error"
        console.print(f"storylens: {level}: {issue.line()}", markup=False, highlight=False)
    return 1 if failed else 0
