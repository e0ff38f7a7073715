"""A row's outlet count says what the outlets did: copies are copies, headlines are headlines.

Fixture `headline_rows.jsonl` (written for this test): three independent accounts of one
ferry stoppage, each an untitled scrape whose first line is its headline. The lede's row
holds two outlets' body sentences and the third outlet's headline: three outlets, three
independent accounts (no copies), one of them by its headline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.compare import compare_analyses
from storylens.pipeline import analyze_paths
from storylens.report.compare_markdown import render_comparison_markdown

FIXTURE = Path(__file__).parent / "fixtures" / "headline_rows.jsonl"


@pytest.fixture(scope="module")
def comparison():
    return compare_analyses(analyze_paths([str(FIXTURE)]).analyses)


def _lede_row(comparison):
    return next(r for r in comparison.rows if any("winter storm" in f.span.text for f in r.facts))


def test_headlines_are_not_called_copies(comparison):
    row = _lede_row(comparison)
    outlets, accounts, page_only = comparison.tally(row)
    assert all(ref.copy_of is None for ref in comparison.articles)
    assert outlets == accounts == 3
    assert page_only == 1
    report = render_comparison_markdown(comparison)
    assert f"**{row.id}** — 3 outlets (1 of them by a headline or other page text)" in report
    assert "independent" not in report
