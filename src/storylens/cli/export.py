"""``storylens export``: the corpus as one flat table (parquet, CSV or JSONL) for analysts."""

from __future__ import annotations

import csv
import importlib
import json
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

import click

from storylens.cli.output import atomic_path, atomic_text, check_output
from storylens.cli.store_options import db_option
from storylens.errors import ModelNotInstalled
from storylens.report.escape import csv_cell
from storylens.store import EXPORT_COLUMNS, Store, export_rows

_PARQUET_BATCH = 10_000


@click.command("export")
@db_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["parquet", "csv", "jsonl"]),
    required=True,
    help="parquet needs --output and pyarrow (pip install 'storylens[parquet]').",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here instead of standard output.",
)
def export(*, db: Path, output_format: str, output: Path | None) -> None:
    """Export one row per stored article: its story, outlet, title, date, url, copy_of, text.

    ``copy_of`` names the original of a syndicated copy; rows are streamed, so memory stays
    flat in corpus size.
    """
    if output_format == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output PATH")
    if output is not None:
        check_output(output, db=db)
    with _open(db) as store:
        rows = export_rows(store.connection)
        if output_format == "parquet" and output is not None:
            with atomic_path(output, db=db) as path:
                write_parquet(rows, path)
        elif output is None:
            _write_text(rows, sys.stdout, output_format)
        else:
            with atomic_text(output, db=db) as handle:
                _write_text(rows, handle, output_format)


def write_parquet(rows: Iterator[dict[str, Any]], path: Path) -> None:
    """Write rows to a parquet file in batches (needs pyarrow)."""
    try:
        pa: Any = importlib.import_module("pyarrow")
        pq: Any = importlib.import_module("pyarrow.parquet")
    except ImportError as exc:
        raise ModelNotInstalled("pyarrow", extra="parquet") from exc
    types = {"story_id": pa.int64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in EXPORT_COLUMNS])
    with pq.ParquetWriter(str(path), schema) as writer:
        while batch := list(islice(rows, _PARQUET_BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def _write_text(rows: Iterator[dict[str, Any]], handle: TextIO, output_format: str) -> None:
    if output_format == "jsonl":
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(handle, fieldnames=list(EXPORT_COLUMNS))
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)


def _open(db: Path) -> Store:
    return Store(db, read_only=True)
