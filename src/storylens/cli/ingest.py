"""``storylens ingest``: read articles into the corpus store and cluster them into stories."""

from __future__ import annotations

import datetime as dt
import importlib
from collections import Counter
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
)
from rich.text import Text

from storylens.cli.engine_options import engine_options, fail, start_engine
from storylens.cli.options import metadata_options, overrides_from, processes_option
from storylens.cli.store_options import db_option
from storylens.ingest.decode import MAX_BYTES
from storylens.report.words import counted

if TYPE_CHECKING:
    from storylens.engine import Engine, EngineName
    from storylens.ingest.overrides import Overrides
    from storylens.store import CorpusWriter, IngestSummary
    from storylens.store.ingest import Analyzer


class _RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        """Articles done over time elapsed: steady although articles arrive in batches."""
        elapsed = task.finished_time if task.finished else task.elapsed
        if not elapsed or elapsed < 0.5 or not task.completed:
            return Text("– articles/s")
        return Text(f"{task.completed / elapsed:,.1f} articles/s")


class _EtaColumn(ProgressColumn):
    """Time left at the average rate so far (rich's own ETA follows bursts of batches)."""

    def render(self, task: Task) -> Text:
        """``ETA m:ss``, or a dash while the rate or the total is unknown."""
        elapsed = task.elapsed
        if task.total is None or not elapsed or elapsed < 0.5 or not task.completed:
            return Text("ETA –")
        left = max(task.total - task.completed, 0) * elapsed / task.completed
        minutes, seconds = divmod(round(left), 60)
        return Text(f"ETA {minutes}:{seconds:02d}")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@metadata_options
@click.option(
    "--analyze/--no-analyze",
    "analyze",
    default=None,
    help="Store each article's analysis too (default: when storylens.pipeline is installed).",
)
@click.option("--batch-size", default=32, show_default=True, help="Articles embedded at once.")
@click.option("--max-bytes", default=MAX_BYTES, show_default=True, help="Largest input file.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@processes_option
@engine_options
def ingest(
    paths: tuple[str, ...],
    *,
    db: Path,
    outlet: str | None,
    published: dt.datetime | None,
    analyze: bool | None,
    batch_size: int,
    max_bytes: int,
    quiet: bool,
    processes: int,
    engine: EngineName,
    address: str | None,
    workers: int | None,
) -> None:
    """Ingest PATHS (files, directories, JSONL corpora, feeds, - for stdin) into the store.

    Articles already stored (same outlet and text) are skipped, so a re-run after a crash
    resumes (also after Ctrl-C). Near-duplicate copies are linked to their original, and every
    new article joins a story or starts one. Each bad input gets one error line; the exit code
    is 1 if any input failed, and everything else is still stored. -j N analyses on N
    processes, --engine ray on a Ray cluster; this process alone writes the store and
    clusters, so the stories are the same whichever engine analysed the articles.
    """
    from storylens.store import CorpusWriter, Store

    console = Console(stderr=True)
    analyzer = _analyzer(wanted=analyze)
    running = _engine(
        engine, analyze=analyzer is not None, processes=processes, workers=workers, address=address
    )
    with Store(db) as store, running as prepared_by:
        writer = CorpusWriter(store, analyzer=analyzer)
        try:
            summary = _run(
                writer,
                paths,
                console=console,
                batch_size=batch_size,
                max_bytes=max_bytes,
                quiet=quiet,
                overrides=overrides_from(outlet, published),
                engine=prepared_by,
            )
        except KeyboardInterrupt:
            stored = f"{store.count_articles()} articles are stored in {db}"
            fail(f"interrupted: {stored}; run the same command again to resume", status=130)
    _print_summary(summary, console=console, db=db, analyzed=analyzer is not None)
    if summary.issues:
        raise SystemExit(1)


def _engine(
    name: EngineName, *, analyze: bool, processes: int, workers: int | None, address: str | None
) -> AbstractContextManager[Engine | None]:
    """No engine for the default (this process prepares), else the chosen one, started."""
    from storylens.engine import Work

    if name == "local" and processes == 1:
        return nullcontext(None)
    work = Work(analyze=analyze)
    return start_engine(name, work, processes=processes, workers=workers, address=address)


def _run(
    writer: CorpusWriter,
    paths: tuple[str, ...],
    *,
    console: Console,
    batch_size: int,
    max_bytes: int,
    quiet: bool,
    overrides: Overrides,
    engine: Engine | None,
) -> IngestSummary:
    from storylens.engine import preparer
    from storylens.store import IngestEvent, count_inputs, ingest_inputs

    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        _EtaColumn(),
    )
    with Progress(*columns, console=console, disable=quiet, transient=False) as progress:
        task = progress.add_task("ingest", total=count_inputs(paths))

        def on_event(event: IngestEvent) -> None:
            if event.issue is None or not event.issue.warning:
                progress.advance(task)
            done = progress.tasks[0]
            if done.total is not None and done.completed > done.total:
                progress.update(task, total=done.completed)
            if event.issue is not None:
                prefix = "warning: " if event.issue.warning else ""
                progress.console.print(
                    prefix + event.issue.line(), markup=False, highlight=False, soft_wrap=True
                )

        return ingest_inputs(
            writer,
            paths,
            batch_size=batch_size,
            max_bytes=max_bytes,
            on_event=on_event,
            overrides=overrides,
            preparer=None if engine is None else preparer(engine),
        )


def _analyzer(*, wanted: bool | None) -> Analyzer | None:
    if wanted is False:
        return None
    try:
        pipeline: Any = importlib.import_module("storylens.pipeline")
    except ImportError:
        pipeline = None
    analyze_each = getattr(pipeline, "analyze_each", None)
    if analyze_each is None and wanted:
        raise click.UsageError("--analyze needs storylens.pipeline.analyze_each")
    return analyze_each


def _print_summary(summary: IngestSummary, *, console: Console, db: Path, analyzed: bool) -> None:
    reasons = Counter(issue.code.value for issue in summary.issues)
    failed = ", ".join(f"{count} {code}" for code, count in sorted(reasons.items()))
    console.print(
        f"ingested {counted(summary.ingested, 'article')} "
        f"({summary.copies} more as syndicated copies), "
        f"{counted(summary.duplicates, 'duplicate')} skipped, {len(summary.issues)} failed"
        + (f" ({failed})" if failed else "")
        + f"; {counted(summary.new_stories - summary.merged_stories, 'new story', 'new stories')}"
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
