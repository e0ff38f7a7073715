"""An untitled page's opening may be its headline run into the lede: it supports no summary.

Fixture (tests/compare/fixtures/untitled_opening.jsonl): two titled reports and one untitled
page that opens with the same lede. Nothing tells its opening from a headline glued to a lede,
so the summary sentence about the closure names the titled outlets and not the untitled page
(it is still in the row: the comparison shows it carries the fact).
"""

from __future__ import annotations

from pathlib import Path

from storylens.compare import compare_analyses
from storylens.pipeline import analyze_paths

FIXTURE = Path(__file__).parent / "fixtures" / "untitled_opening.jsonl"


def test_an_untitled_opening_supports_no_summary_sentence():
    outcome = analyze_paths([str(FIXTURE)])
    assert not outcome.issues
    comparison = compare_analyses(outcome.analyses)
    row = next(
        r for r in comparison.shared() if {"bridge-1", "bridge-2", "bridge-3"} <= set(r.article_ids)
    )
    closure = [s for s in comparison.summary.sentences if s.row == row.id]
    assert closure, [s.text for s in comparison.summary.sentences]
    assert "Valley Bulletin" not in closure[0].outlets
    assert {"Riverside Herald", "Northgate Times"} <= set(closure[0].outlets)
