"""Issue 4: every summary sentence and timeline entry of the 50 BASIL dev stories points to
real supporting sentences — the article is in the story, the offsets are valid, the text is
the text at those offsets, and the summary sentence is the supporting sentence's wording.

The 150 articles are analysed once (one spaCy pass) and each story compared with the real
default encoder.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from storylens.clean import clean_article
from storylens.compare import Lane, compare_analyses
from storylens.ingest.records import read_record
from storylens.pipeline import analyze_articles
from tests.conftest import DATA

BASIL = DATA / "basil-dev" / "articles.jsonl"

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def basil_comparisons():
    """(analyses by id, comparison) for each of the 50 stories."""
    records = [json.loads(line) for line in BASIL.open(encoding="utf-8")]
    articles = [clean_article(read_record(r, input_name=r["id"])) for r in records]
    analyses = list(analyze_articles(articles, n_process=1))
    story_of = {r["id"]: r["story_id"] for r in records}
    stories = defaultdict(list)
    for analysis in analyses:
        stories[story_of[analysis.article.id]].append(analysis)
    return [
        ({a.article.id: a for a in story}, compare_analyses(story))
        for _, story in sorted(stories.items())
    ]


def test_fifty_stories_compared(basil_comparisons):
    assert len(basil_comparisons) == 50
    assert all(len(by_id) == 3 for by_id, _ in basil_comparisons)
    with_summary = sum(bool(c.summary.sentences) for _, c in basil_comparisons)
    assert with_summary >= 45
    assert sum(bool(c.timeline.entries) for _, c in basil_comparisons) == 50


def _sentence_index(analysis, span):
    """The index of the analysis sentence that holds ``span``, or None."""
    for n, sentence in enumerate(analysis.sentences):
        if sentence.span.start <= span.start and span.end <= sentence.span.end:
            return n
    return None


def _check_span(by_id, article_id, span):
    assert article_id in by_id, f"{article_id} is not in the story"
    text = by_id[article_id].article.text
    assert 0 <= span.start < span.end <= len(text)
    assert text[span.start : span.end] == span.text


def test_every_summary_sentence_rests_on_real_sentences(basil_comparisons):
    checked = 0
    for by_id, comparison in basil_comparisons:
        rows = {row.id: row for row in comparison.rows}
        for sentence in comparison.summary.sentences:
            row = rows[sentence.row]
            members = {(f.article_id, f.span): f for f in (*row.facts, *row.restated)}
            assert len({s.article_id for s in sentence.support}) == len(sentence.support)
            for support in sentence.support:
                fact = members[(support.article_id, support.span)]
                _check_span(by_id, support.article_id, support.span)
                analysis = by_id[support.article_id]
                assert support.outlet == analysis.article.outlet
                assert 0 <= fact.sentence < len(analysis.sentences)
                assert _sentence_index(analysis, support.span) == fact.sentence
            assert sentence.source in sentence.support
            words = " ".join(sentence.source.span.text.split())
            text = words[:1].upper() + words[1:]
            if sentence.dissent:
                text = f"{text.rstrip('.')} ({sentence.dissent})."
            assert sentence.text == text
            assert sentence.outlets == tuple(dict.fromkeys(s.outlet for s in sentence.support))
            checked += 1
    assert checked >= 100


def test_every_timeline_entry_points_to_real_sentences(basil_comparisons):
    checked = 0
    for by_id, comparison in basil_comparisons:
        for entry in comparison.timeline.entries:
            if entry.lane is Lane.PUBLISHED:
                assert not entry.sentences
                published = {
                    (a.article.outlet, a.article.published.date())
                    for a in by_id.values()
                    if a.article.published
                }
                assert (entry.outlets[0], entry.date) in published
                continue
            assert entry.sentences, entry.label
            for item in entry.sentences:
                _check_span(by_id, item.article_id, item.sentence)
                _check_span(by_id, item.article_id, item.expression)
                analysis = by_id[item.article_id]
                assert item.outlet == analysis.article.outlet
                index = _sentence_index(analysis, item.sentence)
                assert index is not None
                assert analysis.sentences[index].span == item.sentence
                assert item.sentence.start <= item.expression.start
                assert item.expression.end <= item.sentence.end
                checked += 1
            assert entry.outlets == tuple(dict.fromkeys(s.outlet for s in entry.sentences))
    assert checked >= 100
