"""A lone fact that restates a shared row joins it instead of counting as unique."""

from __future__ import annotations

from storylens.compare.align import AlignmentSettings, aligned_rows, group_links
from storylens.compare.records import Fact, Link, LinkKind
from storylens.model import Span

TEXTS = {
    "a:0": "Talks with Russia were suspended on Monday.",
    "a:1": "The talks are off, the spokesman said.",
    "b:0": "The U.S. suspended talks with Russia.",
    "a:2": "Aleppo's largest hospital was bombed.",
}


BAR = AlignmentSettings(restate=0.8)


def _fact(fact_id: str) -> Fact:
    article, sentence = fact_id.split(":")
    text = TEXTS[fact_id]
    return Fact(
        id=fact_id,
        article_id=article,
        sentence=int(sentence),
        span=Span(start=0, end=len(text), text=text),
    )


def _link(source: str, target: str, score: float) -> Link:
    return Link(source=source, target=target, kind=LinkKind.EMBEDDING, cosine=0.7, score=score)


def test_second_sentence_of_an_article_becomes_a_restatement():
    facts = [_fact(i) for i in ("a:0", "a:1", "a:2", "b:0")]
    links = [_link("a:0", "b:0", 0.95), _link("a:1", "b:0", 0.9)]
    rows = aligned_rows(facts, group_links(facts, links), ["a", "b"], links, settings=BAR)
    shared = [row for row in rows if len(row.facts) > 1]
    assert len(shared) == 1
    assert [f.id for f in shared[0].facts] == ["a:0", "b:0"]
    assert [f.id for f in shared[0].restated] == ["a:1"]
    lone = [row.facts[0].id for row in rows if len(row.facts) == 1]
    assert lone == ["a:2"]
    assert [row.id for row in rows] == ["F1", "F2"]


def test_without_links_for_restating_the_fact_stays_alone():
    facts = [_fact(i) for i in ("a:0", "a:1", "a:2", "b:0")]
    links = [_link("a:0", "b:0", 0.95), _link("a:1", "b:0", 0.9)]
    rows = aligned_rows(facts, group_links(facts, links), ["a", "b"], settings=BAR)
    assert all(not row.restated for row in rows)
    assert sorted(row.facts[0].id for row in rows if len(row.facts) == 1) == ["a:1", "a:2"]


def test_a_link_below_the_restatement_bar_leaves_the_fact_alone():
    facts = [_fact(i) for i in ("a:0", "a:1", "a:2", "b:0")]
    links = [_link("a:0", "b:0", 0.95), _link("a:1", "b:0", 0.79)]
    rows = aligned_rows(facts, group_links(facts, links), ["a", "b"], links, settings=BAR)
    assert all(not row.restated for row in rows)
    assert sorted(row.facts[0].id for row in rows if len(row.facts) == 1) == ["a:1", "a:2"]
