"""The report format: ``--format`` when given, else inferred from the ``-o`` file name."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import click

REPORT_SUFFIXES: Mapping[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
"""File name ending → report format, for ``compare`` and ``show``."""

EXPORT_SUFFIXES: Mapping[str, str] = {
    ".parquet": "parquet",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
"""File name ending → table format, for ``export``."""


def resolve_format(
    fmt: str | None,
    output: Path | None,
    *,
    suffixes: Mapping[str, str],
    default: str,
) -> str:
    """The format to write: the one asked for, else the one ``output``'s ending names.

    Raises:
        click.UsageError: ``--format`` and the file ending disagree, or the ending names no
            format and none was asked for.

    >>> resolve_format(None, Path("report.html"), suffixes=REPORT_SUFFIXES, default="text")
    'html'
    >>> resolve_format("json", None, suffixes=REPORT_SUFFIXES, default="text")
    'json'
    """
    inferred = suffixes.get(output.suffix.lower()) if output is not None else None
    if fmt is not None:
        if output is not None and output.suffix and inferred is not None and inferred != fmt:
            raise click.UsageError(
                f"--format {fmt} does not match the file name {output.name!r} "
                f"(a {output.suffix} file is {inferred}); change one of them"
            )
        return fmt
    if inferred is not None:
        return inferred
    if output is not None and output.suffix:
        known = ", ".join(sorted(suffixes))
        raise click.UsageError(
            f"cannot tell the format of {output.name!r} from its ending "
            f"(known: {known}): give --format"
        )
    return default


__all__ = ["EXPORT_SUFFIXES", "REPORT_SUFFIXES", "resolve_format"]
