"""Stories edited by hand (split, merge) and why each article is in its story.

A story split or merged by hand is marked ``manual``: later ingests still add articles to it
by the usual rule, but never absorb it into another story, so an edit is not undone.
Its centroid, dates and event cues are rebuilt from its members' stored vectors and cues.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storylens.cluster.stories import StoryState, top_cues
from storylens.errors import ConfigError
from storylens.store.database import Store
from storylens.store.queries import snapshot


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberWhy:
    """One member of a story and why it is there (see `storylens.store.records.Membership`)."""

    article_id: str
    outlet: str
    title: str
    how: str
    score: float
    best_match: str | None
    best_match_outlet: str | None
    shared: tuple[str, ...]


def story_members_why(store: Store, story_id: int) -> list[MemberWhy]:
    """Every member of a story in arrival order, with its score, best match and shared cues."""
    with snapshot(store.connection):
        _require_story(store, story_id)
        rows = store.connection.execute(
            "SELECT a.article_id, a.outlet, a.title, m.how, m.similarity, b.article_id,"
            " b.outlet, m.shared FROM story_members m JOIN articles a ON a.id = m.article_id"
            " LEFT JOIN articles b ON b.id = m.best_match WHERE m.story_id = ? ORDER BY a.id",
            (story_id,),
        ).fetchall()
    return [
        MemberWhy(
            article_id=str(r[0]),
            outlet=str(r[1]),
            title=str(r[2]),
            how=str(r[3]),
            score=float(r[4]),
            best_match=r[5],
            best_match_outlet=r[6],
            shared=tuple(json.loads(r[7])),
        )
        for r in rows
    ]


def split_story(store: Store, story_id: int, article_ids: Sequence[str]) -> int:
    """Move the named articles (and their syndicated copies) to a new story; its id.

    Both stories are marked manual, so later ingests never merge them back.
    """
    with store.transaction():
        rows = _member_rows(store, story_id, article_ids)
        total = store.connection.execute(
            "SELECT count(*) FROM story_members WHERE story_id = ?", (story_id,)
        ).fetchone()[0]
        if len(rows) >= total:
            raise ConfigError(f"story {story_id}: a split must leave at least one article")
        title = store.connection.execute(
            "SELECT title FROM articles WHERE id = ?", (rows[0],)
        ).fetchone()[0]
        new_id = store.save_story(_empty(), title=str(title))
        marks = ",".join("?" * len(rows))
        store.connection.execute(
            f"UPDATE story_members SET story_id = ?, how = 'manual' WHERE article_id IN ({marks})"
            f" OR article_id IN (SELECT copy_id FROM syndication WHERE original_id IN ({marks}))",
            (new_id, *rows, *rows),
        )
        for edited in (story_id, new_id):
            store.save_story(rebuilt_state(store, edited))
    return new_id


def merge_into(store: Store, story_id: int, others: Sequence[int]) -> None:
    """Move every member of ``others`` into ``story_id`` and delete them; marked manual."""
    with store.transaction():
        _require_story(store, story_id)
        for other in others:
            if other == story_id:
                raise ConfigError(f"story {other}: cannot merge a story into itself")
            _require_story(store, other)
            store.connection.execute(
                "UPDATE story_members SET story_id = ?, how = CASE WHEN how = 'copy' THEN how"
                " ELSE 'manual' END WHERE story_id = ?",
                (story_id, other),
            )
            store.connection.execute("DELETE FROM stories WHERE id = ?", (other,))
        store.save_story(rebuilt_state(store, story_id))


def rebuilt_state(store: Store, story_id: int) -> StoryState:
    """A story's state from its members: vectors of its accounts, their days and cues."""
    rows = store.connection.execute(
        "SELECT e.vector, c.cues, coalesce(c.day, a.day) FROM story_members m"
        " JOIN articles a ON a.id = m.article_id"
        " JOIN embeddings e ON e.article_id = m.article_id"
        " LEFT JOIN article_cues c ON c.article_id = m.article_id WHERE m.story_id = ?",
        (story_id,),
    ).fetchall()
    vector_sum = np.zeros(0, dtype=np.float32)
    if rows:
        vectors = np.frombuffer(b"".join(r[0] for r in rows), dtype=np.float16)
        vector_sum = vectors.reshape(len(rows), -1).astype(np.float32).sum(axis=0)
    profile: dict[str, float] = {}
    for row in rows:
        for key, weight in json.loads(row[1] or "{}").items():
            profile[key] = profile.get(key, 0.0) + float(weight)
    days = [int(r[2]) for r in rows if r[2] is not None]
    return StoryState(
        id=story_id,
        vector_sum=vector_sum,
        accounts=len(rows),
        first_day=min(days) if days else None,
        last_day=max(days) if days else None,
        profile=top_cues(profile),
        manual=True,
    )


def _member_rows(store: Store, story_id: int, article_ids: Sequence[str]) -> list[int]:
    _require_story(store, story_id)
    if not article_ids:
        raise ConfigError(f"story {story_id}: name the articles to split off")
    rows = []
    for article_id in article_ids:
        found = store.connection.execute(
            "SELECT a.id, y.original_id FROM articles a JOIN story_members m"
            " ON m.article_id = a.id LEFT JOIN syndication y ON y.copy_id = a.id"
            " WHERE a.article_id = ? AND m.story_id = ?",
            (article_id, story_id),
        ).fetchone()
        if found is None:
            raise ConfigError(f"story {story_id}: has no article {article_id!r}")
        rows.append(int(found[1] if found[1] is not None else found[0]))
    return sorted(set(rows))


def _require_story(store: Store, story_id: int) -> None:
    found = store.connection.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,))
    if found.fetchone() is None:
        raise ConfigError(f"no story {story_id} in {store.path}")


def _empty() -> StoryState:
    return StoryState(
        id=0, vector_sum=np.zeros(0, dtype=np.float32), accounts=0, first_day=None, last_day=None
    )
