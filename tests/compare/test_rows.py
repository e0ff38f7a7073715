"""Rows are propositions: complete linkage (no chaining), restatements, two rows per fact, near."""

from __future__ import annotations

from storylens.compare.rows import build_rows, sibling_near
from storylens.model import Span
from storylens.model.comparison import Fact, Link, LinkKind

TEXTS = {
    "a:0": "Talks with Russia were suspended on Monday.",
    "a:1": "The talks are off, the spokesman said.",
    "a:2": "Aleppo's largest hospital was bombed.",
    "b:0": "The U.S. suspended talks with Russia after the hospital strike.",
    "c:0": "A hospital in Aleppo was bombed for the third time.",
    "c:1": "Moscow said it regretted the American decision.",
}


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


FACTS = [_fact(i) for i in TEXTS]
INDEX = {f.id: n for n, f in enumerate(FACTS)}


def _rows(links: list[Link], scores: dict[tuple[str, str], float] | None = None):
    pairs = {}
    for (x, y), value in (scores or {}).items():
        i, j = sorted((INDEX[x], INDEX[y]))
        pairs[(i, j)] = value
    return build_rows(FACTS, links, pairs, ["a", "b", "c"])


def _members(row) -> list[str]:
    return sorted(f.id for f in (*row.facts, *row.restated))


def test_a_second_sentence_of_an_article_is_a_restatement():
    rows = _rows([_link("a:0", "b:0", 0.95), _link("a:1", "b:0", 0.9)])
    shared = [row for row in rows if len(row.facts) > 1]
    assert len(shared) == 1
    assert [f.id for f in shared[0].facts] == ["a:0", "b:0"]
    assert [f.id for f in shared[0].restated] == ["a:1"]
    assert "a:1" not in {row.facts[0].id for row in rows if len(row.facts) == 1}


def test_no_chaining_two_links_through_one_fact_make_two_rows():
    """a:0 ~ b:0 and b:0 ~ c:0 but a:0 !~ c:0: the middle fact stands in two rows."""
    rows = _rows([_link("a:0", "b:0", 0.9), _link("b:0", "c:0", 0.8)])
    shared = sorted(_members(row) for row in rows if len(row.facts) > 1)
    assert shared == [["a:0", "b:0"], ["b:0", "c:0"]]


def test_a_fact_joins_a_row_only_when_it_links_to_every_member():
    links = [_link("a:0", "b:0", 0.9), _link("b:0", "c:0", 0.8), _link("a:0", "c:0", 0.7)]
    rows = _rows(links)
    assert [_members(row) for row in rows if len(row.facts) > 1] == [["a:0", "b:0", "c:0"]]


def test_a_lone_fact_near_another_article_is_not_only_in_its_outlet():
    rows = _rows([_link("a:0", "b:0", 0.9)], scores={("c:1", "a:1"): 0.36, ("a:2", "c:0"): 0.1})
    near = {row.facts[0].id: row.near for row in rows if len(row.facts) == 1}
    assert near["c:1"] == ("a",)
    assert near["a:1"] == ("c",)
    assert near["a:2"] == ()


def test_a_clause_beside_a_shared_clause_is_not_only_in_its_outlet():
    """d:0 and d:1 are two clauses of one sentence; e states the first, nobody the second."""
    text = "The ferry left the pier at noon, and it turned back an hour later."
    first, second = text.index("The"), text.index("it turned")
    clauses = [
        Fact(id="d:0", article_id="d", sentence=0, span=Span(start=first, end=31, text=text[:31])),
        Fact(
            id="d:1",
            article_id="d",
            sentence=0,
            span=Span(start=second, end=len(text), text=text[second:]),
        ),
        Fact(id="e:0", article_id="e", sentence=0, span=Span(start=0, end=31, text=text[:31])),
        Fact(id="e:1", article_id="e", sentence=1, span=Span(start=0, end=9, text="Sunny day")),
    ]
    rows = build_rows(clauses, [_link("d:0", "e:0", 0.95)], {}, ["d", "e"])
    alone = {row.facts[0].id: row for row in rows if len(row.facts) == 1}
    assert alone["d:1"].near == ()
    widened = {row.facts[0].id: row for row in sibling_near(rows) if len(row.facts) == 1}
    assert widened["d:1"].near == ("e",)
    assert widened["e:1"].near == ()
