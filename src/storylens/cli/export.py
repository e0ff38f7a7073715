"""``storylens export``: the corpus and its analysis as flat tables (parquet, CSV or JSONL).

Tables and their columns: docs/export.md (``storylens.store.tables.TABLES``).
"""

from __future__ import annotations

import csv
import importlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from storylens.cli.formats import EXPORT_SUFFIXES, resolve_format
from storylens.cli.output import atomic_path, atomic_text, check_output
from storylens.cli.store_options import db_option
from storylens.errors import ModelNotInstalled

if TYPE_CHECKING:
    from storylens.compare import Comparison
    from storylens.store import Store

TABLE_NAMES = (
    "articles",
    "quotes",
    "speakers",
    "entities",
    "cited_sources",
    "framing",
    "loaded_phrases",
    "rows",
    "conflicts",
)
"""The tables `export` writes (kept equal to ``storylens.store.tables.TABLES`` by a test)."""

_PARQUET_BATCH = 10_000


@click.command("export")
@db_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["parquet", "csv", "jsonl"]),
    default=None,
    help="Default: inferred from the -o file name (.parquet .csv .jsonl). parquet needs "
    "--output and pyarrow (pip install 'storylens[parquet]').",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here instead of standard output.",
)
@click.option(
    "--table",
    type=click.Choice(TABLE_NAMES),
    default="articles",
    show_default=True,
    help="Which table: articles, or the analysis (quotes, speakers, entities, cited_sources, "
    "framing, loaded_phrases), or per-story comparison tables (rows, conflicts).",
)
def export(*, db: Path, output_format: str | None, output: Path | None, table: str) -> None:
    """Export one table: articles (one row per stored article) or a table of the analysis.

    articles: story, outlet, title, date, url, copy_of (the original of a syndicated copy),
    partial_copy (true when that copy is cut short), text. quotes, speakers, entities,
    cited_sources, framing, loaded_phrases: one row per item of each stored analysis. rows
    (fact × outlet matrix, one row per fact) and conflicts (one row per side) compare every
    story of two or more accounts first. Columns: docs/export.md.
    Rows are streamed, so memory stays flat in corpus size.
    """
    output_format = resolve_format(output_format, output, suffixes=EXPORT_SUFFIXES, default="")
    if not output_format:
        raise click.UsageError(
            "give --format parquet|csv|jsonl, or -o FILE with one of those endings"
        )
    if output_format == "parquet":
        _require_pyarrow()
        if output is None:
            raise click.UsageError("--format parquet needs --output PATH")
    if output is not None:
        check_output(output, db=db)
    from storylens.store.tables import TABLES, table_rows

    columns = TABLES[table].columns
    with _open(db) as store:
        comparer = _comparer(store) if TABLES[table].compared else None
        rows = table_rows(store.connection, table, compare=comparer)
        if output_format == "parquet" and output is not None:
            with atomic_path(output, db=db) as path:
                write_parquet(rows, path, columns=columns)
        elif output is None:
            _write_text(rows, sys.stdout, output_format, names=[c for c, _ in columns])
        else:
            with atomic_text(output, db=db) as handle:
                _write_text(rows, handle, output_format, names=[c for c, _ in columns])


def _require_pyarrow() -> None:
    """Fail with one line naming the extra when pyarrow is not installed."""
    try:
        importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise click.ClickException(
            "--format parquet needs pyarrow: pip install 'storylens[parquet]'"
        ) from None


def write_parquet(
    rows: Iterator[dict[str, Any]], path: Path, *, columns: Sequence[tuple[str, str]] = ()
) -> None:
    """Write rows to a parquet file in batches (needs pyarrow); columns as (name, type)."""
    try:
        pa: Any = importlib.import_module("pyarrow")
        pq: Any = importlib.import_module("pyarrow.parquet")
    except ImportError as exc:
        raise ModelNotInstalled("pyarrow", extra="parquet") from exc
    from storylens.store.tables import TABLES

    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string()}
    schema = pa.schema([(c, types[t]) for c, t in (columns or TABLES["articles"].columns)])
    with pq.ParquetWriter(str(path), schema) as writer:
        while batch := list(islice(rows, _PARQUET_BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def _write_text(
    rows: Iterator[dict[str, Any]], handle: TextIO, output_format: str, *, names: list[str]
) -> None:
    if output_format == "jsonl":
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    from storylens.report.escape import csv_cell

    writer = csv.DictWriter(handle, fieldnames=names)
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)


def _comparer(store: Store) -> Callable[[int], Comparison | None]:
    """Compare a stored story by id (vectors cached in the store, as `storylens show` does)."""
    from storylens.cli.show import _analyze, _DefaultEncoder
    from storylens.store import CachedEncoder, load_story
    from storylens.store.comparison import compare_story
    from storylens.store.vectors import default_model_name

    encoder = CachedEncoder(_DefaultEncoder(), store, model=default_model_name())

    def compare(story_id: int) -> Comparison | None:
        story = load_story(store.connection, story_id)
        if len(story.accounts) < 2:
            return None
        return compare_story(story, encoder=encoder, analyzer=_analyze)[0]

    return compare


def _open(db: Path) -> Store:
    from storylens.store import Store

    return Store(db, read_only=True)
