"""One ferry grounding told by eight outlets (tests/compare/fixtures/ferry_many_outlets.jsonl).

Coast Record says the sea had been calm until the ship shuddered to a stop; North Sound News
says travellers described a smooth trip that ended with a sudden jolt. The same fact in other
words: with eight accounts read, neither may be "only in" its outlet. A fact no other outlet
comes near (the salvage plan, the tug standing by) still is.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from storylens.compare import AlignmentSettings, Comparison, compare_analyses
from storylens.compare.near import LOWEST_COVER, NEAR_COVER, cover_bar
from storylens.model import Analysis
from storylens.pipeline import analyze_paths

FIXTURE = Path(__file__).parent / "fixtures" / "ferry_many_outlets.jsonl"


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    outcome = analyze_paths([str(FIXTURE)])
    assert not outcome.issues
    return outcome.analyses


def _only_in(comparison: Comparison) -> dict[str, list[str]]:
    return {
        ref.outlet: [row.facts[0].span.text for row in comparison.unique(ref.id)]
        for ref in comparison.articles
    }


def test_a_paraphrase_among_many_accounts_is_not_only_in_either_outlet(analyses):
    only = _only_in(compare_analyses(analyses))
    assert not [t for t in only["Coast Record"] if "calm" in t]
    assert not [t for t in only["North Sound News"] if "jolt" in t]
    assert [t for t in only["Harbour Wire"] if "refloat" in t]
    assert [t for t in only["Gull Island Post"] if "tug" in t]


def test_the_bar_holds_for_two_articles_and_drops_with_more_accounts():
    assert cover_bar(NEAR_COVER, 1) == NEAR_COVER
    assert cover_bar(NEAR_COVER, 7) < cover_bar(NEAR_COVER, 3) < NEAR_COVER
    assert cover_bar(NEAR_COVER, 10_000) == LOWEST_COVER


def test_without_the_drop_the_paraphrase_was_claimed_only_in(analyses):
    """The old check (one bar for any number of accounts) made the false claim."""
    flat = replace(AlignmentSettings(), near_per_account=0.0)
    only = _only_in(compare_analyses(analyses, settings=flat))
    assert [t for t in only["Coast Record"] if "calm" in t]
