"""Hard cases at many outlets, on fixtures written for these tests (tests/compare/fixtures).

- ``disputed_speaker.jsonl``: ten outlets report one evacuation; nine give the quote to the
  county emergency manager, one to the sheriff.
- ``casualty_figures.jsonl``: three outlets report one fire; two say five workers were killed,
  one says three; the injured figures ("at least 12", "14", "about 13") agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.compare import Comparison, ConflictKind, compare_analyses
from storylens.pipeline import analyze_paths

FIXTURES = Path(__file__).parent / "fixtures"


def _compare(name: str) -> Comparison:
    outcome = analyze_paths([str(FIXTURES / name)])
    assert not outcome.issues
    return compare_analyses(outcome.analyses)


@pytest.fixture(scope="module")
def dam() -> Comparison:
    return _compare("disputed_speaker.jsonl")


@pytest.fixture(scope="module")
def fire() -> Comparison:
    return _compare("casualty_figures.jsonl")


def _outlet_ids(comparison: Comparison, *outlets: str) -> set[str]:
    return {ref.id for ref in comparison.articles if ref.outlet in outlets}


def test_disputed_speaker_is_one_conflict_with_counted_sides(dam):
    conflicts = [c for c in dam.conflicts if c.kind is ConflictKind.SPEAKER]
    assert len(conflicts) == 1
    first, second = conflicts[0].positions
    assert (first.value, first.count) == ("Dana Whitfield", 9)
    assert (second.value, second.count) == ("Paul Okafor", 1)
    assert set(second.article_ids) == _outlet_ids(dam, "Valley Courier")
    assert len(conflicts[0].sides) == 10


def test_disputed_quote_is_one_group_of_ten(dam):
    assert len(dam.quote_groups) == 1
    assert len({q.article_id for q in dam.quote_groups[0].quotes}) == 10


def test_summary_states_the_majority_and_names_the_dissent(dam):
    quoted = [s for s in dam.summary.sentences if "gamble" in s.text]
    assert len(quoted) == 1
    sentence = quoted[0]
    assert "Whitfield" in sentence.source.span.text
    assert "Valley Courier" not in sentence.outlets
    assert len(sentence.outlets) == 9
    assert "Valley Courier attributes it to Paul Okafor" in sentence.text


def test_every_named_outlet_states_the_summary_sentence(dam, fire):
    for comparison in (dam, fire):
        facts = {(f.article_id, f.span) for f in comparison.facts}
        for sentence in comparison.summary.sentences:
            assert sentence.source in sentence.support
            for support in sentence.support:
                assert (support.article_id, support.span) in facts
            assert len(sentence.outlets) == len(sentence.support)


def test_ten_outlets_share_the_lead_in_one_row(dam):
    lead = [r for r in dam.shared() if all("2,000" in f.span.text for f in r.facts)]
    assert len(lead) == 1
    assert len(lead[0].facts) == 10


def test_two_casualty_figures_are_one_number_conflict(fire):
    numbers = [c for c in fire.conflicts if c.kind is ConflictKind.NUMBER]
    assert len(numbers) == 1
    five, three = numbers[0].positions
    assert five.count == 2
    assert three.count == 1
    assert set(three.article_ids) == _outlet_ids(fire, "Coastal Wire")
    assert "workers" in numbers[0].subject


def test_summary_never_names_the_outlet_with_the_other_figure(fire):
    coastal = _outlet_ids(fire, "Coastal Wire")
    for sentence in fire.summary.sentences:
        if "killed" in sentence.source.span.text:
            assert not {s.article_id for s in sentence.support} & coastal
            assert "Coastal Wire reports three workers" in sentence.text


@pytest.fixture(scope="module")
def wire() -> Comparison:
    """``wire_copies.jsonl``: one wire story on three pages with different furniture, and one
    independent report of the same council vote."""
    return _compare("wire_copies.jsonl")


def test_wire_copies_are_one_account(wire):
    copies = {ref.outlet: ref.copy_of for ref in wire.articles}
    first = next(ref.id for ref in wire.articles if ref.outlet == "Grantville Record")
    assert copies == {
        "Grantville Record": None,
        "Lakeshore Press": first,
        "Daily Beacon": first,
        "Grantville Sentinel": None,
    }


def test_a_fact_of_the_wire_and_the_independent_report_counts_twice_not_four_times(wire):
    vote = [s for s in wire.summary.sentences if "7-2" in s.text]
    assert vote
    assert len(vote[0].outlets) == 4
    assert vote[0].accounts == 2


def test_rows_only_copies_carry_are_only_in_their_account_not_shared(wire):
    first = next(ref.id for ref in wire.articles if ref.outlet == "Grantville Record")
    for row in wire.shared():
        assert wire.accounts(row) == 2
        assert any(wire.article(a).outlet == "Grantville Sentinel" for a in row.article_ids)
    trucking = [r for r in wire.rows if "Trucking companies" in r.facts[0].span.text]
    assert len(trucking) == 1
    assert trucking[0].article_ids == (first, *wire.copies(first))
    assert trucking[0] in wire.unique(first)
    assert trucking[0] not in wire.shared()


def test_a_quote_the_copies_and_the_independent_report_carry_counts_two_accounts(wire):
    (group,) = wire.quote_groups
    (speaker,) = group.speakers
    assert (speaker.value, speaker.count, speaker.accounts) == ("Ruth Calloway", 4, 2)


def test_copies_compared_alone_share_nothing_and_quote_nothing_across_outlets():
    """Three pages of one wire text are one account: nothing is shared, no quote group."""
    outcome = analyze_paths([str(FIXTURES / "wire_copies.jsonl")])
    copies = [a for a in outcome.analyses if a.article.outlet != "Grantville Sentinel"]
    comparison = compare_analyses(copies)
    first = comparison.articles[0].id
    assert comparison.shared() == ()
    assert comparison.quote_groups == ()
    assert {a for row in comparison.unique(first) for a in row.article_ids} == {
        ref.id for ref in comparison.articles
    }
    for ref in comparison.articles[1:]:
        assert comparison.unique(ref.id) == ()


def test_page_furniture_left_in_a_copy_is_never_only_in_an_outlet(wire):
    unique = [r.facts[0] for ref in wire.articles for r in wire.unique(ref.id)]
    assert unique
    assert all(f.statement for f in unique)
    texts = " ".join(f.span.text for f in unique)
    for furniture in ("Comments are closed", "Read more", "republished from"):
        assert furniture not in texts
    kinds = {f.span.text: f.kind for f in wire.facts}
    assert kinds["Comments are closed for this story."] == "social"
    assert kinds["This article was republished from Northline Wire."] == "boilerplate"
    omitted = {row for o in wire.omissions for row in o.rows}
    assert all(any(f.statement for f in r.facts) for r in wire.rows if r.id in omitted)


def test_a_fact_another_outlet_states_inside_a_longer_sentence_is_not_only_in(wire):
    """The Sentinel's inspection sentence is in the wire lede ("after an inspection found
    corroded steel beams"); the Sentinel alone quotes Omar Haddad."""
    sentinel = next(ref.id for ref in wire.articles if ref.outlet == "Grantville Sentinel")
    texts = [row.facts[0].span.text for row in wire.unique(sentinel)]
    assert not [t for t in texts if "inspection" in t]
    assert [t for t in texts if "Omar Haddad" in t]


def test_furniture_in_one_copy_is_not_a_conflict(wire):
    assert wire.conflicts == ()


def test_surname_and_full_name_with_title_are_one_speaker():
    """``same_speaker_names.jsonl``: "Mattis said" and "said Defense Secretary Jim Mattis"."""
    comparison = _compare("same_speaker_names.jsonl")
    assert [c for c in comparison.conflicts if c.kind is ConflictKind.SPEAKER] == []
    assert len(comparison.quote_groups) == 1
    (speaker,) = comparison.quote_groups[0].speakers
    assert speaker.count == 2
