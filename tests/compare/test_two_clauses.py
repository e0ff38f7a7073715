"""A summary sentence of two main clauses cites only outlets that state both.

tests/compare/fixtures/two_clauses.jsonl: three outlets report a bridge closed by inspectors.
Harbor Ledger and Metro Daily add, in the same sentence, that drivers faced a detour through
Eastfield; Valley Post's sentence says only that the bridge was closed (and why). The pair model
links all three ledes, so without a check per clause the summary's two-clause sentence would
name Valley Post for the detour it never mentions.
"""

from __future__ import annotations

import pytest

from storylens.compare import Comparison
from storylens.compare.clauses import clauses, clauses_agree
from storylens.model import Analysis, Article, Evidence, InputFormat, Sentence, Span
from storylens.model.comparison import Fact


@pytest.fixture(scope="module")
def analysed(compared_fixture) -> tuple[dict[str, Analysis], Comparison]:
    return compared_fixture("two_clauses.jsonl")


def _lede(comparison: Comparison, article_id: str) -> Fact:
    return next(f for f in comparison.facts if f.article_id == article_id and f.sentence == 0)


def _one_sentence(text: str) -> tuple[Fact, Analysis]:
    article = Article(
        id="a",
        input="-",
        format=InputFormat.TEXT,
        text=text,
        title="t",
        title_span=None,
        outlet="o",
        outlet_evidence=Evidence.UNKNOWN,
    )
    span = Span(start=0, end=len(text), text=text)
    analysis = Analysis(article=article, sentences=(Sentence(span=span, paragraph=0),))
    return Fact(id="a:0", article_id="a", sentence=0, span=span), analysis


def test_the_detour_sentence_does_not_cite_the_outlet_that_only_reports_the_closure(analysed):
    _, comparison = analysed
    lede = next(s for s in comparison.summary.sentences if "detour" in s.text)
    row = next(r for r in comparison.rows if r.id == lede.row)
    # the closure-only lede is in the row and linked to the source: only the clause check
    # keeps it out
    assert "bridge-3" in row.article_ids
    assert set(lede.outlets) == {"Harbor Ledger", "Metro Daily"}


def test_an_outlet_must_share_words_with_each_clause(analysed):
    by_id, comparison = analysed
    one, two, three = (_lede(comparison, f"bridge-{n}") for n in (1, 2, 3))
    assert len(clauses(two, by_id["bridge-2"])) == 2
    assert clauses_agree(one, by_id["bridge-1"], two, by_id["bridge-2"])
    assert not clauses_agree(three, by_id["bridge-3"], two, by_id["bridge-2"])
    # the closure-only sentence has one clause: both others may support it
    assert clauses_agree(two, by_id["bridge-2"], three, by_id["bridge-3"])


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("The guard had to duck low, and Ortiz calmly blocked every jab.", 2),
        ("The mayor opened the fair, but most stalls stayed shut all day.", 2),
        ("Crews cleared the road; the ferry resumed service at noon.", 2),
        ("Police seized three rifles, two pistols, and a rocket-propelled grenade launcher.", 1),
        ("The agency has renewed the permit, and once again handed the firm a waiver.", 1),
        ("They paid a pitcher who rests four days, and who has a sore elbow.", 1),
        ("The ban covers tobacco, alcohol, and living room heaters in rented flats.", 1),
    ],
)
def test_main_clauses_need_their_own_subject_and_verb(text: str, parts: int) -> None:
    fact, analysis = _one_sentence(text)
    assert len(clauses(fact, analysis)) == parts
