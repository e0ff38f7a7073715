"""``storylens ingest``: read articles into the corpus store and cluster them into stories."""

from __future__ import annotations

import importlib
from collections import Counter
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from storylens.cli.store_options import db_option
from storylens.ingest.decode import MAX_BYTES
from storylens.store import (
    CorpusWriter,
    IngestEvent,
    IngestSummary,
    Store,
    count_inputs,
    ingest_inputs,
)
from storylens.store.ingest import Analyzer


class _RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} articles/s" if speed else "– articles/s")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--analyze/--no-analyze",
    "analyze",
    default=None,
    help="Store each article's analysis too (default: when storylens.pipeline is installed).",
)
@click.option("--batch-size", default=32, show_default=True, help="Articles embedded at once.")
@click.option("--max-bytes", default=MAX_BYTES, show_default=True, help="Largest input file.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[str, ...],
    *,
    db: Path,
    analyze: bool | None,
    batch_size: int,
    max_bytes: int,
    quiet: bool,
) -> None:
    """Ingest PATHS (files, directories, JSONL corpora, feeds, ``-`` for stdin) into the store.

    Articles already stored (same outlet and text) are skipped, so a re-run after a crash
    resumes. Near-duplicate copies are linked to their original, and every new article joins
    a story or starts one. Each bad input gets one error line; the exit code is 1 if any
    input failed, and everything else is still stored.
    """
    console = Console(stderr=True)
    analyzer = _analyzer(wanted=analyze)
    with Store(db) as store:
        writer = CorpusWriter(store, analyzer=analyzer)
        summary = _run(
            writer, paths, console=console, batch_size=batch_size, max_bytes=max_bytes, quiet=quiet
        )
    _print_summary(summary, console=console, db=db, analyzed=analyzer is not None)
    if summary.issues:
        raise SystemExit(1)


def _run(
    writer: CorpusWriter,
    paths: tuple[str, ...],
    *,
    console: Console,
    batch_size: int,
    max_bytes: int,
    quiet: bool,
) -> IngestSummary:
    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, disable=quiet, transient=False) as progress:
        task = progress.add_task("ingest", total=count_inputs(paths))

        def on_event(event: IngestEvent) -> None:
            if event.issue is None or not event.issue.warning:
                progress.advance(task)
            if event.issue is not None:
                prefix = "warning: " if event.issue.warning else ""
                progress.console.print(
                    prefix + event.issue.line(), markup=False, highlight=False, soft_wrap=True
                )

        return ingest_inputs(
            writer, paths, batch_size=batch_size, max_bytes=max_bytes, on_event=on_event
        )


def _analyzer(*, wanted: bool | None) -> Analyzer | None:
    if wanted is False:
        return None
    try:
        pipeline: Any = importlib.import_module("storylens.pipeline")
    except ImportError:
        pipeline = None
    analyze_articles = getattr(pipeline, "analyze_articles", None)
    if analyze_articles is None and wanted:
        raise click.UsageError("--analyze needs storylens.pipeline.analyze_articles")
    return analyze_articles


def _print_summary(summary: IngestSummary, *, console: Console, db: Path, analyzed: bool) -> None:
    reasons = Counter(issue.code.value for issue in summary.issues)
    failed = ", ".join(f"{count} {code}" for code, count in sorted(reasons.items()))
    console.print(
        f"ingested {summary.ingested} articles ({summary.copies} more as syndicated copies), "
        f"{summary.duplicates} duplicates skipped, {len(summary.issues)} failed"
        + (f" ({failed})" if failed else "")
        + f"; {summary.new_stories - summary.merged_stories} new stories"
        + (
            f" (after {summary.merged_stories} merged into grown ones)"
            if summary.merged_stories
            else ""
        )
        + "; "
        + ("analyses stored" if analyzed else "no analyses (articles only)")
        + f"; database {db}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
