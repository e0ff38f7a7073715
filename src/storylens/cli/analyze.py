"""``storylens analyze``: the per-article report."""

from __future__ import annotations

import datetime as dt
import sys

import click

from storylens.cli.activity import Activity
from storylens.cli.options import input_options, overrides_from, report_issues
from storylens.report.console import make_console


@click.command("analyze")
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl"]),
    default="text",
    show_default=True,
    help="Terminal report, one JSON document, or one line per article.",
)
def analyze_command(
    inputs: tuple[str, ...],
    outlet: str | None,
    published: dt.datetime | None,
    max_bytes: int,
    processes: int,
    fmt: str,
) -> None:
    """Analyse each article: debris removed, entities, quotes and speakers, sources, dates.

    FILE may be .txt, .html, .json, .jsonl, an RSS/Atom feed, a directory (read recursively)
    or - for standard input. Exits 1 when any input could not be read; the others are still
    analysed.
    """
    from storylens.io import write_jsonl
    from storylens.pipeline import analyze_paths
    from storylens.report.analysis_json import render_analysis_json
    from storylens.report.analysis_text import render_analysis

    with Activity("reading and analysing (spaCy)"):
        outcome = analyze_paths(
            inputs,
            n_process=processes,
            max_bytes=max_bytes,
            overrides=overrides_from(outlet, published),
        )
    if fmt == "json":
        sys.stdout.write(render_analysis_json(outcome.analyses, outcome.issues) + "\n")
    elif fmt == "jsonl":
        sys.stdout.writelines(write_jsonl(outcome.analyses))
    else:
        console = make_console()
        for analysis in outcome.analyses:
            render_analysis(analysis, console)
    sys.exit(report_issues(outcome.issues))
