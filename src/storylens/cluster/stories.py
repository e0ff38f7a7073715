"""Incremental story clustering: a new article joins the nearest story or starts one.

A story is the same real-world event, so candidates are stories with an article among the
new one's nearest neighbours (ANN over stored vectors, in the months around its date) whose
dates lie within ``window_days`` of it; the article joins the candidate whose centroid is
most similar, if that similarity reaches ``threshold``.

A lone article is judged against a story as that story was when it arrived. The first
account of an event is compared with one other article, later ones with the centroid of
several, which is a steadier picture of the event; so whether two early accounts end up
together depends on which came first. When a story grows, each candidate story of one
account is therefore offered to it again, by the same rule an arriving article meets: it
joins the grown story if that is now its most similar candidate and reaches ``threshold``.
Stories of several accounts never merge, and nothing else that is clustered moves.
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
    """The story an article goes to (``story.id == 0``: a new one) and its similarity.

    ``absorbed`` are stored stories of one account that join ``story`` with the article
    (their members move to it and they are deleted); ``story`` already counts them.
    """

    story: StoryState
    similarity: float
    joined: bool
    absorbed: tuple[StoryState, ...] = ()


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
    states = (lookup.story_state(story_id) for story_id in story_ids)
    candidates = [s for s in states if day_gap(day, s) <= settings.window_days]
    best, best_similarity = most_similar(vector, candidates)
    if best is None or best_similarity < settings.threshold:
        return Assignment(story=new_story(vector, day), similarity=1.0, joined=False)
    grown = grow_story(best, vector, day)
    absorbed = lone_stories_to_absorb(grown, candidates, settings=settings)
    for lone in absorbed:
        grown = merge_stories(grown, lone)
    return Assignment(
        story=grown, similarity=best_similarity, joined=True, absorbed=tuple(absorbed)
    )


def most_similar(
    vector: Vector, candidates: Sequence[StoryState]
) -> tuple[StoryState | None, float]:
    """The candidate whose centroid is most similar to a vector, and that similarity."""
    best: StoryState | None = None
    best_similarity = -1.0
    for state in candidates:
        similarity = centroid_similarity(vector, state)
        if similarity > best_similarity:
            best, best_similarity = state, similarity
    return best, best_similarity


def lone_stories_to_absorb(
    grown: StoryState, candidates: Sequence[StoryState], *, settings: ClusterSettings
) -> list[StoryState]:
    """Candidate stories of one account that would join ``grown`` if they arrived now.

    A lone story joins when ``grown`` (as it is now) is its most similar candidate, reaches
    ``threshold`` and lies within the date window; stories of several accounts never merge.

    >>> import numpy as np
    >>> lone = StoryState(id=7, vector_sum=np.array([0.6, 0.8], dtype=np.float32),
    ...     accounts=1, first_day=1, last_day=1)
    >>> grown = StoryState(id=3, vector_sum=np.array([1.9, 0.6], dtype=np.float32),
    ...     accounts=2, first_day=1, last_day=2)
    >>> [s.id for s in lone_stories_to_absorb(grown, [grown, lone],
    ...     settings=ClusterSettings(threshold=0.5))]
    [7]
    """
    absorbed = []
    for lone in candidates:
        if lone.accounts != 1 or lone.id == grown.id:
            continue
        rivals = [grown, *(s for s in candidates if s.id not in {lone.id, grown.id})]
        best, similarity = most_similar(unit_vector(lone), rivals)
        if (
            best is grown
            and similarity >= settings.threshold
            and day_gap(lone.first_day, grown) <= settings.window_days
        ):
            absorbed.append(lone)
    return absorbed


def centroid_similarity(vector: Vector, state: StoryState) -> float:
    """Cosine between a unit vector and a story's centroid."""
    norm = float(np.linalg.norm(state.vector_sum))
    return float(vector @ state.vector_sum) / norm if norm > 0 else 0.0


def unit_vector(state: StoryState) -> Vector:
    """A story's centroid direction as a unit vector (zero for an empty sum)."""
    norm = float(np.linalg.norm(state.vector_sum))
    return state.vector_sum / norm if norm > 0 else state.vector_sum


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


def merge_stories(state: StoryState, other: StoryState) -> StoryState:
    """``state`` with the accounts and date range of ``other`` added."""
    ends = (state.first_day, state.last_day, other.first_day, other.last_day)
    days = [d for d in ends if d is not None]
    return replace(
        state,
        vector_sum=(state.vector_sum + other.vector_sum).astype(np.float32),
        accounts=state.accounts + other.accounts,
        first_day=min(days) if days else None,
        last_day=max(days) if days else None,
    )
