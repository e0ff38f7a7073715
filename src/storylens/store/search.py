"""Searching and reading the store for the web UI and API: read-only, parameters only.

Search runs over the FTS5 table ``article_search`` (migration 5: title, text, entity names,
outlet). A request's words reach SQLite only as a bound parameter, each word quoted as an FTS5
string, so no request value is ever SQL text or FTS syntax. Sorting picks one of a fixed set of
``ORDER BY`` clauses by name.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from storylens import io
from storylens.model import Analysis, Article
from storylens.store.connection import open_read_only
from storylens.store.queries import _members, _summary, snapshot
from storylens.store.records import StorySummary

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
"""Search words used (the rest of a long query is ignored)."""


class Sort(StrEnum):
    """How the story list is ordered."""

    LATEST = "latest"
    OLDEST = "oldest"
    OUTLETS = "outlets"
    ARTICLES = "articles"


_ORDER = {
    Sort.LATEST: "last_day IS NULL, last_day DESC, id DESC",
    Sort.OLDEST: "first_day IS NULL, first_day, id",
    Sort.OUTLETS: "n_outlets DESC, last_day DESC, id DESC",
    Sort.ARTICLES: "n_articles DESC, last_day DESC, id DESC",
}


@dataclass(**_FROZEN)
class StoryQuery:
    """What the story list asks for; every field is a value, never SQL."""

    text: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None
    min_outlets: int = 1
    sort: Sort = Sort.LATEST
    limit: int = 25
    offset: int = 0


@dataclass(**_FROZEN)
class StoryPage:
    """One page of matching stories and how many match in all."""

    stories: tuple[StorySummary, ...]
    total: int


@dataclass(**_FROZEN)
class StoredArticle:
    """One stored article, its analysis if stored, its story and its original if a copy.

    ``partial_copy`` is None for an article that is no copy, else whether the copy is partial
    (cut short or an excerpt of its original; store migration 8).
    """

    article: Article
    analysis: Analysis | None
    story_id: int | None
    copy_of: str | None
    partial_copy: bool | None = None


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``, ``query_only``) to the store.

    Reads see each commit of an ingest running beside it (WAL). Raises `StoreError` for a
    missing, foreign, older or newer store.
    """
    connection = open_read_only(str(path))
    connection.execute("PRAGMA query_only = ON")
    return connection


def fts_query(text: str) -> str:
    """The words of ``text`` as an FTS5 query: each a quoted string, all required.

    >>> fts_query('Kerry "talks" OR -x')
    '"kerry" "talks" "or" "x"'
    """
    words = [w.lower() for w in _WORD.findall(text)][:MAX_TERMS]
    return " ".join(f'"{w}"' for w in words)


def search_stories(connection: sqlite3.Connection, query: StoryQuery) -> StoryPage:
    """The stories matching ``query``, one page of them, with each story's outlets."""
    match = fts_query(query.text)
    hits = (
        "s.id IN (SELECT m2.story_id FROM article_search f"
        " JOIN story_members m2 ON m2.article_id = f.rowid WHERE article_search MATCH :match)"
        if match
        else ":match = ''"
    )
    base = (
        "SELECT s.id, s.title, s.first_day, s.last_day, s.accounts,"
        " count(m.article_id) AS n_articles, count(DISTINCT a.outlet) AS n_outlets"
        " FROM stories s JOIN story_members m ON m.story_id = s.id"
        " JOIN articles a INDEXED BY articles_id_outlet ON a.id = m.article_id"
        f" WHERE {hits}"
        " AND (:since IS NULL OR s.last_day >= :since)"
        " AND (:until IS NULL OR s.first_day <= :until)"
        " GROUP BY s.id HAVING (:outlet IS NULL OR sum(a.outlet = :outlet) > 0)"
        " AND count(DISTINCT a.outlet) >= :min_outlets"
    )
    values: dict[str, Any] = {
        "match": match,
        "since": query.since.toordinal() if query.since else None,
        "until": query.until.toordinal() if query.until else None,
        "outlet": query.outlet or None,
        "min_outlets": query.min_outlets,
        "limit": query.limit,
        "offset": query.offset,
    }
    with snapshot(connection):
        rows = connection.execute(
            f"SELECT *, count(*) OVER () FROM ({base})"
            f" ORDER BY {_ORDER[query.sort]} LIMIT :limit OFFSET :offset",
            values,
        ).fetchall()
        if not rows and query.offset:
            total = int(connection.execute(f"SELECT count(*) FROM ({base})", values).fetchone()[0])
        else:
            total = int(rows[0][-1]) if rows else 0
        members = _members(connection, [int(r[0]) for r in rows])
    stories = tuple(_summary(r, members.get(int(r[0]))) for r in rows)
    return StoryPage(stories=stories, total=total)


def store_version(connection: sqlite3.Connection) -> tuple[int, int, int]:
    """The store's version: (newest article row, stories, newest story row).

    It changes with every ingest that adds articles, so a cached search result keyed by it is
    never stale.
    """
    row = connection.execute(
        "SELECT (SELECT max(id) FROM articles), (SELECT count(*) FROM stories),"
        " (SELECT max(id) FROM stories)"
    ).fetchone()
    return (int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))


def all_outlets(connection: sqlite3.Connection) -> list[str]:
    """Every stored outlet, sorted (for the outlet filter)."""
    return [
        str(r[0]) for r in connection.execute("SELECT DISTINCT outlet FROM articles ORDER BY 1")
    ]


def story_fingerprint(connection: sqlite3.Connection, story_id: int) -> tuple[int, int] | None:
    """(members, newest member row id) of a story: changes whenever the story gains articles.

    None when there is no such story.
    """
    row = connection.execute(
        "SELECT count(m.article_id), max(m.article_id) FROM stories s"
        " LEFT JOIN story_members m ON m.story_id = s.id WHERE s.id = ? GROUP BY s.id",
        (story_id,),
    ).fetchone()
    return None if row is None else (int(row[0]), int(row[1] or 0))


def load_article(connection: sqlite3.Connection, article_id: str) -> StoredArticle:
    """One stored article by its id; raises `KeyError` when there is none."""
    with snapshot(connection):
        row = connection.execute(
            "SELECT a.article_json, n.analysis_json, m.story_id, o.article_id, y.partial"
            " FROM articles a LEFT JOIN analyses n ON n.article_id = a.id"
            " LEFT JOIN story_members m ON m.article_id = a.id"
            " LEFT JOIN syndication y ON y.copy_id = a.id"
            " LEFT JOIN articles o ON o.id = y.original_id WHERE a.article_id = ?",
            (article_id,),
        ).fetchone()
    if row is None:
        raise KeyError(article_id)
    return StoredArticle(
        article=io.from_json(Article, json.loads(row[0])),
        analysis=io.from_json(Analysis, json.loads(row[1])) if row[1] else None,
        story_id=int(row[2]) if row[2] is not None else None,
        copy_of=str(row[3]) if row[3] is not None else None,
        partial_copy=bool(row[4]) if row[3] is not None else None,
    )
