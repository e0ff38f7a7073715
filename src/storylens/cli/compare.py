"""``storylens compare``: one story across outlets."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from storylens.cli.activity import Activity
from storylens.cli.formats import REPORT_SUFFIXES, resolve_format
from storylens.cli.options import input_options, overrides_from, report_issues
from storylens.cli.output import check_output, write_atomic
from storylens.report.console import make_console
from storylens.report.words import counted

if TYPE_CHECKING:
    from storylens.compare import Comparison
    from storylens.model import Analysis

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown", "html"]),
    default=None,
    help="Terminal report (text), JSON (schema storylens.comparison), Markdown or one HTML "
    "page. Default: inferred from the -o file name (.txt .json .md .html), else text.",
)
"""``--format``, shared by ``compare`` and ``show``."""

OUTPUT_OPTION = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output; its ending sets the "
    "format when --format is not given.",
)
"""``--output/-o``, shared by ``compare`` and ``show``."""


EVIDENCE_OPTION = click.option(
    "--evidence",
    is_flag=True,
    help="Text report: also print each outlet's loaded phrases (and, with storylens "
    "--experimental-tone, the sentences behind its tone toward each actor).",
)
"""``--evidence``: the framing evidence in the terminal report."""


@click.command("compare")
@input_options
@FORMAT_OPTION
@OUTPUT_OPTION
@EVIDENCE_OPTION
def compare_command(
    inputs: tuple[str, ...],
    outlet: str | None,
    published: dt.datetime | None,
    max_bytes: int,
    processes: int,
    fmt: str | None,
    output: Path | None,
    evidence: bool,
) -> None:
    """Compare how two or more articles cover one story.

    Shows a neutral summary (each sentence naming the outlets that report it), the facts the
    outlets share, the facts only one outlet reports (and what each omits), quotes across
    outlets with attribution conflicts, numbers that disagree, cited sources and entities per
    outlet, the timeline, and each outlet's framing profile (--evidence adds the phrases and
    sentences behind it). FILE takes anything storylens analyze reads. Exits 1 when an
    input could not be read, 2 when fewer than two articles remain.
    """
    from storylens.compare import TooFewArticles, compare_analyses, distinct_ids
    from storylens.pipeline import analyze_paths

    fmt = resolve_format(fmt, output, suffixes=REPORT_SUFFIXES, default="text")
    if output is not None:
        check_output(output)
    with Activity("reading and analysing (spaCy)") as activity:
        outcome = analyze_paths(
            inputs,
            n_process=processes,
            max_bytes=max_bytes,
            overrides=overrides_from(outlet, published),
        )
        analyses, dropped = distinct_ids(outcome.analyses)
        outcome.issues.extend(dropped)
        activity.phase(f"comparing {counted(len(analyses), 'article')}")
        try:
            comparison: Comparison | str = compare_analyses(analyses, issues=outcome.issues)
        except TooFewArticles as exc:
            comparison = str(exc)
    status = report_issues(outcome.issues)
    if isinstance(comparison, str):
        raise click.UsageError(comparison)
    write_report(comparison, analyses, fmt=fmt, output=output, evidence=evidence)
    sys.exit(status)


def write_report(
    comparison: Comparison,
    analyses: list[Analysis],
    *,
    fmt: str,
    output: Path | None,
    evidence: bool = False,
    db: Path | None = None,
) -> None:
    """Print the report in one format, or write it to ``output`` (``compare`` and ``show``)."""
    from storylens.report.story_text import render_story

    if fmt == "text" and output is None:
        render_story(comparison, make_console(), evidence=evidence)
        return
    write_document(_render(fmt, comparison, analyses, evidence=evidence), output, db=db)


def write_document(document: str, output: Path | None, *, db: Path | None = None) -> None:
    """Write a rendered report to ``output``, or to standard output when there is none.

    The file is written whole (temp file + rename) and never onto the store ``db``, the
    configured store or any SQLite file (`storylens.cli.output`).
    """
    if output is not None:
        write_atomic(document, output, db=db)
    else:
        sys.stdout.write(document)


def _render(
    fmt: str, comparison: Comparison, analyses: list[Analysis], *, evidence: bool = False
) -> str:
    """The report as text in one format (the terminal report captured at 100 columns)."""
    from storylens.report.compare_html import render_comparison_html
    from storylens.report.compare_json import render_comparison_json
    from storylens.report.compare_markdown import render_comparison_markdown
    from storylens.report.story_text import render_story

    if fmt == "json":
        return render_comparison_json(comparison) + "\n"
    if fmt == "markdown":
        return render_comparison_markdown(comparison)
    if fmt == "html":
        return render_comparison_html(comparison, analyses)
    console = make_console(width=100)
    with console.capture() as captured:
        render_story(comparison, console, evidence=evidence)
    return captured.get()
