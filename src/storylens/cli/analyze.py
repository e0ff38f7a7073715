"""``storylens analyze``: the per-article report."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

import click

from storylens.cli.activity import Activity
from storylens.cli.engine_options import engine_options, start_engine
from storylens.cli.options import input_options, overrides_from, report_issues
from storylens.report.console import make_console

if TYPE_CHECKING:
    from storylens.engine import EngineName
    from storylens.pipeline import Outcome


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
@engine_options
def analyze_command(
    inputs: tuple[str, ...],
    outlet: str | None,
    published: dt.datetime | None,
    max_bytes: int,
    processes: int,
    fmt: str,
    engine: EngineName,
    address: str | None,
    workers: int | None,
) -> None:
    """Analyse each article: debris removed, entities, quotes and speakers, sources, dates.

    FILE may be .txt, .html, .json, .jsonl, an RSS/Atom feed, a directory (read recursively)
    or - for standard input. Exits 1 when any input could not be read; the others are still
    analysed. --engine ray analyses on a Ray cluster (same analyses, same order).
    """
    from storylens.io import write_jsonl
    from storylens.report.analysis_json import render_analysis_json
    from storylens.report.analysis_text import render_analysis

    outcome = _analyze(
        inputs,
        max_bytes=max_bytes,
        outlet=outlet,
        published=published,
        processes=processes,
        engine=engine,
        address=address,
        workers=workers,
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


def _analyze(
    inputs: tuple[str, ...],
    *,
    max_bytes: int,
    outlet: str | None,
    published: dt.datetime | None,
    processes: int,
    engine: EngineName,
    address: str | None,
    workers: int | None,
) -> Outcome:
    overrides = overrides_from(outlet, published)
    if engine == "ray":
        from storylens.engine import Work, analyze_with

        work = Work(embed=False)
        with (
            start_engine("ray", work, processes=1, workers=workers, address=address) as ray,
            Activity("reading, and analysing on Ray"),
        ):
            return analyze_with(ray, inputs, max_bytes=max_bytes, overrides=overrides)
    from storylens.pipeline import analyze_paths

    with Activity("reading and analysing (spaCy)"):
        return analyze_paths(inputs, n_process=processes, max_bytes=max_bytes, overrides=overrides)
