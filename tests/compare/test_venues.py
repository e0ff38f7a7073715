"""Two check-ins of one singer at two clinics (tests/compare/fixtures/two_clinics.jsonl).

Harbor Ledger reports the check-in at the Linden Grove clinic in Ashford, Metro Daily the one
at the Cedar Ridge Center in Marlow, Valley Post a check-in at "a treatment clinic" it does not
name, and Coast Courier both: she left Linden Grove and checked into Cedar Ridge. The four
ledes read alike; a summary sentence that names a clinic may cite only outlets whose own
sentence names that clinic and no other.
"""

from __future__ import annotations

import pytest

from storylens.compare import Comparison
from storylens.compare.venues import venues, venues_agree
from storylens.model import Analysis
from storylens.model.comparison import Fact


@pytest.fixture(scope="module")
def analysed(compared_fixture) -> tuple[dict[str, Analysis], Comparison]:
    return compared_fixture("two_clinics.jsonl")


def _lede(comparison: Comparison, article_id: str) -> Fact:
    return next(
        f for f in comparison.facts if f.article_id == article_id and "checked into" in f.span.text
    )


def test_the_clinic_and_its_town_are_venues_a_qualifying_clause_is_not(analysed):
    by_id, comparison = analysed
    assert venues(_lede(comparison, "clinic-1"), by_id["clinic-1"]) >= {"ashford"}
    assert venues(_lede(comparison, "clinic-2"), by_id["clinic-2"]) == set()
    assert {"ashford", "marlow"} <= venues(_lede(comparison, "clinic-3"), by_id["clinic-3"])


def test_a_sentence_naming_no_clinic_or_a_second_one_does_not_support_a_named_clinic(analysed):
    by_id, comparison = analysed
    one, two, three, four = (_lede(comparison, f"clinic-{n}") for n in (1, 2, 3, 4))
    a1, a2, a3, a4 = (by_id[f"clinic-{n}"] for n in (1, 2, 3, 4))
    assert not venues_agree(two, a2, one, a1)
    assert not venues_agree(three, a3, one, a1)
    assert not venues_agree(four, a4, one, a1)
    # naming where adds a detail to a sentence that says nowhere
    assert venues_agree(one, a1, two, a2)


def test_no_summary_sentence_about_a_clinic_cites_an_outlet_for_the_other_check_in(analysed):
    _, comparison = analysed
    checkins = [s for s in comparison.summary.sentences if "checked into" in s.text]
    assert checkins
    for sentence in checkins:
        if "Linden Grove" in sentence.text:
            assert set(sentence.outlets) == {"Harbor Ledger"}
        if "Cedar Ridge" in sentence.text:
            assert set(sentence.outlets) == {"Metro Daily"}
