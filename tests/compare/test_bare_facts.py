"""Facts with no term to judge them by (tests/compare/fixtures/bare_age.jsonl).

Both outlets give the painter's age in a sentence of stopwords and a bare number ("He was
84."): no content word, entity, counted number or date, so the lexical filter
(`features.lexical_candidates`) can never keep it. Such facts are embedded on their own
(`features.termless`), and the pair model decides.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.compare import Comparison, compare_analyses
from storylens.compare.features import FactFeatures, termless
from storylens.model.comparison import Fact
from storylens.pipeline import analyze_paths

FIXTURE = Path(__file__).parent / "fixtures" / "bare_age.jsonl"


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    outcome = analyze_paths([str(FIXTURE)])
    assert not outcome.issues
    return compare_analyses(outcome.analyses)


def _age(comparison: Comparison, article_id: str) -> Fact:
    return next(
        f for f in comparison.facts if f.article_id == article_id and f.span.text == "He was 84."
    )


def test_bare_age_sentences_share_a_row(comparison):
    first, second = _age(comparison, "age-1"), _age(comparison, "age-2")
    rows = [r for r in comparison.shared() if first in (*r.facts, *r.restated)]
    assert any(second in (*r.facts, *r.restated) for r in rows)


def test_termless_is_only_facts_without_terms():
    empty = FactFeatures(entities={}, words={}, numbers=(), dates=())
    worded = FactFeatures(entities={}, words={"painte": 1.0}, numbers=(), dates=())
    dated = FactFeatures(entities={}, words={}, numbers=(), dates=("2024-03-05",))
    assert termless([empty, worded, dated]) == [True, False, False]


AGES_DIFFER = Path(__file__).parent / "fixtures" / "bare_ages_differ.jsonl"


def test_bare_sentences_giving_other_numbers_are_not_one_row():
    outcome = analyze_paths([str(AGES_DIFFER)])
    assert not outcome.issues
    comparison = compare_analyses(outcome.analyses)
    ages = {"She was 88.", "She was 83."}
    for row in comparison.shared():
        assert len(ages & {f.span.text for f in (*row.facts, *row.restated)}) < 2
