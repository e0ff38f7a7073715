"""Incremental story clustering: a new article joins the story of its event or starts one.

A story is one real-world event, so an article joins a story only when

- **the time fits**: the story's dated accounts, with this one, span at most
  ``max_span_days`` (a story's window is bounded, it cannot drift with its members: the
  first accounts fix where it can lie). An undated article is placed by the dates its text
  states; one with no date at all neither widens nor moves the window of the story it joins;
- **it tells the same event**: the score, the cosine between its story vector and the
  story's centroid blended (weight ``cue_weight``) with the cosine between its event cues
  (words of the names it mentions, the figures it states) and the story's, reaches
  ``threshold``. The vector alone says "same topic"; the names and figures tell two rehab
  stays, two earthquakes or two shootings apart.

Candidates are the stories of the article's nearest stored neighbours (ANN over story
vectors, in the months around its day and among articles with no publication date), so the
cost per article does not grow with the store. An article is indexed by its publication
month; one without a publication date is indexed with the undated ones whatever day its text
states, since that day may be an earlier event's and would hide it from its own event.

A lone article is judged against a story as that story was when it arrived, so when a story
grows, each candidate story of one account is offered to it again by the same rule; it joins
if the grown story is now its best candidate. Stories of several accounts never merge on
their own, and a story made or edited by hand (``manual``) is never absorbed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy as np
import numpy.typing as npt

from storylens.cluster.features import EventCues, cue_similarity, shared_cues
from storylens.cluster.index import Neighbour

Vector = npt.NDArray[np.float32]

PROFILE_SIZE = 48
"""Most cues a story keeps (the heaviest), so comparing with it costs the same at any size."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryState:
    """What clustering knows about one story: centroid, dated range and event cues.

    ``vector_sum`` is the sum of its accounts' unit vectors (the centroid direction);
    days are proleptic Gregorian ordinals of its dated accounts. ``profile`` sums the cue
    weights of its accounts (the heaviest `PROFILE_SIZE`). ``id`` 0 means "not stored yet".
    """

    id: int
    vector_sum: Vector
    accounts: int
    first_day: int | None
    last_day: int | None
    profile: Mapping[str, float] = field(default_factory=dict)
    manual: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterSettings:
    """Knobs of story assignment (chosen by cross-validation over ECB+ dev topics).

    See bench/cluster_events.py for how each was chosen.
    """

    threshold: float = 0.6
    """Least score between an article and a story for the article to join it."""
    cue_weight: float = 0.5
    """Share of the event-cue cosine in the score (the rest is the story-vector cosine)."""
    merge_threshold: float | None = 0.7
    """Least score for a story of several accounts to join a grown one (None: never)."""
    max_span_days: int = 4
    """Most days between an article's publication day and any dated account of its story."""
    stated_span_days: int = 30
    """The same for a day an undated article's text states (it may name the event's day,
    not its own, and an event may be told over weeks)."""
    neighbours: int = 16
    """Nearest stored articles looked up per month bucket."""

    def window_days(self, cues: EventCues) -> int:
        """How far from an article's day its candidate stories' accounts can lie."""
        return self.stated_span_days if cues.stated else self.max_span_days


@dataclass(frozen=True, slots=True, kw_only=True)
class Assignment:
    """The story an article goes to (``story.id == 0``: a new one), its score and why.

    ``best_match`` is the stored article of that story nearest to it, ``shared`` the cues
    they share with the story. ``absorbed`` are stored stories of one account that join
    ``story`` with the article (their members move to it); ``story`` already counts them.
    """

    story: StoryState
    similarity: float
    joined: bool
    absorbed: tuple[StoryState, ...] = ()
    best_match: int | None = None
    shared: tuple[str, ...] = ()


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
    cues: EventCues,
    *,
    neighbours: Sequence[Neighbour],
    lookup: StoryLookup,
    settings: ClusterSettings,
) -> Assignment:
    """Choose the story a new article belongs to, given its nearest stored articles."""
    members = lookup.stories_of([n.row for n in neighbours])
    states = (lookup.story_state(story_id) for story_id in sorted(set(members.values())))
    candidates = [s for s in states if fits_window(cues, s, settings=settings)]
    best, best_score = best_story(vector, cues.cues, candidates, settings=settings)
    if best is None or best_score < settings.threshold:
        return Assignment(story=new_story(vector, cues), similarity=1.0, joined=False)
    grown = grow_story(best, vector, cues)
    absorbed = lone_stories_to_absorb(grown, candidates, settings=settings)
    for lone in absorbed:
        grown = merge_stories(grown, lone)
    match = next((n.row for n in neighbours if members.get(n.row) == best.id), None)
    return Assignment(
        story=grown,
        similarity=best_score,
        joined=True,
        absorbed=tuple(absorbed),
        best_match=match,
        shared=tuple(shared_cues(cues.cues, best.profile)),
    )


def event_score(
    vector: Vector, cues: Mapping[str, float], state: StoryState, *, settings: ClusterSettings
) -> float:
    """How surely an article (vector, cues) tells the event of a story.

    The centroid cosine alone when either side has no cues (no analysis stored).
    """
    similarity = centroid_similarity(vector, state)
    if not cues or not state.profile:
        return similarity
    weight = settings.cue_weight
    return (1 - weight) * similarity + weight * cue_similarity(cues, state.profile)


def best_story(
    vector: Vector,
    cues: Mapping[str, float],
    candidates: Sequence[StoryState],
    *,
    settings: ClusterSettings,
) -> tuple[StoryState | None, float]:
    """The candidate with the highest event score, and that score (ties: lowest id)."""
    best: StoryState | None = None
    best_score = -1.0
    for state in candidates:
        score = event_score(vector, cues, state, settings=settings)
        if score > best_score:
            best, best_score = state, score
    return best, best_score


def fits_window(cues: EventCues, state: StoryState, *, settings: ClusterSettings) -> bool:
    """Whether an article's time lets it join a story, whose window so stays bounded.

    With its day (a publication day, or one its text states), the story's dated accounts
    must span at most ``max_span_days`` (``stated_span_days`` for a stated day), or no more
    than they already do (a story merged by hand may be wider); a month its text states
    must overlap where the story can still lie; an article with no date at all fits.

    >>> import numpy as np
    >>> state = new_story(np.ones(2, dtype=np.float32), EventCues(day=10, earliest=10, latest=10))
    >>> state = grow_story(state, np.ones(2, dtype=np.float32), EventCues(day=12))
    >>> [fits_window(EventCues(day=d), state, settings=ClusterSettings(max_span_days=4))
    ...  for d in (13, 15, 8, 7)]
    [True, False, True, False]
    """
    if state.first_day is None or state.last_day is None:
        return True
    span = settings.stated_span_days if cues.stated else settings.max_span_days
    if cues.day is not None:
        widened = max(state.last_day, cues.day) - min(state.first_day, cues.day)
        return widened <= max(span, state.last_day - state.first_day)
    if cues.earliest is None or cues.latest is None:
        return True
    return cues.earliest <= state.first_day + span and cues.latest >= state.last_day - span


def lone_stories_to_absorb(
    grown: StoryState, candidates: Sequence[StoryState], *, settings: ClusterSettings
) -> list[StoryState]:
    """Candidate stories of one account that would join ``grown`` if they arrived now.

    A lone story joins when ``grown`` (as it is now) is its best candidate, the score
    reaches ``threshold`` and its time fits; stories of several accounts and stories
    made by hand never merge.
    """
    absorbed = []
    for lone in candidates:
        if lone.id == grown.id or lone.manual:
            continue
        bar = settings.threshold if lone.accounts == 1 else settings.merge_threshold
        if bar is None:
            continue
        rivals = [grown, *(s for s in candidates if s.id not in {lone.id, grown.id})]
        best, score = best_story(unit_vector(lone), lone.profile, rivals, settings=settings)
        if best is grown and score >= bar and spans_fit(lone, grown, settings=settings):
            absorbed.append(lone)
    return absorbed


def spans_fit(first: StoryState, second: StoryState, *, settings: ClusterSettings) -> bool:
    """Whether two stories' dated accounts together span at most ``max_span_days``."""
    days = [
        d
        for d in (first.first_day, first.last_day, second.first_day, second.last_day)
        if d is not None
    ]
    return not days or max(days) - min(days) <= settings.max_span_days


def centroid_similarity(vector: Vector, state: StoryState) -> float:
    """Cosine between a unit vector and a story's centroid."""
    norm = float(np.linalg.norm(state.vector_sum))
    return float(vector @ state.vector_sum) / norm if norm > 0 else 0.0


def unit_vector(state: StoryState) -> Vector:
    """A story's centroid direction as a unit vector (zero for an empty sum)."""
    norm = float(np.linalg.norm(state.vector_sum))
    return state.vector_sum / norm if norm > 0 else state.vector_sum


def new_story(vector: Vector, cues: EventCues) -> StoryState:
    """A story of one article."""
    return StoryState(
        id=0,
        vector_sum=vector.astype(np.float32),
        accounts=1,
        first_day=cues.day,
        last_day=cues.day,
        profile=top_cues(cues.cues),
    )


def grow_story(state: StoryState, vector: Vector, cues: EventCues) -> StoryState:
    """A story with one more account (an undated one leaves its dates as they are)."""
    return _combined(state, vector, 1, (cues.day, cues.day), cues.cues)


def merge_stories(state: StoryState, other: StoryState) -> StoryState:
    """``state`` with the accounts, dates and cues of ``other`` added."""
    days = (other.first_day, other.last_day)
    return _combined(state, other.vector_sum, other.accounts, days, other.profile)


def _combined(
    state: StoryState,
    vector_sum: Vector,
    accounts: int,
    days: tuple[int | None, int | None],
    profile: Mapping[str, float],
) -> StoryState:
    known = [d for d in (state.first_day, state.last_day, *days) if d is not None]
    summed = dict(state.profile)
    for key, weight in profile.items():
        summed[key] = summed.get(key, 0.0) + weight
    return replace(
        state,
        vector_sum=(state.vector_sum + vector_sum).astype(np.float32),
        accounts=state.accounts + accounts,
        first_day=min(known) if known else None,
        last_day=max(known) if known else None,
        profile=top_cues(summed),
    )


def top_cues(cues: Mapping[str, float], *, size: int = PROFILE_SIZE) -> dict[str, float]:
    """The ``size`` heaviest cues (ties by key, so the result does not depend on order)."""
    ranked = sorted(cues.items(), key=lambda item: (-item[1], item[0]))[:size]
    return {key: round(weight, 4) for key, weight in ranked}
