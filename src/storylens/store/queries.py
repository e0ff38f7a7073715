"""Read-only queries over the store: the story list, one story's accounts, export rows."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from storylens import io
from storylens.model import Analysis, Article
from storylens.store.records import Account, StoredStory, StorySummary, day_to_date

EXPORT_COLUMNS = (
    "article_id",
    "story_id",
    "story_title",
    "outlet",
    "title",
    "published",
    "url",
    "input",
    "copy_of",
    "partial_copy",
    "text",
)
"""Columns of `export_rows`, in order."""


def list_stories(
    connection: sqlite3.Connection,
    *,
    since: dt.date | None = None,
    outlet: str | None = None,
    limit: int | None = None,
) -> list[StorySummary]:
    """Stories, latest first.

    ``since`` keeps those still running on or after that date; ``outlet`` those with an article
    from an outlet whose name contains it, ignoring case ("fox" matches "Fox News").
    """
    since_day = since.toordinal() if since else None
    with snapshot(connection):
        return _list_stories(connection, since_day=since_day, outlet=outlet, limit=limit)


def _list_stories(
    connection: sqlite3.Connection, *, since_day: int | None, outlet: str | None, limit: int | None
) -> list[StorySummary]:
    rows = connection.execute(
        "SELECT s.id, s.title, s.first_day, s.last_day, s.accounts, count(m.article_id)"
        " FROM stories s JOIN story_members m ON m.story_id = s.id"
        " JOIN articles a ON a.id = m.article_id"
        " WHERE (?1 IS NULL OR s.last_day >= ?1)"
        " GROUP BY s.id HAVING (?2 IS NULL OR sum(instr(lower(a.outlet), lower(?2)) > 0) > 0)"
        " ORDER BY s.last_day IS NULL, s.last_day DESC, s.id DESC LIMIT ?3",
        (since_day, outlet, -1 if limit is None else limit),
    ).fetchall()
    members = _members(connection, [int(r[0]) for r in rows])
    return [_summary(row, members.get(int(row[0]))) for row in rows]


def load_story(connection: sqlite3.Connection, story_id: int) -> StoredStory:
    """A story with its accounts (originals), each with its analysis and its carriers."""
    with snapshot(connection):
        summary = _story_summary(connection, story_id)
        rows = connection.execute(
            "SELECT a.id, a.article_json, n.analysis_json, y.original_id, a.outlet"
            " FROM story_members m JOIN articles a ON a.id = m.article_id"
            " LEFT JOIN analyses n ON n.article_id = a.id"
            " LEFT JOIN syndication y ON y.copy_id = a.id"
            " WHERE m.story_id = ? ORDER BY a.day, a.id",
            (story_id,),
        ).fetchall()
    carriers: defaultdict[int, list[str]] = defaultdict(list)
    for _, _, _, original, outlet in rows:
        if original is not None:
            carriers[int(original)].append(str(outlet))
    accounts = tuple(
        Account(
            article=io.from_json(Article, _json(article_json)),
            analysis=io.from_json(Analysis, _json(analysis_json)) if analysis_json else None,
            carried_by=tuple(dict.fromkeys(carriers.get(int(row_id), []))),
        )
        for row_id, article_json, analysis_json, original, _ in rows
        if original is None
    )
    return StoredStory(summary=summary, accounts=accounts)


def export_rows(connection: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """One flat row per stored article (streamed), columns as in `EXPORT_COLUMNS`."""
    cursor = connection.execute(
        "SELECT a.article_id, m.story_id, s.title, a.outlet, a.title, a.published, a.url,"
        " a.input, o.article_id, CASE WHEN y.copy_id IS NULL THEN NULL"
        " WHEN y.partial THEN 'true' ELSE 'false' END, a.article_json"
        " FROM articles a LEFT JOIN story_members m ON m.article_id = a.id"
        " LEFT JOIN stories s ON s.id = m.story_id"
        " LEFT JOIN syndication y ON y.copy_id = a.id"
        " LEFT JOIN articles o ON o.id = y.original_id ORDER BY a.id"
    )
    for row in cursor:
        values = list(row)
        values[-1] = _json(values[-1])["text"]
        yield dict(zip(EXPORT_COLUMNS, values, strict=True))


@contextmanager
def snapshot(connection: sqlite3.Connection) -> Iterator[None]:
    """Read consistently: every query inside sees the same committed state.

    A no-op inside a transaction that is already open.
    """
    if connection.in_transaction:
        yield
        return
    connection.execute("BEGIN")
    try:
        yield
    finally:
        connection.execute("COMMIT")


def story_partition(connection: sqlite3.Connection) -> dict[str, int]:
    """Each stored article's id and its story id (for evaluation and tests)."""
    rows = connection.execute(
        "SELECT a.article_id, m.story_id FROM articles a"
        " JOIN story_members m ON m.article_id = a.id"
    ).fetchall()
    return {str(a): int(s) for a, s in rows}


def _story_summary(connection: sqlite3.Connection, story_id: int) -> StorySummary:
    row = connection.execute(
        "SELECT s.id, s.title, s.first_day, s.last_day, s.accounts, count(m.article_id)"
        " FROM stories s JOIN story_members m ON m.story_id = s.id WHERE s.id = ?"
        " GROUP BY s.id",
        (story_id,),
    ).fetchone()
    if row is None:
        raise KeyError(story_id)
    return _summary(row, _members(connection, [story_id]).get(story_id))


Members = tuple[tuple[str, ...], tuple[str, ...]]
"""A story's outlets (first seen first) and its article ids, in publication order."""


def _members(connection: sqlite3.Connection, story_ids: list[int]) -> dict[int, Members]:
    outlets: defaultdict[int, dict[str, None]] = defaultdict(dict)
    articles: defaultdict[int, list[str]] = defaultdict(list)
    for start in range(0, len(story_ids), 500):
        chunk = story_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for story_id, outlet, article_id in connection.execute(
            "SELECT m.story_id, a.outlet, a.article_id FROM story_members m JOIN articles a"
            f" ON a.id = m.article_id WHERE m.story_id IN ({marks}) ORDER BY a.day, a.id",
            chunk,
        ):
            outlets[int(story_id)][str(outlet)] = None
            articles[int(story_id)].append(str(article_id))
    return {story: (tuple(outlets[story]), tuple(articles[story])) for story in outlets}


def _summary(row: sqlite3.Row | tuple[Any, ...], members: Members | None) -> StorySummary:
    outlets, article_ids = members or ((), ())
    return StorySummary(
        id=int(row[0]),
        title=str(row[1]),
        first=day_to_date(row[2]),
        last=day_to_date(row[3]),
        outlets=outlets,
        accounts=int(row[4]),
        articles=int(row[5]),
        article_ids=article_ids,
    )


def _json(text: str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(text)
    return value
