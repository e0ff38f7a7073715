"""The analysis as flat tables for researchers: one named table, one streamed row at a time.

Per-article tables read the store's views (migration 5: ISO dates, no JSON blobs); the
``rows`` and ``conflicts`` tables come from comparing each story of two or more accounts
(fact vectors from the store's cache). Columns are documented in docs/export.md; `TABLES`
names each table's columns and their types in order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from storylens.compare import Comparison
from storylens.store.queries import EXPORT_COLUMNS, export_rows

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}

Column = tuple[str, str]
"""(name, type): type is "str", "int", "float" or "bool"."""


@dataclass(**_FROZEN)
class Table:
    """One exported table: its columns and, for a view-backed table, the view's name."""

    columns: tuple[Column, ...]
    view: str = ""
    compared: bool = False
    """True when the rows come from comparing stories (``rows``, ``conflicts``)."""

    @property
    def names(self) -> tuple[str, ...]:
        """The column names in order."""
        return tuple(name for name, _ in self.columns)


def _s(*names: str) -> tuple[Column, ...]:
    return tuple((n, "str") for n in names)


_SPAN = (("start", "int"), ("end", "int"))
TABLES: dict[str, Table] = {
    "articles": Table(
        columns=tuple((c, "int" if c == "story_id" else "str") for c in EXPORT_COLUMNS)
    ),
    "quotes": Table(
        view="quote_list",
        columns=(
            *_s("article_id", "outlet", "quote_id", "kind", "attribution", "speaker", "cue"),
            *_SPAN,
            ("content", "str"),
        ),
    ),
    "speakers": Table(
        view="speaker_list", columns=(*_s("article_id", "outlet", "speaker"), ("quotes", "int"))
    ),
    "entities": Table(
        view="entity_list",
        columns=(
            *_s("article_id", "outlet", "entity_id", "name", "label"),
            ("mentions", "int"),
            ("aliases", "str"),
        ),
    ),
    "cited_sources": Table(
        view="cited_source_list",
        columns=(*_s("article_id", "outlet", "name", "kind", "cue"), *_SPAN, ("text", "str")),
    ),
    "framing": Table(
        view="framing_list",
        columns=(
            *_s("article_id", "outlet"),
            ("own_voice_loaded", "int"),
            ("quoted_loaded", "int"),
            ("loaded_per_1000_words", "float"),
            ("headline_loaded", "int"),
            ("opinion_markers", "int"),
        ),
    ),
    "loaded_phrases": Table(
        view="loaded_phrase_list",
        columns=(
            *_s("article_id", "outlet", "phrase", "voice", "place", "reasons"),
            ("score", "float"),
            ("alternative", "str"),
            *_SPAN,
        ),
    ),
    "rows": Table(
        compared=True,
        columns=(
            ("story_id", "int"),
            ("row_id", "str"),
            ("row_outlets", "int"),
            *_s("article_id", "outlet", "fact_id"),
            ("restated", "bool"),
            *_SPAN,
            ("text", "str"),
        ),
    ),
    "conflicts": Table(
        compared=True,
        columns=(
            ("story_id", "int"),
            *_s("conflict_id", "kind", "subject", "article_id", "outlet", "value"),
            *_SPAN,
            ("sentence", "str"),
        ),
    ),
}
"""Every exported table by name."""

Comparer = Callable[[int], Comparison | None]
"""A story id → its comparison (None for a story of one account)."""


def table_rows(
    connection: sqlite3.Connection, name: str, *, compare: Comparer | None = None
) -> Iterator[dict[str, Any]]:
    """The rows of one table, streamed; ``compare`` is needed for ``rows`` and ``conflicts``."""
    table = TABLES[name]
    if name == "articles":
        yield from export_rows(connection)
    elif table.compared:
        if compare is None:
            raise ValueError(f"table {name!r} needs a comparer")
        yield from _compared(connection, name, compare)
    else:
        cursor = connection.execute(f"SELECT {', '.join(_quoted(table.names))} FROM {table.view}")
        for values in cursor:
            yield dict(zip(table.names, values, strict=True))


def _quoted(names: tuple[str, ...]) -> list[str]:
    return [f'"{n}"' for n in names]


def _compared(
    connection: sqlite3.Connection, name: str, compare: Comparer
) -> Iterator[dict[str, Any]]:
    story_ids = [
        int(r[0])
        for r in connection.execute("SELECT id FROM stories WHERE accounts > 1 ORDER BY id")
    ]
    for story_id in story_ids:
        comparison = compare(story_id)
        if comparison is not None:
            rows = fact_rows if name == "rows" else conflict_rows
            yield from rows(comparison, story_id)


def fact_rows(comparison: Comparison, story_id: int) -> Iterator[dict[str, Any]]:
    """One row per fact of each row of the fact × outlet matrix (restated facts marked)."""
    for row in comparison.rows:
        outlets = len({comparison.article(a).outlet for a in row.article_ids})
        for fact, restated in [(f, False) for f in row.facts] + [(f, True) for f in row.restated]:
            yield {
                "story_id": story_id,
                "row_id": row.id,
                "row_outlets": outlets,
                "article_id": fact.article_id,
                "outlet": comparison.article(fact.article_id).outlet,
                "fact_id": fact.id,
                "restated": restated,
                "start": fact.span.start,
                "end": fact.span.end,
                "text": fact.span.text,
            }


def conflict_rows(comparison: Comparison, story_id: int) -> Iterator[dict[str, Any]]:
    """One row per side of each conflict."""
    for conflict in comparison.conflicts:
        for side in conflict.sides:
            yield {
                "story_id": story_id,
                "conflict_id": conflict.id,
                "kind": conflict.kind.value,
                "subject": conflict.subject,
                "article_id": side.article_id,
                "outlet": comparison.article(side.article_id).outlet,
                "value": side.value,
                "start": side.span.start,
                "end": side.span.end,
                "sentence": side.sentence.text,
            }
