"""Headline, page stamps and lede glued into one sentence (fixtures/glued_tops.jsonl).

Three scraped pages whose top runs together as one line: two report the ferry suspended on
7 April (pages of 8 April), one a later suspension (a page of 23 May). The stamps are cut out
as timestamps, the text above them is a headline, and the headlines of pages six weeks apart
never share a row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.compare import Comparison, compare_analyses
from storylens.compare.datelines import datelines
from storylens.pipeline import analyze_paths

FIXTURE = Path(__file__).parent / "fixtures" / "glued_tops.jsonl"


@pytest.fixture(scope="module")
def analysed():
    outcome = analyze_paths([str(FIXTURE)])
    assert not outcome.issues
    return outcome.analyses, compare_analyses(outcome.analyses)


def _kinds(comparison: Comparison, article_id: str) -> list[tuple[str, str]]:
    return [(f.kind, f.span.text) for f in comparison.facts if f.article_id == article_id][:4]


def test_stamps_are_found_at_the_top_only(analysed):
    analyses, _ = analysed
    stamps = {a.article.id: [s.text for s in datelines(a)] for a in analyses}
    assert stamps["ferry-1"] == ["April 8, 2025, 10:42 AM", "Updated 2:15 p.m. ET"]
    assert stamps["ferry-2"] == ["Posted on Tue Apr 8, 2025 09:05 AM EDT"]
    # "since March 3, 2025" is a date of the story, after a preposition: not a stamp
    assert stamps["ferry-3"] == ["23 May 2025"]


def test_glued_top_is_cut_into_headline_stamps_and_lede(analysed):
    _, comparison = analysed
    assert _kinds(comparison, "ferry-1")[:3] == [
        ("headline", "Ferry Service To Ostrow Island Suspended Indefinitely"),
        ("timestamp", "April 8, 2025, 10:42 AM"),
        ("timestamp", "Updated 2:15 p.m. ET"),
    ]
    lede = _kinds(comparison, "ferry-1")[3]
    assert lede[0] == "statement"
    assert lede[1].startswith("The county suspended the ferry")


def test_pages_weeks_apart_share_no_row(analysed):
    _, comparison = analysed
    for row in comparison.rows:
        ids = set(row.article_ids)
        assert not ({"ferry-1", "ferry-2"} & ids and "ferry-3" in ids), [
            f.span.text for f in row.facts
        ]


def test_ledes_of_one_day_are_one_row(analysed):
    _, comparison = analysed
    rows = [
        r
        for r in comparison.shared()
        if {"ferry-1", "ferry-2"} <= set(r.article_ids)
        and any(f.span.text.startswith("The county") for f in r.facts)
    ]
    assert rows
