"""Two check-ins at two named clinics on one day (tests/compare/fixtures/two_facilities.jsonl).

Harbor Ledger and Valley Post report the actor's check-in at the Linden Grove clinic, Metro
Daily one at the Cedar Ridge Center, in ledes worded alike. The rows must keep the two
check-ins apart (`venues.venues_clash`): each lede names a clinic the other does not.
"""

from __future__ import annotations

import pytest

from storylens.compare import Comparison
from storylens.compare.venues import venues_clash
from storylens.model import Analysis
from storylens.model.comparison import Fact


@pytest.fixture(scope="module")
def analysed(compared_fixture) -> tuple[dict[str, Analysis], Comparison]:
    return compared_fixture("two_facilities.jsonl")


def _lede(comparison: Comparison, article_id: str) -> Fact:
    return next(
        f for f in comparison.facts if f.article_id == article_id and "checked into" in f.span.text
    )


def _row_articles(comparison: Comparison, fact: Fact) -> set[str]:
    rows = [r for r in comparison.rows if fact in (*r.facts, *r.restated)]
    return set().union(*(r.article_ids for r in rows))


def test_ledes_at_two_named_clinics_share_no_row(analysed):
    _, comparison = analysed
    assert "fac-3" not in _row_articles(comparison, _lede(comparison, "fac-1"))
    assert "fac-3" not in _row_articles(comparison, _lede(comparison, "fac-2"))


def test_ledes_naming_one_clinic_in_other_words_share_a_row(analysed):
    _, comparison = analysed
    assert "fac-2" in _row_articles(comparison, _lede(comparison, "fac-1"))


def test_clinics_clash_a_newspaper_reported_in_is_no_site(analysed):
    by_id, comparison = analysed
    one, two, three = (_lede(comparison, f"fac-{n}") for n in (1, 2, 3))
    a1, a2, a3 = (by_id[f"fac-{n}"] for n in (1, 2, 3))
    assert venues_clash(one, a1, three, a3)
    assert not venues_clash(one, a1, two, a2)
    report = next(f for f in comparison.facts if "Times" in f.span.text)
    assert not venues_clash(report, a2, three, a3)
