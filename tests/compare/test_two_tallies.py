"""Two tallies of one player told alike (tests/compare/fixtures/two_tallies.jsonl).

Harbor Ledger and Valley Post give the guard's points, assists and games for his new team
(410, 96, 27), Metro Daily his tally for both teams (1,180, 301, 79). The sentences read
alike; no figure of one tally is in the other, so they are two propositions, not one row
(`agreement.apart`: facts stating three figures or more, none of them shared; two figures
both different may be a dispute over one count, "five killed, 12 injured" / "three killed,
13 injured", and stay linked).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.compare import Comparison, compare_analyses
from storylens.model.comparison import Fact
from storylens.pipeline import analyze_paths

FIXTURE = Path(__file__).parent / "fixtures" / "two_tallies.jsonl"


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    outcome = analyze_paths([str(FIXTURE)])
    assert not outcome.issues
    return compare_analyses(outcome.analyses)


def _tally(comparison: Comparison, article_id: str) -> Fact:
    return next(
        f for f in comparison.facts if f.article_id == article_id and "points" in f.span.text
    )


def _row_articles(comparison: Comparison, fact: Fact) -> set[str]:
    rows = [r for r in comparison.rows if fact in (*r.facts, *r.restated)]
    return set().union(*(r.article_ids for r in rows))


def test_tallies_sharing_no_figure_share_no_row(comparison):
    assert "tally-3" not in _row_articles(comparison, _tally(comparison, "tally-1"))
    assert "tally-3" not in _row_articles(comparison, _tally(comparison, "tally-2"))


def test_one_tally_in_other_words_is_one_row(comparison):
    assert "tally-2" in _row_articles(comparison, _tally(comparison, "tally-1"))
