"""Comparison is symmetric: the order of the inputs does not change what is aligned."""

from __future__ import annotations

import pytest

from storylens.compare import TooFewArticles, compare_analyses


def _alignments(comparison):
    return {frozenset(f.id for f in row.facts) for row in comparison.shared()}


def test_compare_symmetric_in_input_order(seed_analyses, seed_comparison):
    reversed_order = compare_analyses([seed_analyses["Opposing Views"], seed_analyses["PJ Media"]])
    assert _alignments(reversed_order) == _alignments(seed_comparison)
    assert {m.quotes[0].quote_id + m.quotes[1].quote_id for m in reversed_order.quote_matches} == {
        m.quotes[0].quote_id + m.quotes[1].quote_id for m in seed_comparison.quote_matches
    }
    assert len(reversed_order.conflicts) == len(seed_comparison.conflicts)


def test_compare_needs_two_articles(seed_analyses):
    with pytest.raises(TooFewArticles):
        compare_analyses([seed_analyses["PJ Media"]])
