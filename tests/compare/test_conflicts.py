"""Conflict rules, each pinned on fixtures written for these tests (tests/compare/fixtures).

- ``attack_toll.jsonl``: four outlets report one market bombing; two say 49 killed, one "at
  least 40" (which agrees with 49), one 31.
- ``charge_counts.jsonl``: three outlets report one man charged after break-ins: three
  counts of burglary, one count of arson, four counts of burglary.
- ``title_speaker.jsonl``: three outlets quote one police sergeant; two give the words to
  "Sgt." (the name cut off by the sentence split), one to "Dana Whitlock".
- ``clock_times.jsonl``: four outlets report one gas explosion; two say 8.40pm, one 8.49pm,
  one "about 8.45pm" (which agrees with both).
- ``fight_records.jsonl``: three outlets report one title fight; two give the champion's
  record as 21-2, one as 22-2; the challenger's record (17-4) and a council vote (7-2) agree
  or are not records.
- ``undercard_records.jsonl``: three outlets on one title fight; two give a support
  fighter's record (30-2) in their account of his bout, one (32-2) where it says how he trained.
- ``stoppage_time.jsonl``: three outlets on one fight; two say it was stopped 50 seconds
  into the fourth round, one at the 1:40 mark of the fourth.
- ``record_before_after.jsonl``: two outlets on one fight; one gives the winner's record
  after it (31-2), the other, where it says how he trained before it, the record he took in (30-2).
- ``turnout.jsonl``: two outlets on one election; one gives the turnout as a share of the
  eligible voters ("about 71 percent"), the other the number of eligible voters (2.7 million).
- ``phrase_quotes.jsonl``: a mayor's long quote and a trader's three words that it contains,
  in sentences about different things.
- ``midnight_docking.jsonl``: three outlets on one freighter reaching port; two say it docked
  late Tuesday / on Tuesday night, one early Wednesday morning around 1:15 a.m.
- ``two_meetings.jsonl``: two outlets on one strike; a meeting on Sunday beside one on
  Thursday evening, calls rebuffed late Monday beside a refusal on Tuesday (two happenings each).
- ``late_goals.jsonl``: three outlets on one match; "two late goals", "a pair of late goals"
  (followed by a relative clause holding "lost") and "three late goals".
- ``seized_rifles.jsonl``: two outlets on one seizure; "nine hunting rifles" beside "seven
  shotguns, two other hunting rifles".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.compare import Comparison, ConflictKind, compare_analyses
from storylens.compare.quotes import has_name
from storylens.pipeline import analyze_paths

FIXTURES = Path(__file__).parent / "fixtures"


def _compare(name: str) -> Comparison:
    outcome = analyze_paths([str(FIXTURES / name)])
    assert not outcome.issues
    return compare_analyses(outcome.analyses)


def _ids(comparison: Comparison, *outlets: str) -> set[str]:
    return {ref.id for ref in comparison.articles if ref.outlet in outlets}


@pytest.fixture(scope="module")
def toll() -> Comparison:
    return _compare("attack_toll.jsonl")


def test_two_death_tolls_of_one_attack_are_one_conflict_with_counted_sides(toll):
    (conflict,) = [c for c in toll.conflicts if c.kind is ConflictKind.NUMBER]
    majority, minority = conflict.positions
    assert set(majority.article_ids) == _ids(toll, "Gulf Report", "City Wire", "Eastern Herald")
    assert majority.count == 3
    assert set(minority.article_ids) == _ids(toll, "Daily Monitor")
    assert minority.count == 1
    assert "people" in conflict.subject


def test_an_approximate_toll_joins_the_exact_figure_it_agrees_with_in_its_own_words(toll):
    (conflict,) = [c for c in toll.conflicts if c.kind is ConflictKind.NUMBER]
    herald = _ids(toll, "Eastern Herald")
    (side,) = [s for s in conflict.sides if s.article_id in herald]
    assert side.value.lower() == "at least 40 people"
    assert "at least 40" in conflict.positions[0].value.lower()


def test_counts_of_different_charges_are_not_a_conflict():
    comparison = _compare("charge_counts.jsonl")
    (conflict,) = [c for c in comparison.conflicts if c.kind is ConflictKind.NUMBER]
    assert "burglary" in conflict.subject
    sides = {s.article_id for s in conflict.sides}
    assert sides == _ids(comparison, "Ridgefield Ledger", "Ridgefield Patch")


def test_a_speaker_given_only_as_a_title_takes_no_side():
    comparison = _compare("title_speaker.jsonl")
    assert [c for c in comparison.conflicts if c.kind is ConflictKind.SPEAKER] == []


@pytest.mark.parametrize(
    ("speaker", "named"),
    [
        ("Sgt", False),
        ("state police Sgt", False),
        ("Det. Insp.", False),
        ("The judge", False),
        ("Sgt. Dana Whitlock", True),
        ("Whitlock", True),
        ("John Major", True),
    ],
)
def test_has_name(speaker, named):
    assert has_name(speaker) is named


def test_two_peoples_words_sharing_a_phrase_are_not_a_speaker_conflict():
    """``phrase_quotes.jsonl``: the mayor's quote holds the words a trader's fragment gives."""
    comparison = _compare("phrase_quotes.jsonl")
    assert comparison.quote_groups or comparison.quote_matches
    assert [c for c in comparison.conflicts if c.kind is ConflictKind.SPEAKER] == []


def test_two_times_of_one_explosion_are_one_conflict_and_about_takes_no_side():
    comparison = _compare("clock_times.jsonl")
    (conflict,) = comparison.conflicts
    assert conflict.kind is ConflictKind.DATE
    majority, minority = conflict.positions
    assert (majority.value, set(majority.article_ids)) == (
        "8.40pm",
        _ids(comparison, "Northgate Gazette", "Mill Road Post"),
    )
    assert (minority.value, set(minority.article_ids)) == (
        "8.49pm",
        _ids(comparison, "Evening Courier"),
    )
    assert not {s.article_id for s in conflict.sides} & _ids(comparison, "Northgate Today")


def test_two_records_of_one_fighter_are_one_conflict():
    comparison = _compare("fight_records.jsonl")
    (conflict,) = comparison.conflicts
    assert conflict.subject == "record of Okonjo"
    assert [(p.value, p.count) for p in conflict.positions] == [
        ("21-2, 14 KOs", 2),
        ("22-2, 15 KOs", 1),
    ]
    assert set(conflict.positions[1].article_ids) == _ids(comparison, "Fight Post")


def test_a_share_and_a_count_of_voters_are_not_a_conflict():
    comparison = _compare("turnout.jsonl")
    assert comparison.conflicts == ()


def test_records_of_one_fighter_in_sentences_of_two_propositions_are_one_conflict():
    """``undercard_records.jsonl``: two outlets give a support fighter's record in their account
    of his bout, the third in a sentence about his training: the record is still disputed."""
    comparison = _compare("undercard_records.jsonl")
    (conflict,) = comparison.conflicts
    assert conflict.subject == "record of Brandt"
    assert [(p.value, p.count) for p in conflict.positions] == [
        ("30-2, 19 KOs", 2),
        ("32-2, 19 KOs", 1),
    ]
    assert set(conflict.positions[1].article_ids) == _ids(comparison, "Glove Beat")
    assert conflict.row is not None


def test_two_times_into_one_round_are_one_conflict():
    """``stoppage_time.jsonl``: two outlets stop the fight 50 seconds into the fourth, one at
    the 1:40 mark of it; the other ordinals (third, ninth) are other slots or none."""
    comparison = _compare("stoppage_time.jsonl")
    (conflict,) = comparison.conflicts
    assert conflict.kind is ConflictKind.NUMBER
    assert conflict.subject == "time into the fourth"
    assert [(p.value, p.count) for p in conflict.positions] == [
        ("50 seconds into the fourth", 2),
        ("the 1:40 mark", 1),
    ]
    assert set(conflict.positions[1].article_ids) == _ids(comparison, "Standing Eight")


def test_unlinked_records_one_bout_apart_are_not_a_conflict():
    """``record_before_after.jsonl``: one outlet gives the winner's record after the fight
    (31-2), the other, in a sentence about his training before it, the record he took in (30-2)."""
    comparison = _compare("record_before_after.jsonl")
    assert [c for c in comparison.conflicts if c.subject.startswith("record")] == []


def test_one_docking_dated_either_side_of_midnight_is_one_date_conflict():
    """``midnight_docking.jsonl``: "late Tuesday" and "on Tuesday night" against "Early
    Wednesday morning, around 1:15 a.m."; the company that "said Wednesday" takes no side."""
    comparison = _compare("midnight_docking.jsonl")
    (conflict,) = comparison.conflicts
    assert conflict.kind is ConflictKind.DATE
    assert [(p.value, p.count) for p in conflict.positions] == [
        ("late Tuesday / on Tuesday night", 2),
        ("Early Wednesday morning", 1),
    ]
    assert set(conflict.positions[1].article_ids) == _ids(comparison, "Shipping Ledger")


def test_different_weekdays_of_two_happenings_are_not_a_conflict():
    """``two_meetings.jsonl``: a Sunday and a Thursday-evening meeting, calls rebuffed late
    Monday and a refusal on Tuesday: linked rows, different weekdays, no midnight between."""
    comparison = _compare("two_meetings.jsonl")
    assert comparison.conflicts == ()


def test_counts_of_one_named_thing_with_no_tally_word_are_one_conflict():
    """``late_goals.jsonl``: "two late goals" and "a pair of late goals" against "three late
    goals"; the "lost" of the relative clause after the pair is not what the goals did."""
    comparison = _compare("late_goals.jsonl")
    (conflict,) = comparison.conflicts
    assert conflict.kind is ConflictKind.NUMBER
    assert conflict.subject == "number of late goals"
    assert [(p.value, p.count) for p in conflict.positions] == [
        ("two late goals / a pair of late goals", 2),
        ("three late goals", 1),
    ]
    assert set(conflict.positions[1].article_ids) == _ids(comparison, "Kickoff Daily")


def test_a_count_of_other_things_is_not_the_whole_count():
    """``seized_rifles.jsonl``: "two other hunting rifles" are part of a haul, not its rifles."""
    comparison = _compare("seized_rifles.jsonl")
    assert comparison.conflicts == ()
