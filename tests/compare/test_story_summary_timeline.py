from __future__ import annotations

import pytest

from storylens.compare import compare_analyses
from storylens.compare.summary import summarize
from storylens.compare.timeline import build_timeline


@pytest.fixture(scope="module")
def story(seed_analyses):
    analyses = [seed_analyses["PJ Media"], seed_analyses["Opposing Views"]]
    return analyses, compare_analyses(analyses)


def test_summary_led_by_the_suspension_with_true_provenance(story):
    analyses, comparison = story
    summary = summarize(comparison, analyses)
    assert 1 <= len(summary.sentences) <= 5
    lead = summary.sentences[0]
    assert "suspend" in lead.text
    assert "talks with Russia" in lead.text
    starts = {a.article.id: a.sentences[0].span.start for a in analyses}
    assert any(s.span.start <= starts[s.article_id] for s in lead.support), "lead is no lede"
    assert set(summary.sentences[0].outlets) == {"PJ Media", "Opposing Views"}
    texts = {a.article.id: a.article.text for a in analyses}
    outlets = {a.article.id: a.article.outlet for a in analyses}
    for sentence in summary.sentences:
        for support in sentence.support:
            assert (
                texts[support.article_id][support.span.start : support.span.end]
                == support.span.text
            )
            assert outlets[support.article_id] in sentence.outlets


def test_timeline_orders_convoy_attack_statement_and_suspension(story):
    analyses, _ = story
    entries = build_timeline(analyses).entries

    def position(needle):
        return next(
            i for i, e in enumerate(entries) if any(needle in s.sentence.text for s in e.sentences)
        )

    assert (
        position("September 19")
        < position("Last week, Sens.")
        < position("said in a statement today")
    )
    plutonium = entries[position("plutonium")]
    assert plutonium.date is not None
    assert (plutonium.date.month, plutonium.date.day) == (10, 3)
