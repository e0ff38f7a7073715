"""Two groundings of one ship, a week apart (tests/compare/fixtures/two_groundings.jsonl).

Two outlets report the grounding off Port Keswick on March 3, two the one near Selby Point on
March 9, in nearly the same words. A summary sentence must never name an outlet whose own
sentence places the report on another day or in another place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.compare import Comparison, compare_analyses
from storylens.compare.agreement import days_agree, places_agree
from storylens.model import Analysis
from storylens.model.comparison import Fact
from storylens.pipeline import analyze_paths

FIXTURE = Path(__file__).parent / "fixtures" / "two_groundings.jsonl"
FIRST = {"Coastal Ledger", "Northern Wire"}
SECOND = {"Bay Evening Post", "Tideline News"}


@pytest.fixture(scope="module")
def analysed() -> tuple[dict[str, Analysis], Comparison]:
    outcome = analyze_paths([str(FIXTURE)])
    assert not outcome.issues
    by_id = {a.article.id: a for a in outcome.analyses}
    return by_id, compare_analyses(outcome.analyses)


def _lede(comparison: Comparison, article_id: str) -> Fact:
    return next(
        f for f in comparison.facts if f.article_id == article_id and "ran aground" in f.span.text
    )


def test_ledes_of_two_groundings_disagree_on_day_and_place(analysed):
    by_id, comparison = analysed
    one, two, three = (_lede(comparison, f"harbour-{n}") for n in (1, 2, 3))
    a1, a2, a3 = by_id["harbour-1"], by_id["harbour-2"], by_id["harbour-3"]
    assert days_agree(one, a1, two, a2)
    assert places_agree(one, a1, two, a2)
    assert not days_agree(one, a1, three, a3)
    assert not places_agree(one, a1, three, a3)


def test_the_same_place_named_by_both_facts_agrees(analysed):
    by_id, comparison = analysed
    freed = next(f for f in comparison.facts if "freed from a sandbank" in f.span.text)
    lede = _lede(comparison, "harbour-1")
    # "at Port Keswick" names where; the lede names it too: the two agree
    assert places_agree(freed, by_id[freed.article_id], lede, by_id["harbour-1"])


def test_no_summary_sentence_cites_both_groundings_for_a_dated_placed_fact(analysed):
    _, comparison = analysed
    for sentence in comparison.summary.sentences:
        if "aground" in sentence.text:
            outlets = set(sentence.outlets)
            assert outlets <= FIRST or outlets <= SECOND, sentence


def test_ledes_of_two_groundings_are_two_rows_not_a_date_conflict(analysed):
    _, comparison = analysed
    ledes = [
        row
        for row in comparison.rows
        if any("ran aground" in f.span.text for f in row.facts)
        and not any("second grounding" in f.span.text for f in row.facts)
    ]
    for row in ledes:
        outlets = {comparison.article(f.article_id).outlet for f in row.facts}
        assert outlets <= FIRST or outlets <= SECOND, outlets
    assert not [c for c in comparison.conflicts if c.kind.value == "date"]
