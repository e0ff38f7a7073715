"""``--meta FILE.csv``: outlet, URL, publication date and title stated per input file.

Columns (header row, any order): ``path`` (or ``file``/``input``), and any of ``outlet``,
``url``, ``published`` (or ``date``), ``title``. A row matches an input by its path as given,
its resolved path, or its file name. What a row states wins over what is inferred.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from storylens.errors import ConfigError
from storylens.model import RawArticle
from storylens.timestamps import parse_timestamp

_PATH_COLUMNS = ("path", "file", "input", "filename")


class MetaFileError(ConfigError):
    """A --meta file that cannot be read (the message names the file, the row and the reason)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MetaRow:
    """What the user states about one input file."""

    outlet: str | None = None
    url: str | None = None
    published: dt.datetime | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class MetaTable:
    """Rows keyed by path as written, resolved path and file name."""

    rows: dict[str, MetaRow]

    def find(self, input_name: str) -> MetaRow | None:
        """The row for an input (a JSONL line or feed item: its file's row)."""
        path = input_name.split("#")[0]
        for key in (path, _resolved(path), Path(path).name):
            if key in self.rows:
                return self.rows[key]
        base = path.rsplit(":", 1)[0].split("[")[0]
        return self.rows.get(base) or self.rows.get(Path(base).name)

    def apply(self, raw: RawArticle) -> RawArticle:
        """The raw article with the row's values put over its own."""
        row = self.find(raw.input)
        if row is None:
            return raw
        return replace(
            raw,
            outlet=row.outlet or raw.outlet,
            url=row.url or raw.url,
            published=row.published or raw.published,
            title=row.title or raw.title,
        )


def read_meta(path: Path) -> MetaTable:
    """Read a --meta CSV; a bad file or row raises MetaFileError naming it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MetaFileError(f"{path}: cannot read the --meta file ({exc})") from exc
    reader = csv.DictReader(text.splitlines())
    columns = {c.strip().lower(): c for c in reader.fieldnames or []}
    key = next((columns[c] for c in _PATH_COLUMNS if c in columns), None)
    if key is None:
        raise MetaFileError(f"{path}: the --meta file needs a 'path' column")
    rows: dict[str, MetaRow] = {}
    for row in reader:
        where = f"{path}:{reader.line_num}"
        name = (row.get(key) or "").strip()
        if not name:
            raise MetaFileError(f"{where}: the row has no path")
        rows[name] = rows[_resolved(name)] = rows[Path(name).name] = _row(row, columns, where)
    return MetaTable(rows)


def _row(row: dict[str, str], columns: dict[str, str], where: str) -> MetaRow:
    def cell(*names: str) -> str | None:
        for name in names:
            if name in columns and (row.get(columns[name]) or "").strip():
                return row[columns[name]].strip()
        return None

    stated = cell("published", "date")
    published = parse_timestamp(stated) if stated else None
    if stated and published is None:
        raise MetaFileError(f"{where}: {stated!r} is not a date")
    return MetaRow(outlet=cell("outlet"), url=cell("url"), published=published, title=cell("title"))


def _resolved(name: str) -> str:
    try:
        return str(Path(name).resolve())
    except (OSError, RuntimeError):
        return name
