"""Word-by-word agreement (BERTScore) between facts, with the real MiniLM word states."""

from __future__ import annotations

import pytest

from storylens.compare.features import embed_facts, word_agreement
from storylens.embedding import default_encoder
from storylens.model import Span
from storylens.model.comparison import Fact


def _facts(*texts: str) -> list[Fact]:
    return [
        Fact(
            id=f"a{n}:0",
            article_id=f"a{n}",
            sentence=0,
            span=Span(start=0, end=len(text), text=text),
            quote_ids=(),
        )
        for n, text in enumerate(texts)
    ]


@pytest.fixture(scope="module")
def words():
    facts = _facts(
        "Washington halted its negotiations with Moscow over the war in Syria.",
        "The United States suspended talks with Russia about the Syrian conflict.",
        "Russia's foreign ministry criticised the United States over Syria.",
        "The hospital in Aleppo was struck for the third time in a week.",
    )
    _, found = embed_facts(facts, default_encoder())
    return found


def test_a_paraphrase_agrees_more_than_a_sentence_sharing_only_names(words):
    paraphrase = word_agreement(words[0], words[1])
    same_names = word_agreement(words[1], words[2])
    unrelated = word_agreement(words[0], words[3])
    assert paraphrase > same_names > unrelated


def test_agreement_is_symmetric_and_bounded(words):
    assert word_agreement(words[0], words[1]) == pytest.approx(word_agreement(words[1], words[0]))
    assert 0.0 < word_agreement(words[0], words[1]) <= 1.0
    assert word_agreement(words[0], words[0]) == pytest.approx(1.0, abs=1e-3)


def test_stopwords_carry_no_weight_and_an_unembedded_fact_agrees_with_nothing(words):
    facts = _facts("It was what they had.", "Talks were suspended.")
    vectors, found = embed_facts(facts, default_encoder(), only=[True, False])
    assert len(found[0].weights) == 0
    assert len(found[1].weights) == 0
    assert not vectors[1].any()
    assert word_agreement(found[0], words[0]) == 0.0
