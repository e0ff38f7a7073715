import datetime as dt
from dataclasses import replace

import numpy as np
import pytest

from storylens.cluster import ClusterSettings, Neighbour, StoryState, assign_story
from storylens.cluster.features import (
    UNDATED,
    EventCues,
    index_bucket,
    time_bucket,
    window_buckets,
)
from storylens.cluster.stories import fits_window, grow_story, new_story


def unit(*values):
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


class FakeLookup:
    def __init__(self, members, states):
        self.members = members
        self.states = states

    def stories_of(self, rows):
        return {r: self.members[r] for r in rows if r in self.members}

    def story_state(self, story_id):
        return self.states[story_id]


def at(day, cues=None):
    return EventCues(cues=cues or {}, day=day, earliest=day, latest=day)


def stored(story_id, vector, day, accounts=1):
    return StoryState(
        id=story_id, vector_sum=vector * accounts, accounts=accounts, first_day=day, last_day=day
    )


DAY = dt.date(2016, 3, 1).toordinal()


def test_assign_story_joins_the_most_similar_story_within_the_window():
    lookup = FakeLookup(
        {1: 10, 2: 20},
        {
            10: stored(10, unit(1, 0, 0), DAY),
            20: stored(20, unit(1, 1, 0), DAY + 1, accounts=2),
        },
    )
    neighbours = [Neighbour(row=1, similarity=0.9), Neighbour(row=2, similarity=0.8)]
    result = assign_story(
        unit(1, 0.1, 0),
        at(DAY),
        neighbours=neighbours,
        lookup=lookup,
        settings=ClusterSettings(merge_threshold=None),
    )
    assert result.joined
    assert result.story.id == 10
    assert result.story.accounts == 2


@pytest.mark.parametrize("gap", [5, 30, -40])
def test_assign_story_starts_a_new_story_outside_the_window(gap):
    lookup = FakeLookup({1: 10}, {10: stored(10, unit(1, 0, 0), DAY)})
    result = assign_story(
        unit(1, 0, 0),
        at(DAY + gap),
        neighbours=[Neighbour(row=1, similarity=1.0)],
        lookup=lookup,
        settings=ClusterSettings(max_span_days=4),
    )
    assert not result.joined
    assert result.story.id == 0
    assert result.story.first_day == DAY + gap


def test_assign_story_starts_a_new_story_below_the_threshold():
    lookup = FakeLookup({1: 10}, {10: stored(10, unit(1, 0, 0), DAY)})
    result = assign_story(
        unit(0, 1, 0),
        at(DAY),
        neighbours=[Neighbour(row=1, similarity=0.0)],
        lookup=lookup,
        settings=ClusterSettings(),
    )
    assert not result.joined


def test_grow_story_extends_the_date_range_and_keeps_unknown_dates():
    state = grow_story(new_story(unit(1, 0), at(DAY)), unit(0, 1), at(DAY - 2))
    assert (state.first_day, state.last_day, state.accounts) == (DAY - 2, DAY, 2)
    kept = grow_story(state, unit(1, 1), at(None))
    assert (kept.first_day, kept.last_day, kept.accounts) == (DAY - 2, DAY, 3)
    undated = grow_story(new_story(unit(1, 0), at(None)), unit(0, 1), at(None))
    assert undated.first_day is None
    assert fits_window(at(DAY), undated, settings=ClusterSettings())


def test_window_buckets_cover_neighbouring_months():
    end_of_month = dt.date(2016, 1, 30).toordinal()
    buckets = window_buckets(end_of_month, window_days=4)
    assert time_bucket(end_of_month) in buckets
    assert time_bucket(end_of_month + 4) in buckets
    assert buckets[-1] == UNDATED
    assert window_buckets(None, window_days=4) == [UNDATED]


def test_only_a_publication_day_places_an_article_in_a_month_index():
    published = EventCues(day=DAY, earliest=DAY, latest=DAY)
    stated = EventCues(day=DAY, earliest=DAY, latest=DAY, stated=True)
    assert index_bucket(published) == time_bucket(DAY)
    assert index_bucket(stated) == UNDATED
    assert index_bucket(EventCues()) == UNDATED


def lone_then_grown_lookup(lone_vector, lone_day=DAY):
    """Story 10 holds one account, story 20 one; the new article joins 20, then 10 is offered."""
    return FakeLookup(
        {1: 10, 2: 20},
        {10: stored(10, lone_vector, lone_day), 20: stored(20, unit(1, 0, 0), DAY)},
    )


NEAR = [Neighbour(row=1, similarity=0.6), Neighbour(row=2, similarity=0.9)]


def test_a_growing_story_absorbs_a_lone_story_it_now_matches():
    # The lone article (cos 0.45 to the first account, below the threshold) is within the
    # threshold of the story once a second account, close to both, has joined.
    lone = unit(0.45, 0.893, 0)
    result = assign_story(
        unit(0.9, 0.436, 0),
        at(DAY),
        neighbours=NEAR,
        lookup=lone_then_grown_lookup(lone),
        settings=ClusterSettings(threshold=0.5),
    )
    assert result.joined
    assert result.story.id == 20
    assert [s.id for s in result.absorbed] == [10]
    assert result.story.accounts == 3
    assert np.allclose(result.story.vector_sum, unit(1, 0, 0) + unit(0.9, 0.436, 0) + lone)


def test_a_lone_story_below_the_threshold_stays_apart():
    result = assign_story(
        unit(0.9, 0.436, 0),
        at(DAY),
        neighbours=NEAR,
        lookup=lone_then_grown_lookup(unit(0, 0.2, 1)),
        settings=ClusterSettings(threshold=0.5),
    )
    assert result.joined
    assert result.absorbed == ()
    assert result.story.accounts == 2


def test_a_lone_story_outside_the_date_window_is_not_absorbed():
    result = assign_story(
        unit(0.9, 0.436, 0),
        at(DAY),
        neighbours=NEAR,
        lookup=lone_then_grown_lookup(unit(0.45, 0.893, 0), lone_day=DAY - 3),
        settings=ClusterSettings(threshold=0.5, max_span_days=2),
    )
    assert result.absorbed == ()


def test_a_lone_story_closer_to_another_candidate_is_not_absorbed():
    lone = unit(0.45, 0.893, 0)
    lookup = FakeLookup(
        {1: 10, 2: 20, 3: 30},
        {
            10: stored(10, lone, DAY),
            20: stored(20, unit(1, 0, 0), DAY),
            30: stored(30, unit(0.3, 1, 0.1), DAY, accounts=2),
        },
    )
    result = assign_story(
        unit(0.9, 0.436, 0),
        at(DAY),
        neighbours=[*NEAR, Neighbour(row=3, similarity=0.7)],
        lookup=lookup,
        settings=ClusterSettings(threshold=0.5),
    )
    assert result.story.id == 20
    assert result.absorbed == ()


def test_stories_of_several_accounts_never_merge_without_a_merge_threshold():
    lookup = FakeLookup(
        {1: 10, 2: 20},
        {10: stored(10, unit(0.9, 0.1, 0), DAY, accounts=2), 20: stored(20, unit(1, 0, 0), DAY)},
    )
    result = assign_story(
        unit(1, -0.05, 0),
        at(DAY),
        neighbours=NEAR,
        lookup=lookup,
        settings=ClusterSettings(threshold=0.5, merge_threshold=None),
    )
    assert (result.story.id, result.story.accounts) == (20, 2)
    assert result.absorbed == ()


def test_names_and_figures_decide_between_stories_of_the_same_kind():
    # Two stories equally close in vector space; the article names the second one's people.
    lookup = FakeLookup(
        {1: 10, 2: 20},
        {
            10: replace(stored(10, unit(1, 0, 0), DAY), profile={"n:reid": 3.0, "n:malibu": 1.0}),
            20: replace(stored(20, unit(1, 0, 0), DAY), profile={"n:lohan": 3.0, "#91": 0.5}),
        },
    )
    cues = at(DAY, {"n:lohan": 2.0, "n:betty": 1.0})
    result = assign_story(
        unit(1, 0.05, 0), cues, neighbours=NEAR, lookup=lookup, settings=ClusterSettings()
    )
    assert result.story.id == 20
    assert result.shared == ("lohan",)
    assert result.best_match == 2


def test_a_stated_day_gets_a_wider_window_than_a_publication_day():
    state = stored(10, unit(1, 0), DAY)
    settings = ClusterSettings(max_span_days=4, stated_span_days=30)
    stated = EventCues(day=DAY + 20, earliest=DAY + 20, latest=DAY + 20, stated=True)
    assert fits_window(stated, state, settings=settings)
    assert not fits_window(at(DAY + 20), state, settings=settings)
    month = EventCues(earliest=DAY + 40, latest=DAY + 70, stated=True)
    assert not fits_window(month, state, settings=settings)


def test_an_undated_member_does_not_move_the_window():
    state = grow_story(stored(10, unit(1, 0), DAY), unit(1, 0), at(None))
    assert (state.first_day, state.last_day) == (DAY, DAY)
    assert not fits_window(at(DAY + 5), state, settings=ClusterSettings(max_span_days=4))


def test_a_story_edited_by_hand_is_never_absorbed():
    lone = replace(stored(10, unit(0.45, 0.893, 0), DAY), manual=True)
    lookup = FakeLookup({1: 10, 2: 20}, {10: lone, 20: stored(20, unit(1, 0, 0), DAY)})
    result = assign_story(
        unit(0.9, 0.436, 0),
        at(DAY),
        neighbours=NEAR,
        lookup=lookup,
        settings=ClusterSettings(threshold=0.5),
    )
    assert result.story.id == 20
    assert result.absorbed == ()


def test_stories_of_several_accounts_merge_above_the_merge_threshold():
    lookup = FakeLookup(
        {1: 10, 2: 20},
        {10: stored(10, unit(0.9, 0.1, 0), DAY, accounts=2), 20: stored(20, unit(1, 0, 0), DAY)},
    )
    result = assign_story(
        unit(1, -0.05, 0),
        at(DAY),
        neighbours=NEAR,
        lookup=lookup,
        settings=ClusterSettings(threshold=0.5, merge_threshold=0.9),
    )
    assert result.story.id == 20
    assert [s.id for s in result.absorbed] == [10]
    assert result.story.accounts == 4
