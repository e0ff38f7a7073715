"""Incremental story clustering: a new article joins the nearest story or starts one.

A story is the same real-world event, so candidates are stories with an article among the
new one's nearest neighbours (ANN over stored vectors, in the months around its date) whose
dates lie within ``window_days`` of it; the article joins the candidate whose centroid is
most similar, if that similarity reaches ``threshold``. Nothing already clustered moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np
import numpy.typing as npt

from storylens.cluster.index import Neighbour

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryState:
    """What clustering knows about one story: its centroid and its date range.

    ``vector_sum`` is the sum of its accounts' unit vectors (the centroid direction);
    days are proleptic Gregorian ordinals. ``id`` 0 means "not stored yet".
    """

    id: int
    vector_sum: Vector
    accounts: int
    first_day: int | None
    last_day: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterSettings:
    """Knobs of story assignment (tuned on basil-dev only; see bench/cluster_quality.py)."""

    threshold: float = 0.5
    """Least cosine between an article and a story centroid for the article to join it."""
    window_days: int = 4
    """Largest gap, in days, between an article and a story's date range."""
    neighbours: int = 16
    """Nearest stored articles looked up per month bucket."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Assignment:
    """The story an article goes to (``story.id == 0``: a new one) and its similarity."""

    story: StoryState
    similarity: float
    joined: bool


class StoryLookup(Protocol):
    """Where stories of stored articles are read from."""

    def stories_of(self, article_rows: Sequence[int]) -> dict[int, int]:
        """The story id of each given article row that has one."""
        ...

    def story_state(self, story_id: int) -> StoryState:
        """The stored state of a story."""
        ...


def assign_story(
    vector: Vector,
    day: int | None,
    *,
    neighbours: Sequence[Neighbour],
    lookup: StoryLookup,
    settings: ClusterSettings,
) -> Assignment:
    """Choose the story a new article belongs to, given its nearest stored articles."""
    story_ids = sorted(set(lookup.stories_of([n.row for n in neighbours]).values()))
    best: StoryState | None = None
    best_similarity = -1.0
    for story_id in story_ids:
        state = lookup.story_state(story_id)
        if day_gap(day, state) > settings.window_days:
            continue
        similarity = centroid_similarity(vector, state)
        if similarity > best_similarity:
            best, best_similarity = state, similarity
    if best is not None and best_similarity >= settings.threshold:
        return Assignment(
            story=grow_story(best, vector, day), similarity=best_similarity, joined=True
        )
    return Assignment(story=new_story(vector, day), similarity=1.0, joined=False)


def centroid_similarity(vector: Vector, state: StoryState) -> float:
    """Cosine between a unit vector and a story's centroid."""
    norm = float(np.linalg.norm(state.vector_sum))
    return float(vector @ state.vector_sum) / norm if norm > 0 else 0.0


def day_gap(day: int | None, state: StoryState) -> int:
    """Days between a day and a story's date range (0 inside it or when either is undated).

    >>> import numpy as np
    >>> state = new_story(np.ones(2, dtype=np.float32), 10)
    >>> day_gap(13, state), day_gap(None, state)
    (3, 0)
    """
    if day is None or state.first_day is None or state.last_day is None:
        return 0
    return max(state.first_day - day, day - state.last_day, 0)


def new_story(vector: Vector, day: int | None) -> StoryState:
    """A story of one article."""
    return StoryState(
        id=0, vector_sum=vector.astype(np.float32), accounts=1, first_day=day, last_day=day
    )


def grow_story(state: StoryState, vector: Vector, day: int | None) -> StoryState:
    """A story with one more account."""
    days = [d for d in (state.first_day, state.last_day, day) if d is not None]
    return replace(
        state,
        vector_sum=(state.vector_sum + vector).astype(np.float32),
        accounts=state.accounts + 1,
        first_day=min(days) if days else None,
        last_day=max(days) if days else None,
    )
