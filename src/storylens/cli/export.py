"""``storylens export``: the corpus as one flat table (parquet, CSV or JSONL) for analysts."""

from __future__ import annotations

import csv
import importlib
import json
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from storylens.cli.formats import EXPORT_SUFFIXES, resolve_format
from storylens.cli.store_options import db_option
from storylens.errors import ConfigError, ModelNotInstalled

if TYPE_CHECKING:
    from storylens.store import Store

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
def export(*, db: Path, output_format: str | None, output: Path | None) -> None:
    """Export one row per stored article: its story, outlet, title, date, url, copy_of, text.

    copy_of names the original of a syndicated copy; rows are streamed, so memory stays
    flat in corpus size.
    """
    output_format = resolve_format(output_format, output, suffixes=EXPORT_SUFFIXES, default="")
    if not output_format:
        raise click.UsageError(
            "give --format parquet|csv|jsonl, or -o FILE with one of those endings"
        )
    if output_format == "parquet":
        _require_pyarrow()
    from storylens.store import export_rows

    with _open(db) as store:
        rows = export_rows(store.connection)
        if output_format == "parquet":
            if output is None:
                raise click.UsageError("--format parquet needs --output PATH")
            write_parquet(rows, output)
        elif output is None:
            _write_text(rows, sys.stdout, output_format)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                _write_text(rows, handle, output_format)


def _require_pyarrow() -> None:
    """Fail with one line naming the extra when pyarrow is not installed."""
    try:
        importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise click.ClickException(
            "--format parquet needs pyarrow: pip install 'storylens[parquet]'"
        ) from None


def write_parquet(rows: Iterator[dict[str, Any]], path: Path) -> None:
    """Write rows to a parquet file in batches (needs pyarrow)."""
    try:
        pa: Any = importlib.import_module("pyarrow")
        pq: Any = importlib.import_module("pyarrow.parquet")
    except ImportError as exc:
        raise ModelNotInstalled("pyarrow", extra="parquet") from exc
    from storylens.store import EXPORT_COLUMNS

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
    from storylens.store import EXPORT_COLUMNS

    writer = csv.DictWriter(handle, fieldnames=list(EXPORT_COLUMNS))
    writer.writeheader()
    writer.writerows(rows)


def _open(db: Path) -> Store:
    from storylens.store import Store

    try:
        return Store(db, must_exist=True)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
